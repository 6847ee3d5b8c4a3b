"""API tokens: made on the account page and shown once, stored as a SHA-256 only, scoped,
revocable, their use recorded."""

import hashlib
import re

import sqlalchemy as sa
from flask.testing import FlaskClient

from paja.api_tokens import ApiToken
from paja.extensions import db
from paja.models import Role
from tests import factories
from tests.conftest import Auth


def make(client: FlaskClient, **form: object) -> str:
    """Post the token form; the page it leads to."""
    response = client.post(
        "/account/tokens/", data={"owner": "personal", **form}, follow_redirects=True
    )
    assert response.headers["Cache-Control"] == "no-store"  # the token is kept nowhere
    return response.text


def test_a_token_is_shown_once_and_stored_as_a_fingerprint(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.PARTICIPANT)
    page = make(client, name="Intranet", scopes=["registrations:write"])
    text = re.search(r'id="new-token" value="(paja_[^"]+)"', page).group(1)
    token = db.session.scalars(sa.select(ApiToken)).one()
    assert token.token_hash == hashlib.sha256(text.encode()).hexdigest()
    assert text not in str(db.session.execute(sa.select(ApiToken.__table__)).all())
    assert token.scopes == {"registrations:write"}
    again = client.get("/account/tokens/").text  # a reload asks again, making none
    assert text not in again and token.hint in again  # never shown again, only its start
    assert db.session.scalar(sa.select(sa.func.count(ApiToken.id))) == 1


def test_using_a_token_is_recorded_and_revoking_stops_it(client: FlaskClient, auth: Auth) -> None:
    owner = auth.login(Role.PARTICIPANT)
    text = re.search(
        r'value="(paja_[^"]+)"', make(client, name="HR", scopes=["account:read"])
    ).group(1)
    token = db.session.scalars(sa.select(ApiToken)).one()
    header = {"Authorization": f"Bearer {text}", "Accept-Language": "fi"}
    assert client.get("/api/v1/registrations/1", headers=header).status_code == 403
    assert db.session.get(ApiToken, token.id).last_used_at is not None
    client.post(f"/account/tokens/{token.id}/revoke")
    refused = client.get("/api/v1/registrations/1", headers=header)
    assert refused.status_code == 401 and "peruttu" in refused.get_json()["detail"]
    owner.active = False  # a deactivated holder's tokens stop too
    db.session.commit()
    wrong = client.get("/api/v1/registrations/1", headers={"Authorization": "Bearer paja_x"})
    assert wrong.status_code == 401


def test_the_form_refuses_what_cannot_be(client: FlaskClient, auth: Auth) -> None:
    user = auth.login(Role.CUSTOMER)
    mine = factories.create_organisation(members=(user,))
    theirs = factories.create_organisation()
    page = make(client, name="", scopes=[])
    assert "Nimeä tunnus" in page and "Valitse vähintään yksi" in page
    forged = make(client, name="X", scopes=["everything:write"])
    assert "paja_" not in forged.split('id="new-token"')[0][-10:]  # nothing made
    assert db.session.scalar(sa.select(sa.func.count(ApiToken.id))) == 0
    assert (
        make(client, name="X", scopes=["account:read"], owner=str(theirs.id)).count(
            'id="new-token"'
        )
        == 0
    )
    made = make(client, name="Organisaatio", scopes=["account:read"], owner=str(mine.id))
    assert 'id="new-token"' in made
    assert db.session.scalars(sa.select(ApiToken)).one().organisation_id == mine.id


def test_only_the_holder_revokes(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.PARTICIPANT)
    make(client, name="Oma", scopes=["account:read"])
    token = db.session.scalars(sa.select(ApiToken)).one()
    auth.login(Role.PARTICIPANT)
    assert client.post(f"/account/tokens/{token.id}/revoke").status_code == 403
    assert db.session.get(ApiToken, token.id).revoked_at is None

"""`GET /me` shows a personal token's holder; an organisation's token is not a person."""

from flask.testing import FlaskClient

from paja.models import Role
from tests import factories
from tests.api_helpers import token_for


def test_the_account_shows_who_a_personal_token_belongs_to(client: FlaskClient) -> None:
    person = factories.create_user(roles={Role.CUSTOMER})
    organisation = factories.create_organisation(members=(person,))
    body = client.get("/api/v1/me", headers=token_for(person, "account:read")).get_json()
    assert (body["email"], body["roles"]) == (person.email, ["customer"])
    assert body["organisations"] == [{"id": organisation.id, "name": organisation.name}]
    scoped = token_for(person, "account:read", organisation=organisation)
    assert client.get("/api/v1/me", headers=scoped).status_code == 403

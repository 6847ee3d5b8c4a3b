"""The ministry's demo programme (004): half-way, three categories, three units, waiting claims."""

import sqlalchemy as sa
from flask.testing import FlaskClient

from incentives.labels import ClaimStatus, Visibility
from incentives.models import Claim, LedgerEntry, Participant, Programme
from paja.demo import load_demo
from paja.extensions import db
from paja.models import User
from tests.conftest import Auth


def test_the_ministry_programme_is_half_way_with_claims_waiting(
    client: FlaskClient, auth: Auth
) -> None:
    load_demo()
    item = db.session.scalar(
        sa.select(Programme).where(Programme.name == "Välitön viestintä vaikuttaa")
    )
    assert item is not None and item.organisation.name == "Sisäministeriö"
    assert item.categories[0].name_fi == "Sosiaalinen media" and len(item.teams) == 3
    people = db.session.scalars(
        sa.select(Participant).where(Participant.programme_id == item.id)
    ).all()
    assert len(people) >= 12 and {p.visibility for p in people} == set(Visibility)
    waiting = db.session.scalars(sa.select(Claim).where(Claim.status == ClaimStatus.PENDING)).all()
    assert len(waiting) == 3
    sources = {s.split(":")[0] for s in db.session.scalars(sa.select(LedgerEntry.source))}
    assert {"claim", "attendance", "course"} <= sources
    tiia = db.session.scalar(sa.select(User).where(User.email == "tiia.talvitie@paja.example"))
    auth.login(tiia)
    assert "Haastattelu Helsingin Sanomissa" in client.get(
        f"/incentives/{item.id}/claims"
    ).get_data(as_text=True)
    load_demo()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Programme)) == 1

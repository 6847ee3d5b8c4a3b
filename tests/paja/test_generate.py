"""`paja generate --scale N`: bulk data that the pages and rules read like any other."""

import sqlalchemy as sa
from flask import Flask

from feedback.models import Response, Survey
from incentives.models import LedgerEntry, Participant, Programme, Score
from paja.extensions import db
from paja.models import Organisation, User
from plans.models import Entry
from tests.conftest import Auth
from trainings.models import AgendaItem, Event, Offering, Registration, TrainingSession


def test_generate_fills_a_database_that_the_pages_read(racing_app: Flask) -> None:
    runner = racing_app.test_cli_runner()
    result = runner.invoke(args=["generate", "--scale", "2"])
    assert result.exit_code == 0, result.output
    assert "registrations: 1000" in result.output and "ledger entries: 20000" in result.output
    with racing_app.app_context():
        count = lambda model: db.session.scalar(sa.select(sa.func.count()).select_from(model))  # noqa: E731
        assert (count(User), count(Organisation), count(Offering)) == (400, 10, 10)
        assert (count(TrainingSession), count(Registration), count(Entry)) == (44, 1240, 100)
        assert (count(Event), count(AgendaItem)) == (2, 16)
        assert (count(Survey), count(Response)) == (2, 1200)
        assert (count(Programme), count(Participant), count(LedgerEntry)) == (10, 400, 20000)
        scores = db.session.scalar(sa.select(sa.func.sum(Score.points)))
        assert scores == db.session.scalar(sa.select(sa.func.sum(LedgerEntry.points)))
        assert scores == db.session.scalar(sa.select(sa.func.sum(Participant.points)))
        slug = db.session.scalar(sa.select(Offering.slug).order_by(Offering.id))
        event = db.session.scalar(sa.select(Event.id).order_by(Event.id))
        survey, owner = db.session.execute(sa.select(Survey.id, Survey.owner_id)).first()
        organiser = db.session.scalar(sa.select(Event.created_by_id).where(Event.id == event))
        owner_user, organiser_user = db.session.get(User, owner), db.session.get(User, organiser)
    client = racing_app.test_client()
    assert client.get("/trainings/").status_code == 200
    assert client.get(f"/trainings/{slug}").status_code == 200
    event_page = client.get(f"/trainings/events/{event}").get_data(as_text=True)
    assert f"Verkostopäivät {event}" in event_page and "Hankkeiden viestintä somessa" in event_page
    Auth(client).login(owner_user)
    summary = client.get(f"/feedback/surveys/{survey}/summary").get_data(as_text=True)
    assert "200" in summary  # 100 times scale responses
    Auth(client).login(organiser_user)
    assert client.get(f"/trainings/events/{event}/manage").status_code == 200
    result = runner.invoke(args=["generate", "--scale", "1"])  # runs again on top, ids move on
    assert result.exit_code == 0, result.output
    bad = runner.invoke(args=["generate", "--scale", "500"])
    assert bad.exit_code == 2

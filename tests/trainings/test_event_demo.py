"""The demo network days follow seed 000: three days, two presenting projects each, 20 to 30 people."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask

from feedback.models import Response
from paja.demo import load_demo
from paja.extensions import db
from paja.i18n import HELSINKI
from trainings.demo.event_data import TITLE
from trainings.models import (
    AgendaItem,
    AgendaKind,
    Event,
    Registration,
    SharedLink,
    SmallGroup,
)
from trainings.queries.events import days_of


def test_the_demo_event_is_the_ely_centres_three_network_days(app: Flask) -> None:
    load_demo()
    load_demo()  # idempotent
    [event] = db.session.scalars(sa.select(Event).where(Event.title == TITLE)).all()
    assert event.organisation.name == "Hämeen ELY-keskus"
    days = days_of(event)
    assert [(d.starts_at.astimezone(HELSINKI).month) for d in days] == [5, 6, 6]
    projects = {p.name for p in event.projects}
    assert {"Tuottava ja tuloksellinen työelämä", "OmaKehu", "Living Portfolio",
            "Iisisti töihin"} <= projects and len(projects) == 6  # fmt: skip
    for day in days:
        items = db.session.scalars(sa.select(AgendaItem).where(AgendaItem.session_id == day.id))
        kinds = [item.kind for item in items]
        assert kinds.count(AgendaKind.INTRODUCTION) == 1
        assert kinds.count(AgendaKind.PRESENTATION) == 2
        people = db.session.scalar(
            sa.select(sa.func.count()).where(Registration.session_id == day.id)
        )
        assert 20 <= people <= 30
        assert db.session.scalar(
            sa.select(sa.func.count()).where(SmallGroup.session_id == day.id, SmallGroup.published)
        )
        assert db.session.scalar(
            sa.select(sa.func.count()).where(Response.survey_id == day.feedback_survey_id)
        )
    assert db.session.scalar(sa.select(sa.func.count()).where(SharedLink.event_id == event.id))
    assert event.wish_board is not None and event.wish_board.title == "Verkostopäivien teematoiveet"

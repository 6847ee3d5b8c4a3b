"""Racing requests cannot beat the caps or the cheat guard (SQLite and PostgreSQL)."""

import sqlalchemy as sa
from flask import Flask

from incentives.models import Claim, LedgerEntry, Score
from incentives.operations.ledger import helsinki_today
from paja.extensions import db
from tests.incentives.factories import logged_type, participant, programme
from tests.racing import race

RACERS = 8


def test_racing_logs_of_one_activity_count_once(racing_app: Flask) -> None:
    with racing_app.app_context():
        item = programme()
        person = participant(item)
        post = logged_type(item, 0, needs_approval=False, evidence_required=False, cap_day=None)
        user, programme_id, post_id, person_id = person.user, item.id, post.id, person.id
        db.session.refresh(user)
        db.session.expunge(user)
    form = {"activity": str(post_id), "done_on": helsinki_today().isoformat()}
    codes = race(racing_app, f"/incentives/{programme_id}/log", [form] * RACERS, user)
    assert sorted(codes) == [200] * (RACERS - 1) + [302]  # the pause refuses the others
    with racing_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Claim)) == 1
        total = db.session.scalar(
            sa.select(sa.func.sum(Score.points)).where(Score.participant_id == person_id)
        )
        assert total == db.session.scalar(sa.select(sa.func.sum(LedgerEntry.points))) == post.points


def test_racing_logs_of_different_activities_keep_the_caps(racing_app: Flask) -> None:
    with racing_app.app_context():
        item = programme()
        person = participant(item)
        for category in item.categories:  # every logged type: counted at once, 1 a week at most
            for activity in category.activity_types:
                activity.needs_approval, activity.evidence_required = False, False
                activity.cap_day, activity.cap_week = None, 1
        db.session.commit()
        types = [a.id for c in item.categories for a in c.activity_types if a.source == "logged"]
        user, programme_id = person.user, item.id
        db.session.refresh(user)
        db.session.expunge(user)
    forms = [
        {"activity": str(t), "done_on": helsinki_today().isoformat()}
        for t in types
        for _ in range(2)
    ]
    codes = race(racing_app, f"/incentives/{programme_id}/log", forms, user)
    assert codes.count(302) == len(types)
    with racing_app.app_context():
        counted = db.session.scalars(sa.select(Claim.activity_type_id)).all()
        assert sorted(counted) == sorted(types)

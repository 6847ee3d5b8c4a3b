"""Colleagues saving one section at the same moment: exactly one save wins, the rest are told."""

import sqlalchemy as sa
from flask import Flask

from paja.extensions import db
from plans.labels import PlanRole
from plans.models import PlanSection, SectionVersion
from tests.plans.factories import colleague, org_plan
from tests.racing import race

RACERS = 8


def test_racing_saves_of_one_version_leave_one_winner(racing_app: Flask) -> None:
    with racing_app.app_context():
        plan = org_plan()
        editors = [colleague(plan, PlanRole.EDITOR) for _ in range(RACERS)]
        plan_id = plan.id
        for editor in editors:
            db.session.refresh(editor)
            db.session.expunge(editor)
    forms = [{"version": "0", "q_11a": f"Seuraa {n}"} for n in range(RACERS)]
    codes = race(racing_app, f"/plans/{plan_id}/sections/11", forms, editors)
    assert sorted(codes) == [200] * (RACERS - 1) + [302]  # the others see the conflict page
    winner = codes.index(302)
    with racing_app.app_context():
        section = db.session.get(PlanSection, (plan_id, "11"))
        versions = db.session.scalars(
            sa.select(SectionVersion.answers).where(SectionVersion.plan_id == plan_id)
        ).all()
        assert section is not None
        assert (section.version, section.answers) == (1, {"11a": f"Seuraa {winner}"})
    assert versions == [{"11a": f"Seuraa {winner}"}]

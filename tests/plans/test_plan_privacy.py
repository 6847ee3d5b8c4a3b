"""A person's plans in their data download, and what erasing them removes."""

from datetime import datetime

import sqlalchemy as sa
from flask import Flask

from paja.extensions import db
from paja.models import Role
from paja.privacy import collect, erase
from plans.labels import PlanRole
from plans.models import Comment, Entry, Plan, PlanSection
from plans.operations.comments import post_comment
from tests import factories
from tests.plans.factories import colleague, entry, org_plan, personal_plan


def test_the_download_holds_ones_plans_comments_and_entries(app: Flask) -> None:
    own = personal_plan()
    section = db.session.get(PlanSection, (own.id, "7"))
    assert section is not None
    section.answers = {"7b": "Näkyvyys"}
    team = org_plan()
    member = colleague(team, PlanRole.EDITOR)
    post_comment(team, "1", member, "Oma kommenttini", [member, team.owner])
    entry(team, datetime(2027, 3, 2, 10), owner=member, topic="Minun julkaisuni")
    data = collect(member).sections
    assert data["personal_plans"] == []
    assert [c["text"] for c in data["plan_comments"]] == ["Oma kommenttini"]
    assert [e["topic"] for e in data["plan_entries_owned"]] == ["Minun julkaisuni"]
    mine = collect(own.owner).sections["personal_plans"]
    assert mine[0]["answers"] == {"7": {"7b": "Näkyvyys"}}


def test_erasing_removes_personal_plans_and_comment_texts_but_not_the_teams_plan(
    app: Flask,
) -> None:
    team = org_plan()
    member = colleague(team, PlanRole.EDITOR)
    own = personal_plan(owner=member)
    post_comment(team, "1", member, "Poistuva teksti", [member, team.owner])
    made = entry(team, datetime(2027, 3, 2, 10), owner=member)
    own_id, team_id, entry_id = own.id, team.id, made.id
    erase(factories.create_user(roles={Role.ADMIN}), member)
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(Plan, own_id) is None
    assert db.session.get(Plan, team_id) is not None
    comment = db.session.scalar(sa.select(Comment).where(Comment.plan_id == team_id))
    assert comment is not None and comment.body == "" and comment.deleted_at is not None
    assert db.session.get(Entry, entry_id).owner_id is None  # type: ignore[union-attr]

"""Who may do what with a plan: owner, editor, commenter, viewer, trainers, everyone else."""

from datetime import datetime

import pytest
from flask.testing import FlaskClient

from paja.extensions import db
from paja.models import Role, User
from plans.labels import PlanRole
from plans.models import Comment, Plan
from tests import factories
from tests.conftest import Auth
from tests.plans.factories import colleague, entry, member, org_plan, personal_plan
from tests.trainings.factories import create_session, create_trainer

OWN, E, C, V = PlanRole.OWNER, PlanRole.EDITOR, PlanRole.COMMENTER, PlanRole.VIEWER
#: (method, URL pattern, the least role that may use it)
ROUTES = [
    ("GET", "/plans/{plan}", V), ("GET", "/plans/{plan}/print", V), ("GET", "/plans/{plan}/plan.pdf", V),
    ("GET", "/plans/{plan}/sections/7", V), ("GET", "/plans/{plan}/sections/7/history", V),
    ("GET", "/plans/{plan}/comments", V), ("GET", "/plans/{plan}/calendar", V),
    ("GET", "/plans/{plan}/calendar/week", V), ("GET", "/plans/{plan}/calendar/list", V),
    ("GET", "/plans/entries/{entry}", V), ("GET", "/plans/{plan}/calendar.csv", V),
    ("GET", "/plans/{plan}/people", V),
    ("POST", "/plans/{plan}/sections/7/comments", C), ("GET", "/plans/comments/{comment}/reply", C),
    ("POST", "/plans/comments/{comment}/resolve", C),
    ("POST", "/plans/{plan}/sections/7", E), ("GET", "/plans/{plan}/entries/new", E),
    ("POST", "/plans/entries/{entry}", E), ("POST", "/plans/entries/{entry}/move", E),
    ("POST", "/plans/entries/{entry}/status", E), ("GET", "/plans/{plan}/calendar/import", E),
    ("POST", "/plans/entries/{entry}/delete", E),
    ("GET", "/plans/{plan}/settings", OWN), ("POST", "/plans/{plan}/people", OWN),
    ("POST", "/plans/{plan}/feed", OWN), ("POST", "/plans/{plan}/people/{someone}/remove", OWN),
    ("POST", "/plans/{plan}/delete", OWN),
]  # fmt: skip
RANK = {OWN: 3, E: 2, C: 1, V: 0}


def url(pattern: str, plan: Plan, entry_id: int, comment_id: int, someone: int) -> str:
    return pattern.format(plan=plan.id, entry=entry_id, comment=comment_id, someone=someone)


@pytest.mark.parametrize("role", [OWN, E, C, V, None], ids=lambda r: r or "outsider")
def test_each_role_on_an_organisation_plan(
    client: FlaskClient, auth: Auth, role: PlanRole | None
) -> None:
    plan = org_plan()
    made = entry(plan, datetime(2027, 3, 2, 10))
    comment = Comment(plan_id=plan.id, section_key="7", author=plan.owner, body="Hei")
    db.session.add(comment)
    db.session.commit()
    people: dict[PlanRole | None, User] = {
        OWN: plan.owner, E: colleague(plan, E), C: colleague(plan, C), V: member(plan.organisation),
        None: factories.create_user(roles={Role.ADMIN}),  # admins are not on others' plans
    }  # fmt: skip
    entry_id, comment_id, viewer_id = made.id, comment.id, people[V].id
    auth.login(people[role])
    for method, pattern, least in ROUTES:
        target = url(pattern, plan, entry_id, comment_id, viewer_id)
        code = client.open(target, method=method).status_code
        allowed = role is not None and RANK[role] >= RANK[least]
        assert (code != 403) if allowed else (code == 403), (method, target, code)
        assert code < 500


def test_a_personal_plan_is_seen_by_its_owner_and_the_shared_sessions_trainers_only(
    client: FlaskClient, auth: Auth
) -> None:
    trainer, other_trainer = create_trainer(), create_trainer()
    session = create_session(trainers=(trainer,))
    create_session(trainers=(other_trainer,))
    shared = personal_plan(session=session)
    unshared = personal_plan(owner=shared.owner)
    auth.login(trainer.user)
    assert client.get(f"/plans/{shared.id}").status_code == 200
    assert (
        client.post(
            f"/plans/{shared.id}/sections/7/comments", data={"body": "Hyvä alku!"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            f"/plans/{shared.id}/sections/7", data={"version": "0", "q_7b": "x"}
        ).status_code
        == 403
    )
    assert client.get(f"/plans/{shared.id}/settings").status_code == 403
    assert client.get(f"/plans/{unshared.id}").status_code == 403
    auth.login(other_trainer.user)
    assert client.get(f"/plans/{shared.id}").status_code == 403
    auth.login(factories.create_user(roles={Role.ADMIN}))
    assert client.get(f"/plans/{shared.id}").status_code == 403


def test_ids_of_another_plans_entries_and_comments_are_refused(
    client: FlaskClient, auth: Auth
) -> None:
    mine, theirs = org_plan(), org_plan()
    their_entry = entry(theirs, datetime(2027, 3, 2, 10))
    their_comment = Comment(
        plan_id=theirs.id, section_key="1", author=theirs.owner, body="Salaisuus"
    )
    db.session.add(their_comment)
    db.session.commit()
    auth.login(mine.owner)
    for method, target in [
        ("GET", f"/plans/entries/{their_entry.id}"), ("POST", f"/plans/entries/{their_entry.id}/move"),
        ("POST", f"/plans/entries/{their_entry.id}/delete"), ("GET", f"/plans/comments/{their_comment.id}/reply"),
        ("POST", f"/plans/comments/{their_comment.id}/edit"), ("POST", f"/plans/comments/{their_comment.id}/resolve"),
        ("GET", f"/plans/{theirs.id}/calendar.csv"),
    ]:  # fmt: skip
        response = client.open(target, method=method)
        assert response.status_code == 403, target
        assert "Salaisuus" not in response.get_data(as_text=True)
    assert client.get("/plans/entries/999999").status_code == 404
    assert client.get(f"/plans/{mine.id}/sections/7/history").status_code == 200

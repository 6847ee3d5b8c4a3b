"""Admin and organiser actions on people's data are logged (who, what, when); admins read it."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from flask.testing import FlaskClient

from paja.audit import Action, AuditEntry, purge_audit, record
from paja.database import utcnow
from paja.extensions import db
from paja.models import Role
from tests import factories
from tests.conftest import Auth
from tests.trainings.factories import create_registration, create_session, create_trainer


def logged() -> list[tuple[str, str]]:
    """The log's (action, target) pairs, oldest first."""
    rows = db.session.execute(
        sa.select(AuditEntry.action, AuditEntry.target).order_by(AuditEntry.id)
    )
    return [(str(action), target) for action, target in rows]


def test_role_changes_and_deactivation_are_logged(client: FlaskClient, auth: Auth) -> None:
    admin = auth.login(Role.ADMIN)
    person = factories.create_user()
    client.post(f"/admin/users/{person.id}", data={"roles": ["trainer"]})
    client.post(f"/admin/users/{person.id}/active", data={"active": "0"})
    assert logged() == [
        ("roles_set", f"user {person.id}: trainer"),
        ("deactivated", f"user {person.id}"),
    ]
    entry = db.session.scalar(sa.select(AuditEntry))
    assert entry.actor_id == admin.id and entry.actor_name == admin.name


def test_downloading_a_participant_list_is_logged(client: FlaskClient, auth: Auth) -> None:
    trainer = create_trainer()
    session = create_session(trainers=(trainer,))
    create_registration(session)
    auth.login(trainer.user)
    client.get(f"/trainings/sessions/{session.id}/participants")  # reading the page is not
    assert logged() == []
    client.get(f"/trainings/sessions/{session.id}/participants?format=xlsx")
    assert logged() == [("participants_exported", f"session {session.id}: 1 people, xlsx")]


def test_attendance_is_logged(client: FlaskClient, auth: Auth) -> None:
    trainer = create_trainer()
    session = create_session(trainers=(trainer,), starts_in=timedelta(days=-1))
    present = create_registration(session)
    auth.login(trainer.user)
    client.post(f"/trainings/sessions/{session.id}/attendance", data={"present": [str(present.id)]})
    assert ("attendance_marked", f"session {session.id}: 1 present") in logged()


def test_admins_read_and_filter_the_log(client: FlaskClient, auth: Auth, count_queries) -> None:
    admin = auth.login(Role.ADMIN)
    other = factories.create_user(name="Olli Organisoija")
    record(admin, Action.ROLES_SET, "user 1: admin")
    db.session.commit()
    with count_queries() as few:
        client.get("/admin/audit")
    for n in range(60):
        record(other, Action.ORDERS_EXPORTED, f"all orders {n}")
    db.session.commit()
    with count_queries() as many:
        page = client.get("/admin/audit").get_data(as_text=True)
    assert len(many) == len(few)
    assert "61 merkintää löytyi." in page
    filtered = client.get("/admin/audit?action=roles_set").get_data(as_text=True)
    assert "1 merkintä löytyi." in filtered and "Roolit asetettu" in filtered
    by_name = client.get("/admin/audit?actor=olli").get_data(as_text=True)
    assert "60 merkintää löytyi." in by_name


def test_purge_deletes_entries_past_five_years(app) -> None:
    old = AuditEntry(action=Action.ROLES_SET, target="old", at=utcnow() - timedelta(days=5 * 366))
    new = AuditEntry(action=Action.ROLES_SET, target="new", at=utcnow() - timedelta(days=4 * 365))
    db.session.add_all([old, new])
    db.session.flush()
    assert purge_audit(utcnow()) == 1
    assert logged() == [("roles_set", "new")]

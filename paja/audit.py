"""The audit log: who did what to people's data, and when (admins read it at /admin/audit).

An entry is written in the same transaction as the change it describes, so it exists exactly
when the change does. Entries name people by id and a snapshot of the actor's name; erasing a
person keeps the entries but the erased account's name is gone from them.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy.orm import Mapped, mapped_column

from paja.database import Base, UTCDateTime, string_enum, utcnow
from paja.extensions import db
from paja.models import User
from paja.queries import paginate
from paja.sql import changed

PAGE_SIZE = 50
AUDIT_RETENTION_YEARS = 5  # `paja purge` deletes older entries


class Action(StrEnum):
    """What was done."""

    ROLES_SET = "roles_set"
    ACTIVATED = "activated"
    DEACTIVATED = "deactivated"
    ERASED = "erased"
    EXPORTED = "exported"
    MEMBER_ADDED = "member_added"
    MEMBER_REMOVED = "member_removed"
    PARTICIPANTS_EXPORTED = "participants_exported"
    ANSWERS_EXPORTED = "answers_exported"
    ORDERS_EXPORTED = "orders_exported"
    ATTENDANCE_MARKED = "attendance_marked"
    PEOPLE_MESSAGED = "people_messaged"


ACTION_LABELS = {
    Action.ROLES_SET: _l("Roles set"),
    Action.ACTIVATED: _l("Account reactivated"),
    Action.DEACTIVATED: _l("Account deactivated"),
    Action.ERASED: _l("Account erased"),
    Action.EXPORTED: _l("Personal data downloaded"),
    Action.MEMBER_ADDED: _l("Member added"),
    Action.MEMBER_REMOVED: _l("Member removed"),
    Action.PARTICIPANTS_EXPORTED: _l("Participant list downloaded"),
    Action.ANSWERS_EXPORTED: _l("Survey answers downloaded"),
    Action.ORDERS_EXPORTED: _l("Orders downloaded"),
    Action.ATTENDANCE_MARKED: _l("Attendance marked"),
    Action.PEOPLE_MESSAGED: _l("Participants emailed"),
}


class AuditEntry(Base):
    """One recorded action on people's data."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    actor_name: Mapped[str] = mapped_column(sa.String(120), default="")
    action: Mapped[Action] = mapped_column(string_enum(Action, 30))
    target: Mapped[str] = mapped_column(sa.String(200), default="")


def record(actor: User | None, action: Action, target: str) -> AuditEntry:
    """Write an entry (flushed with the change it describes, never committed here)."""
    entry = AuditEntry(
        actor_id=actor.id if actor is not None and actor.is_authenticated else None,
        actor_name=actor.name if actor is not None and actor.is_authenticated else "",
        action=action,
        target=target[:200],
    )
    db.session.add(entry)
    db.session.flush()
    return entry


def entries(action: str = "", actor: str = "") -> Pagination:
    """A page of entries, newest first, filtered by action and the actor's name."""
    statement = sa.select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    if action in {a.value for a in Action}:
        statement = statement.where(AuditEntry.action == Action(action))
    if actor.strip():
        statement = statement.where(AuditEntry.actor_name.ilike(f"%{actor.strip()}%"))
    return paginate(statement)


def purge_audit(now: datetime) -> int:
    """Delete entries older than the retention time; returns how many."""
    cutoff = now.replace(year=now.year - AUDIT_RETENTION_YEARS)
    return changed(sa.delete(AuditEntry).where(AuditEntry.at < cutoff))


def forget_actor(user: User) -> int:
    """Erase a person's name from the entries they made (their id stays, for counting)."""
    return changed(
        sa.update(AuditEntry).where(AuditEntry.actor_id == user.id).values(actor_name="")
    )

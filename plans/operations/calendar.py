"""Calendar entries: add (once or recurring), change, move, take through review, delete."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _

from paja.errors import RuleViolation
from paja.extensions import db
from paja.i18n import helsinki, wall_clock
from paja.models import User
from plans.labels import Channel, Format, Status
from plans.models import Entry, Plan
from plans.recurrence import Repeat, occurrences
from plans.signals import entry_status_changed

CONTENT = ("topic", "text", "alt_text", "channel", "format")


@dataclass(frozen=True)
class EntryDetails:
    """What the entry form gives; `starts` is Helsinki wall-clock time."""

    starts: datetime
    channel: str
    format: str
    topic: str
    text: str = ""
    goal: str = ""
    audience: str = ""
    alt_text: str = ""
    owner: User | None = None
    deadline: date | None = None


def add_entries(
    plan: Plan, details: EntryDetails, author: User, repeat: Repeat | None = None
) -> list[Entry]:
    """Add an entry, or one per occurrence of a recurring rule (they share a series)."""
    _check(plan, details)
    series = secrets.token_hex(8) if repeat else None
    entries = []
    for start in occurrences(details.starts, repeat):
        shift = start - helsinki(details.starts)
        entry = Entry(plan=plan, author=author, series=series, status=Status.IDEA)
        _apply(entry, details)
        entry.starts_at = start
        if details.deadline is not None:
            entry.deadline = details.deadline + timedelta(days=shift.days)
        entries.append(entry)
    db.session.add_all(entries)
    db.session.flush()
    return entries


def _check(plan: Plan, details: EntryDetails) -> None:
    """Refuse an entry on a channel the plan does not cover, or a deadline after publishing."""
    if details.channel not in plan.channel_list:
        raise RuleViolation(_("Choose one of the plan's channels."), "channel")
    if details.deadline is not None and details.deadline > details.starts.date():
        raise RuleViolation(_("The deadline must not be after the publishing day."), "deadline")
    if details.owner is not None and not plan.can_edit(details.owner):
        raise RuleViolation(_("The owner must be someone who can edit the plan."), "owner")


def _apply(entry: Entry, details: EntryDetails) -> None:
    """Copy the form's details onto an entry."""
    for field in fields(details):
        if field.name == "starts":
            entry.starts_at = helsinki(details.starts)
        else:
            setattr(entry, field.name, getattr(details, field.name))
    entry.channel = Channel(details.channel)
    entry.format = Format(details.format)


def update_entry(entry: Entry, details: EntryDetails, user: User) -> None:
    """Change an entry; changed content goes back to review once approved, by a new author."""
    _check(entry.plan, details)
    before = {name: getattr(entry, name) for name in CONTENT}
    _apply(entry, details)
    if any(getattr(entry, name) != value for name, value in before.items()):
        entry.author_id = user.id
        if entry.status in (Status.APPROVED, Status.PUBLISHED) and entry.plan.requires_approval:
            entry.status, entry.approved_by_id = Status.REVIEW, None
            entry_status_changed.send(entry, user=user)
    entry.new_version()
    db.session.flush()


def move_entry(entry: Entry, day: date) -> None:
    """Move an entry to another day at the same Helsinki time (its deadline moves along)."""
    local = wall_clock(entry.starts_at)
    shift = day - local.date()
    entry.starts_at = helsinki(datetime.combine(day, local.time()))
    if entry.deadline is not None:
        entry.deadline += shift
    entry.reminded_on = None
    entry.new_version()
    db.session.flush()


def set_status(entry: Entry, status: Status, user: User) -> None:
    """Move an entry along; where the plan requires approval, its author cannot approve it."""
    needs_approval = entry.plan.requires_approval
    if status == Status.APPROVED and needs_approval and entry.author_id == user.id:
        raise RuleViolation(_("You wrote this entry: another editor must approve it."), "status")
    if status == Status.PUBLISHED and needs_approval and entry.status != Status.APPROVED:
        raise RuleViolation(_("Only an approved entry can be published."), "status")
    entry.status = status
    entry.approved_by_id = user.id if status == Status.APPROVED else entry.approved_by_id
    if status in (Status.IDEA, Status.DRAFT, Status.REVIEW):
        entry.approved_by_id = None
    entry.new_version()
    db.session.flush()
    entry_status_changed.send(entry, user=user)


def delete_entry(entry: Entry, whole_series: bool = False) -> int:
    """Delete an entry, or it and the later entries of its series; how many went."""
    doomed = [entry]
    if whole_series and entry.series:
        doomed = list(
            db.session.scalars(
                sa.select(Entry).where(
                    Entry.plan_id == entry.plan_id,
                    Entry.series == entry.series,
                    Entry.starts_at >= entry.starts_at,
                )
            )
        )
    for item in doomed:
        db.session.delete(item)
    db.session.flush()
    return len(doomed)


def import_entries(plan: Plan, rows: list[tuple[EntryDetails, Status]], author: User) -> int:
    """Add the checked rows of an imported file as entries; how many."""
    for details, status in rows:
        entry = add_entries(plan, details, author)[0]
        entry.status = status
    db.session.flush()
    return len(rows)

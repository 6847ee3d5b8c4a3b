"""The calendar as CSV, and reading one back: every bad row is reported, nothing half-read.

Columns have fixed names and values are codes and ISO dates, so a file exported in one
language imports in another and a spreadsheet recognises the dates.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from flask_babel import gettext as _

from paja.downloads import is_formula_like
from paja.i18n import wall_clock
from paja.models import User
from plans.labels import Format, Status
from plans.models import Entry, Plan
from plans.operations.calendar import EntryDetails

COLUMNS = ("date", "time", "channel", "format", "topic", "text", "goal", "audience",
           "alt_text", "owner_email", "deadline", "status")  # fmt: skip
MAX_ROWS = 2000
MAX_BYTES = 2_000_000
IMPORTABLE = (Status.IDEA, Status.DRAFT, Status.REVIEW)


def export_rows(entries: Sequence[Entry]) -> Iterator[Sequence[object]]:
    """The header and one row per entry."""
    yield COLUMNS
    for e in entries:
        local = wall_clock(e.starts_at)
        yield (
            local.date().isoformat(), local.strftime("%H:%M"), e.channel.value, e.format.value,
            e.topic, e.text, e.goal, e.audience, e.alt_text, e.owner.email if e.owner else "",
            e.deadline.isoformat() if e.deadline else "", e.status.value,
        )  # fmt: skip


@dataclass(frozen=True)
class RowError:
    """What is wrong with one line of the file (1 is the header)."""

    line: int
    message: str


@dataclass(frozen=True)
class ImportRow:
    """A good row: the entry's details and its status."""

    details: EntryDetails
    status: Status


def read_rows(
    plan: Plan, data: bytes, editors: Sequence[User]
) -> tuple[list[ImportRow], list[RowError]]:
    """Read a CSV file into entries for the plan, or the list of everything wrong in it."""
    if len(data) > MAX_BYTES:
        return [], [RowError(0, _("The file is larger than 2 MB."))]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [RowError(0, _("Save the file as UTF-8 CSV and try again."))]
    lines = text.splitlines()
    if not lines:
        return [], [RowError(0, _("The file is empty."))]
    delimiter = max(";,\t", key=lines[0].count)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    missing = [c for c in ("date", "channel", "topic") if c not in (reader.fieldnames or ())]
    if missing:
        return [], [RowError(1, _("Columns missing: %(names)s", names=", ".join(missing)))]
    by_email = {person.email.lower(): person for person in editors}
    rows: list[ImportRow] = []
    errors: list[RowError] = []
    for number, raw in enumerate(reader, start=2):
        if number > MAX_ROWS + 1:
            errors.append(RowError(number, _("At most 2000 rows at a time.")))
            break
        values = {key: _cell(raw.get(key)) for key in COLUMNS}
        if not any(values.values()):
            continue
        problems = _row(plan, values, by_email, rows)
        errors += [RowError(number, message) for message in problems]
    return ([], errors) if errors else (rows, [])


def _cell(value: str | None) -> str:
    """A cell's text, with the apostrophe an export put before formula-like text removed."""
    text = (value or "").strip()
    return text[1:] if text.startswith("'") and is_formula_like(text[1:]) else text


def _row(
    plan: Plan, v: dict[str, str], editors: dict[str, User], rows: list[ImportRow]
) -> list[str]:
    """The problems of one row; a good row is appended to `rows`."""
    problems = []
    day = _date(v["date"])
    if day is None:
        problems.append(_("Date %(value)s is not a date (YYYY-MM-DD).", value=v["date"]))
    try:
        at = time.fromisoformat(v["time"]) if v["time"] else time(9)
    except ValueError:
        problems.append(_("Time %(value)s is not a time (HH:MM).", value=v["time"]))
        at = time(9)
    if v["channel"] not in plan.channel_list:
        problems.append(_("Channel %(value)s is not one of the plan's.", value=v["channel"]))
    if (v["format"] or "post") not in {f.value for f in Format}:
        problems.append(_("Format %(value)s is not known.", value=v["format"]))
    if not v["topic"] or len(v["topic"]) > 200:
        problems.append(_("A topic of at most 200 characters is needed."))
    status = v["status"] or "idea"
    if status not in IMPORTABLE:
        problems.append(
            _("Status %(value)s: import ideas, drafts or entries in review.", value=status)
        )
    owner = editors.get(v["owner_email"].lower()) if v["owner_email"] else None
    if v["owner_email"] and owner is None:
        problems.append(_("%(value)s is not an editor of this plan.", value=v["owner_email"]))
    deadline = _date(v["deadline"]) if v["deadline"] else None
    if v["deadline"] and deadline is None:
        problems.append(_("Deadline %(value)s is not a date (YYYY-MM-DD).", value=v["deadline"]))
    elif deadline and day and deadline > day:
        problems.append(_("The deadline must not be after the publishing day."))
    if problems or day is None:
        return problems
    details = EntryDetails(
        starts=datetime.combine(day, at), channel=v["channel"], format=v["format"] or "post",
        topic=v["topic"], text=v["text"], goal=v["goal"][:300], audience=v["audience"][:300],
        alt_text=v["alt_text"], owner=owner, deadline=deadline,
    )  # fmt: skip
    rows.append(ImportRow(details, Status(status)))
    return []


def _date(text: str) -> date | None:
    """An ISO date within this century, or None."""
    try:
        found = date.fromisoformat(text)
    except ValueError:
        return None
    return found if 2000 <= found.year <= 2099 else None

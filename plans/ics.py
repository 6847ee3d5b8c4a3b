"""Calendar entries as an iCalendar (RFC 5545) feed, scheduled ones included."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from flask_babel import force_locale
from flask_babel import gettext as _
from icalendar import Calendar, Event

from paja.database import utcnow
from paja.links import absolute_url
from plans.labels import CHANNEL_LABELS, FORMAT_LABELS, STATUS_LABELS, Status
from plans.models import Entry
from trainings.calendar import TIME_ZONE, calendar_domain

LENGTH = timedelta(minutes=30)
CONFIRMED = (Status.APPROVED, Status.PUBLISHED)


def entry_event(entry: Entry) -> Event:
    """One entry as a VEVENT: tentative until approved, its status and text in the description."""
    event = Event()
    event.add("uid", f"paja-plan-entry-{entry.id}@{calendar_domain()}")
    event.add("dtstamp", utcnow())
    event.add("created", entry.created_at)
    event.add("sequence", entry.sequence)
    event.add("last-modified", entry.changed_at or entry.created_at)
    event.add("dtstart", entry.starts_at)
    event.add("dtend", entry.starts_at + LENGTH)
    event.add("summary", f"{CHANNEL_LABELS[entry.channel]}: {entry.topic}")
    page = absolute_url("plans.entry", entry_id=entry.id)
    event.add("url", page)
    event.add("categories", [str(CHANNEL_LABELS[entry.channel])])
    lines = [
        f"{_('Status')}: {STATUS_LABELS[entry.status]}",
        f"{_('Format')}: {FORMAT_LABELS[entry.format]}",
        f"{_('Plan')}: {entry.plan.title}",
    ]
    if entry.owner is not None:
        lines.append(f"{_('Owner')}: {entry.owner.name}")
    lines += ["", entry.text, "", page]
    event.add("description", "\n".join(lines).strip())
    event.add("status", "CONFIRMED" if entry.status in CONFIRMED else "TENTATIVE")
    return event


def entries_calendar(entries: Iterable[Entry], name: str, language: str) -> bytes:
    """A calendar of entries, written in the given language."""
    cal = Calendar()
    cal.add("prodid", "-//Paja//plans//FI")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Helsinki")
    cal.add_component(TIME_ZONE)  # never an empty VCALENDAR
    with force_locale(language):
        for entry in entries:
            cal.add_component(entry_event(entry))
    data: bytes = cal.to_ical()
    return data

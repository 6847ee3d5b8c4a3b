"""Sessions as iCalendar (RFC 5545) files, feeds and mail attachments (RFC 5546 methods)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from urllib.parse import urlsplit

from babel.dates import format_date
from flask import current_app
from icalendar import Calendar, Event, Timezone, vCalAddress

from paja.database import utcnow
from paja.i18n import HELSINKI
from paja.links import absolute_url, base_url
from trainings.models import SessionStatus, TrainingSession

PUBLISH, CANCEL = "PUBLISH", "CANCEL"
DESCRIPTION_LIMIT = 500
# Every calendar carries Helsinki's time zone, so even an empty feed is a valid VCALENDAR.
TIME_ZONE = Timezone.from_tzinfo(HELSINKI, first_date=date(2020, 1, 1))


def calendar_domain() -> str:
    """The configured base address's host: UIDs on it are unique across installations."""
    return urlsplit(base_url()).hostname or "localhost"


def session_uid(session: TrainingSession) -> str:
    """The session's UID."""
    return f"paja-session-{session.id}@{calendar_domain()}"


def _summary(session: TrainingSession) -> str:
    """The workshop's title, or the event's title and which day it is."""
    if session.event is None:
        return session.title
    day = format_date(session.starts_at.astimezone(HELSINKI), "cccc d.M.yyyy", session.language)
    return f"{session.title} – {day}"


def _page(session: TrainingSession) -> str:
    """The session's page, or the event's for a network day."""
    if session.event_id is not None:
        return absolute_url("trainings.event_page", event_id=session.event_id)
    return absolute_url("trainings.session", session_id=session.id)


def _description(session: TrainingSession, with_link: bool) -> str:
    """What it is about, where to join and the page with the rest."""
    about = session.event.description if session.event is not None else session.summary
    if len(about) > DESCRIPTION_LIMIT:
        about = about[:DESCRIPTION_LIMIT].rsplit(" ", 1)[0] + " …"
    trainers = ", ".join(trainer.name for trainer in session.trainers)
    parts = [about, trainers, session.meeting_url if with_link else "", _page(session)]
    return "\n\n".join(part for part in parts if part)


def session_event(session: TrainingSession, with_link: bool, cancelled: bool = False) -> Event:
    """One session as a VEVENT in Helsinki time; the meeting link only for those who may see it.

    SEQUENCE and LAST-MODIFIED follow the session's changes; `cancelled` also marks a seat the
    person gave up (a newer version of their event, with the same UID).
    """
    event = Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", utcnow())
    event.add("created", session.created_at)
    event.add("last-modified", session.changed_at or session.created_at)
    event.add("sequence", session.calendar_sequence + (1 if cancelled else 0))
    event.add("dtstart", session.starts_at.astimezone(HELSINKI))
    event.add("dtend", session.ends_at.astimezone(HELSINKI))
    event.add("summary", _summary(session))
    event.add("url", _page(session))
    if session.meeting_url and with_link:
        event.add("location", session.meeting_url)
    elif session.place:
        event.add("location", session.place)
    event.add("description", _description(session, with_link))
    gone = cancelled or session.status == SessionStatus.CANCELLED
    event.add("status", "CANCELLED" if gone else "CONFIRMED")
    return event


def calendar(
    sessions: Iterable[tuple[TrainingSession, bool]], name: str, method: str | None = None
) -> bytes:
    """A calendar of sessions, each with or without its meeting link.

    Files and feeds have no METHOD; a mail's attachment is PUBLISH, or CANCEL for a cancelled
    session or seat, which calendar programs apply to the event with the same UID.
    """
    cal = Calendar()
    cal.add("prodid", "-//Paja//paja//FI")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", HELSINKI.key)
    if method:
        cal.add("method", method)
    cal.add_component(TIME_ZONE)
    for session, with_link in sessions:
        event = session_event(session, with_link, cancelled=method == CANCEL)
        if method == CANCEL:  # RFC 5546: a CANCEL names its organizer
            event.add("organizer", _organizer())
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def _organizer() -> vCalAddress:
    """Paja's sending address as the organizer of what it cancels."""
    sender = str(current_app.config["MAIL_DEFAULT_SENDER"])
    address = sender.rsplit("<", 1)[-1].rstrip(">").strip()
    organizer = vCalAddress(f"mailto:{address}")
    organizer.params["cn"] = current_app.config["SITE_NAME"]
    return organizer

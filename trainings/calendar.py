"""Sessions as iCalendar (RFC 5545) files and feeds."""

from __future__ import annotations

from collections.abc import Iterable

from icalendar import Calendar, Event

from paja.links import absolute_url
from trainings.models import SessionStatus, TrainingSession


def session_event(session: TrainingSession, with_link: bool) -> Event:
    """One session as a VEVENT; the meeting link only for those who may see it."""
    event = Event()
    event.add("uid", f"paja-session-{session.id}@paja")
    event.add("dtstamp", session.created_at)
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.ends_at)
    event.add("summary", session.title)
    if session.event_id is not None:
        page = absolute_url("trainings.event_page", event_id=session.event_id)
    else:
        page = absolute_url("trainings.session", session_id=session.id)
    event.add("url", page)
    description = [session.summary, page]
    if session.meeting_url and with_link:
        description.insert(1, session.meeting_url)
        event.add("location", session.meeting_url)
    elif session.place:
        event.add("location", session.place)
    event.add("description", "\n".join(part for part in description if part))
    event.add("status", "CANCELLED" if session.status == SessionStatus.CANCELLED else "CONFIRMED")
    return event


def calendar(sessions: Iterable[tuple[TrainingSession, bool]], name: str) -> bytes:
    """A calendar of sessions, each with or without its meeting link."""
    cal = Calendar()
    cal.add("prodid", "-//Paja//paja//FI")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for session, with_link in sessions:
        cal.add_component(session_event(session, with_link))
    data: bytes = cal.to_ical()
    return data

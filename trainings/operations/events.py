"""Setting up network days: events, their days (sessions), agendas, projects and links."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, time

import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import gettext as _

from feedback.operations.wishes import create_board
from feedback.queries.surveys import has_responses
from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import Organisation, User
from trainings.labels import CHANGE_LABELS
from trainings.links import channel_of, clean_link
from trainings.models import (
    AgendaItem,
    AgendaKind,
    Event,
    PresentingProject,
    Registration,
    RegistrationStatus,
    SharedLink,
    TrainingSession,
)
from trainings.operations.feedback import attach_survey
from trainings.operations.scheduling import check_day_delivery, check_times
from trainings.operations.session_changes import tell_participants
from trainings.queries.events import days_of, event_organisations

log = logging.getLogger(__name__)


@dataclass
class EventDetails:
    """What an organiser writes about an event."""

    title: str
    description: str
    language: str
    organisation: Organisation
    published: bool = False


@dataclass
class DayDetails:
    """When and where a day runs and how many fit."""

    starts_at: datetime
    ends_at: datetime
    registration_closes_at: datetime
    capacity: int
    place: str = ""
    meeting_url: str = ""


@dataclass
class AgendaDetails:
    """One slot of a day's programme."""

    starts_at: time
    ends_at: time | None
    kind: AgendaKind
    title: str
    presenter: str = ""
    project: PresentingProject | None = None


def _check_event(actor: User, details: EventDetails) -> None:
    """Refuse an empty title or an organisation the actor does not belong to."""
    if not details.title.strip():
        raise RuleViolation(_("Give the event a title."), "title")
    if details.organisation not in event_organisations(actor):
        raise RuleViolation(_("Choose one of your organisations."), "organisation")


def create_event(actor: User, details: EventDetails) -> Event:
    """A new event of the actor's organisation, with its own theme-wish board."""
    _check_event(actor, details)
    event = Event(created_by_id=actor.id)
    _apply(event, details)
    with force_locale(event.language):  # the public board speaks the event's language
        title, intro = _("Theme wishes: %(title)s", title=event.title), _wish_intro()
    event.wish_board = create_board(actor, title, intro)
    db.session.add(event)
    db.session.flush()
    log.info("event %s created by %s", event.id, actor.email)
    return event


def _wish_intro() -> str:
    """The board's invitation."""
    return _("Which themes would you like for future network days or trainings?")


def update_event(event: Event, actor: User, details: EventDetails) -> None:
    """Change the event's texts, organisation or publication."""
    _check_event(actor, details)
    if details.published and not days_of(event):
        raise RuleViolation(_("Add at least one day before publishing."), "published")
    _apply(event, details)
    db.session.flush()


def _apply(event: Event, details: EventDetails) -> None:
    """Copy the details onto the event."""
    event.title = details.title.strip()
    event.description = details.description.strip()
    event.language = details.language
    event.organisation = details.organisation
    event.published = details.published


def _check_day(details: DayDetails) -> str:
    """Refuse impossible times, places and links; the day's mode follows from place and link."""
    check_times(details.starts_at, details.ends_at, details.registration_closes_at)
    return check_day_delivery(details.place, details.meeting_url)


def _minute(value: object) -> object:
    """A value as forms give it: times to the minute."""
    return value.replace(second=0, microsecond=0) if isinstance(value, datetime) else value


def add_day(event: Event, details: DayDetails) -> TrainingSession:
    """A new day: a session of the event, with its own feedback survey."""
    mode = _check_day(details)
    place, link = details.place.strip(), details.meeting_url.strip()
    day = TrainingSession(
        event=event,
        starts_at=details.starts_at,
        ends_at=details.ends_at,
        registration_closes_at=details.registration_closes_at,
        mode=mode,
        place=place,
        meeting_url=link,
        capacity=details.capacity,
    )
    db.session.add(day)
    db.session.flush()
    attach_survey(day)
    log.info("day %s added to event %s", day.id, event.id)
    return day


NOTIFIED = ("starts_at", "ends_at", "place", "meeting_url")  # what registrants are told of


def update_day(day: TrainingSession, details: DayDetails) -> None:
    """Change a day's times, place or capacity (never below the seats already taken); the
    registrants are told of a new time, place or link, with the updated calendar event."""
    mode = _check_day(details)
    before = {name: getattr(day, name) for name in NOTIFIED}
    if details.capacity < day.seats_taken:
        raise RuleViolation(
            _("%(num)d people already hold a seat; the capacity cannot be lower.",
              num=day.seats_taken), "capacity"
        )  # fmt: skip
    place, link = details.place.strip(), details.meeting_url.strip()
    day.starts_at, day.ends_at = details.starts_at, details.ends_at
    day.registration_closes_at = details.registration_closes_at
    day.place, day.meeting_url, day.capacity = place, link, details.capacity
    day.mode = mode
    db.session.flush()
    changed = [name for name in NOTIFIED if _minute(before[name]) != _minute(getattr(day, name))]
    if changed:
        tell_participants(day, [str(CHANGE_LABELS[name]) for name in changed])
    from trainings.operations.registrations import promote_waiting

    while promote_waiting(day) is not None:  # more seats: the queue moves up
        pass


def _check_agenda(day: TrainingSession, details: AgendaDetails) -> None:
    """A title, an end after the start, and one of the event's own projects."""
    if not details.title.strip():
        raise RuleViolation(_("Give the item a title."), "title")
    if details.ends_at is not None and details.ends_at <= details.starts_at:
        raise RuleViolation(_("The end must be after the start."), "ends_at")
    if details.project is not None and details.project.event_id != day.event_id:
        raise RuleViolation(_("Choose one of the listed options."), "project")


def _apply_agenda(item: AgendaItem, details: AgendaDetails) -> None:
    """Copy checked details onto an agenda item."""
    item.starts_at, item.ends_at, item.kind = details.starts_at, details.ends_at, details.kind
    item.title, item.presenter = details.title.strip(), details.presenter.strip()
    item.project = details.project


def add_agenda_item(day: TrainingSession, details: AgendaDetails) -> AgendaItem:
    """A slot in the day's programme."""
    _check_agenda(day, details)
    item = AgendaItem(session_id=day.id)
    _apply_agenda(item, details)
    db.session.add(item)
    db.session.flush()
    return item


def update_agenda_item(item: AgendaItem, details: AgendaDetails) -> None:
    """Change a slot of the day's programme."""
    _check_agenda(item.session, details)
    _apply_agenda(item, details)
    db.session.flush()


def add_project(
    event: Event, name: str, organisation_name: str, description: str
) -> PresentingProject:
    """A presenting project."""
    project = PresentingProject(event_id=event.id)
    db.session.add(project)
    update_project(project, name, organisation_name, description)
    return project


def update_project(
    project: PresentingProject, name: str, organisation_name: str, description: str
) -> None:
    """Change a project's name, organisation or description."""
    if not name.strip():
        raise RuleViolation(_("Give the project's name."), "name")
    project.name = name.strip()
    project.organisation_name = organisation_name.strip()
    project.description = description.strip()
    db.session.flush()


def share_link(
    event: Event,
    url: str,
    owner: Registration | None = None,
    project: PresentingProject | None = None,
) -> SharedLink:
    """A participant's link (from their personal page) or a project's; each address once."""
    url = clean_link(url)
    token = owner.personal_token if owner else ""
    same_owner = SharedLink.project_id == project.id if project else SharedLink.owner_token == token
    duplicate = db.session.scalar(
        sa.select(SharedLink.id).where(
            SharedLink.event_id == event.id, same_owner, SharedLink.url == url
        )
    )
    if duplicate is not None:
        raise RuleViolation(_("This link is already shared."), "url")
    link = SharedLink(
        event_id=event.id,
        email=owner.email if owner and project is None else "",
        owner_token=token if project is None else "",
        project_id=project.id if project else None,
        url=url,
        channel=channel_of(url),
    )
    db.session.add(link)
    db.session.flush()
    return link


def remove(thing: AgendaItem | PresentingProject | SharedLink) -> None:
    """Delete an agenda item, a presenting project (its slots stay, unnamed) or a shared link."""
    db.session.delete(thing)
    db.session.flush()


def remove_day(day: TrainingSession) -> None:
    """Delete a day nobody has registered for (a day with people is cancelled instead)."""
    live = db.session.scalar(
        sa.select(sa.func.count()).where(
            Registration.session_id == day.id, Registration.status != RegistrationStatus.CANCELLED
        )
    )
    if live:
        raise RuleViolation(_("People have registered for this day; cancel it instead."))
    survey = day.feedback_survey
    db.session.delete(day)
    if survey is not None and not has_responses(survey):
        db.session.delete(survey)
    db.session.flush()

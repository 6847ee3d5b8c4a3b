"""Demo network days from seed 000: the ELY centre's three days with projects, groups and links."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa

from feedback.models import Answer, Response, WishBoard
from paja.extensions import db
from paja.i18n import HELSINKI
from paja.models import Organisation, User
from trainings.balanced_groups import make_groups
from trainings.demo.event_data import (
    COMMENTS,
    DESCRIPTION,
    FIRST_NAMES,
    LAST_NAMES,
    NEXT_TITLE,
    PROJECT_OF,
    PROJECTS,
    TITLE,
)
from trainings.links import channel_of
from trainings.models import (
    AgendaItem,
    AgendaKind,
    Event,
    PresentingProject,
    Registration,
    RegistrationStatus,
    SessionStatus,
    SharedLink,
    SmallGroup,
    TrainingSession,
    group_members,
)
from trainings.operations.feedback import attach_survey


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    """A Helsinki wall-clock time as an aware datetime."""
    return datetime.combine(day, time(hour, minute), HELSINKI)


def _people(rng: random.Random) -> list[tuple[str, str, str]]:
    """Forty participants (name, email, organisation) from the projects' organisations."""
    organisations = [p[1] for p in PROJECTS] + ["Hämeen ELY-keskus", "Hämeen TE-toimisto"]
    people = []
    for n in range(40):
        first, last = FIRST_NAMES[n % len(FIRST_NAMES)], LAST_NAMES[(n * 7) % len(LAST_NAMES)]
        email = f"{first}.{last}{n}@example.fi".lower().replace("ä", "a").replace("ö", "o")
        people.append((f"{first} {last}", email, organisations[rng.randrange(len(organisations))]))
    return people


def load_event_demo() -> None:
    """The past network days (delivered, grouped, answered) and next year's (open)."""
    ely = db.session.scalar(sa.select(Organisation).where(Organisation.business_id == "2296962-1"))
    organiser = db.session.scalar(
        sa.select(User).where(User.email == "helena.koivisto@paja.example")
    )
    if ely is None or db.session.scalar(sa.select(Event.id).where(Event.title == TITLE)):
        return
    board = db.session.scalar(
        sa.select(WishBoard).where(WishBoard.title == "Verkostopäivien teematoiveet")
    )
    rng = random.Random(0)  # noqa: S311 (reproducible demo data)
    past = _event(TITLE, ely, organiser, board)
    days = [date(2026, 5, 26), date(2026, 6, 2), date(2026, 6, 9)]
    for number, day in enumerate(days):
        _past_day(past, day, PROJECTS[2 * number : 2 * number + 2], rng)
    upcoming = _event(NEXT_TITLE, ely, organiser, board)
    for number, day in enumerate([date(2027, 5, 25), date(2027, 6, 1), date(2027, 6, 8)]):
        session = _day(upcoming, day, capacity=25)
        _agenda(session, upcoming.projects[2 * number : 2 * number + 2])
        taken = (28, 12, 5)[number]
        _register(session, _people(rng)[:taken], rng, past_day=False)
    db.session.flush()


def _event(title: str, ely: Organisation, organiser: User | None, board: WishBoard | None) -> Event:
    """An event of the ELY centre with the six projects and their links."""
    event = Event(
        title=title,
        description=DESCRIPTION,
        organisation=ely,
        published=True,
        created_by=organiser,
        wish_board=board,
    )
    db.session.add(event)
    db.session.flush()
    for name, organisation, description, links in PROJECTS:
        project = PresentingProject(
            event=event, name=name, organisation_name=organisation, description=description
        )
        db.session.add(project)
        db.session.flush()
        for url in links:
            db.session.add(
                SharedLink(
                    event_id=event.id, project_id=project.id, url=url, channel=channel_of(url)
                )
            )
    db.session.flush()
    return event


def _day(event: Event, day: date, capacity: int) -> TrainingSession:
    """A day from 9 to 12 in Hämeenlinna."""
    session = TrainingSession(
        event=event,
        starts_at=_at(day, 9),
        ends_at=_at(day, 12),
        registration_closes_at=_at(day - timedelta(days=3), 16),
        mode="onsite",
        place="Hämeen ELY-keskus, Raatihuoneenkatu 1, Hämeenlinna",
        capacity=capacity,
    )
    db.session.add(session)
    db.session.flush()
    attach_survey(session)
    return session


def _agenda(session: TrainingSession, projects: list[PresentingProject]) -> None:
    """Introduction, two projects, questions and small groups."""
    first, second = projects
    items = [
        (
            time(9),
            time(9, 30),
            AgendaKind.INTRODUCTION,
            "Johdatus sosiaalisen median viestintään",
            "Helena Koivisto",
            None,
        ),
        (
            time(9, 30),
            time(10, 15),
            AgendaKind.PRESENTATION,
            f"{first.name}: viestintämme",
            "",
            first,
        ),
        (time(10, 15), time(10, 30), AgendaKind.BREAK, "Kahvitauko", "", None),
        (
            time(10, 30),
            time(11, 15),
            AgendaKind.PRESENTATION,
            f"{second.name}: viestintämme",
            "",
            second,
        ),
        (time(11, 15), time(11, 30), AgendaKind.QUESTIONS, "Kysymyksiä ja keskustelua", "", None),
        (
            time(11, 30),
            time(12),
            AgendaKind.GROUPS,
            "Pienryhmät: resurssit ja kohderyhmät",
            "",
            None,
        ),
    ]
    for starts, ends, kind, title, presenter, project in items:
        db.session.add(
            AgendaItem(
                session_id=session.id,
                starts_at=starts,
                ends_at=ends,
                kind=kind,
                title=title,
                presenter=presenter,
                project=project,
            )
        )


def _register(
    session: TrainingSession, people: list[tuple[str, str, str]], rng: random.Random, past_day: bool
) -> list[Registration]:
    """Seats in order, the rest on the waiting list."""
    registrations = []
    for n, (name, email, organisation) in enumerate(people):
        seat = n < session.capacity
        registration = Registration(
            session_id=session.id,
            name=name,
            email=email,
            organisation_name=organisation,
            project=PROJECT_OF.get(organisation, ""),
            status=RegistrationStatus.CONFIRMED if seat else RegistrationStatus.WAITING,
            directory_consent=rng.random() < 0.75,
            attended=(rng.random() < 0.9) if past_day else None,
            needs="" if past_day or rng.random() > 0.2 else "Kasvisruoka",
            created_at=session.registration_closes_at - timedelta(days=20, minutes=-n),
        )
        db.session.add(registration)
        registrations.append(registration)
    session.seats_taken = min(len(people), session.capacity)
    db.session.flush()
    return registrations


def _past_day(event: Event, day: date, projects: list, rng: random.Random) -> None:
    """A delivered day: 20 to 30 people, published groups of five, links and answered feedback."""
    session = _day(event, day, capacity=30)
    session.status = SessionStatus.DELIVERED
    _agenda(session, [p for p in event.projects if p.name in {p[0] for p in projects}])
    people = rng.sample(_people(rng), rng.randint(20, 30))
    registrations = _register(session, people, rng, past_day=True)
    present = [r for r in registrations if r.attended]
    for number, members in enumerate(
        make_groups(present, 5, {r: r.organisation_name for r in present}, rng), start=1
    ):
        group = SmallGroup(session_id=session.id, number=number, published=True)
        db.session.add(group)
        db.session.flush()
        db.session.execute(
            group_members.insert(),
            [{"registration_id": r.id, "group_id": group.id} for r in members],
        )
    for registration in registrations[:6]:
        handle = registration.organisation_name.split()[0].lower()
        url = f"https://www.facebook.com/{handle}"
        if not db.session.scalar(
            sa.select(SharedLink.id).where(
                SharedLink.event_id == event.id,
                SharedLink.url == url,
                SharedLink.owner_token == registration.personal_token,
            )
        ):
            db.session.add(
                SharedLink(
                    event_id=event.id,
                    email=registration.email,
                    owner_token=registration.personal_token,
                    url=url,
                    channel="facebook",
                )
            )
    _answers(session, present, rng)


def _answers(session: TrainingSession, present: list[Registration], rng: random.Random) -> None:
    """Two thirds of those present answered the day's survey."""
    survey = attach_survey(session)
    questions = survey.questions
    for n in range(len(present) * 2 // 3):
        ratings = [rng.choice((3, 4, 4, 5, 5)) for _ in range(4)] + [rng.choice((7, 8, 9, 9, 10))]
        answers = [
            Answer(question_id=q.id, number=v) for q, v in zip(questions[:5], ratings, strict=True)
        ]
        comment = COMMENTS[n % len(COMMENTS)]
        if comment:
            answers.append(Answer(question_id=questions[5].id, text=comment))
        db.session.add(
            Response(
                survey_id=survey.id,
                submitted_on=session.starts_at.date(),
                context=session.feedback_context,
                answers=answers,
            )
        )

"""Bulk data for `paja generate`: network days with agendas and registrations.

One event per scale step, run by a generated organiser of their organisation, with two days
a week apart, four agenda items a day and 60 of 80 seats taken on each day.
"""

from __future__ import annotations

import random
from datetime import time, timedelta

import sqlalchemy as sa

from paja.database import utcnow
from paja.extensions import db
from paja.generate import bulk, generated_users, next_id, people_of_this_run
from paja.models import Membership, Role, User, UserRole
from trainings.models import (
    AgendaItem,
    AgendaKind,
    Event,
    Registration,
    RegistrationStatus,
    TrainingSession,
)

DAYS, SEATS, TAKEN = 2, 80, 60
AGENDA = (
    (time(9), AgendaKind.INTRODUCTION, "Tervetuloa ja päivän tavoitteet"),
    (time(9, 30), AgendaKind.PRESENTATION, "Hankkeiden viestintä somessa"),
    (time(11), AgendaKind.GROUPS, "Pienryhmät: oman viestinnän suunnitelma"),
    (time(13), AgendaKind.QUESTIONS, "Kysymykset ja yhteenveto"),
)


def generate(scale: int, rng: random.Random) -> dict[str, int]:
    """Events, their days, agendas and registrations."""
    people = generated_users()
    organisers = _organisers(people_of_this_run(scale), scale)
    bulk(UserRole, [{"user_id": user, "role": Role.ORGANISER} for user, _ in organisers])
    first_event, first_day = next_id(Event), next_id(TrainingSession)
    now = utcnow()
    events = [
        {"id": first_event + n, "title": f"Verkostopäivät {first_event + n}",
         "description": "Hankkeiden viestintää ja vertaistukea.", "language": "fi",
         "organisation_id": organisation, "created_by_id": user, "published": True, "created_at": now}
        for n, (user, organisation) in enumerate(organisers)
    ]  # fmt: skip
    bulk(Event, events)
    days = []
    for n, event in enumerate(events):
        first = now + timedelta(days=rng.randint(-90, 180))
        for d in range(DAYS):
            starts = first + timedelta(days=7 * d)
            days.append({
                "id": first_day + n * DAYS + d, "event_id": event["id"], "starts_at": starts,
                "ends_at": starts + timedelta(hours=6), "registration_closes_at": starts - timedelta(days=2),
                "mode": "onsite", "place": "Kirjasto, Kirkkokatu 12", "capacity": SEATS,
                "seats_taken": TAKEN, "invite_token": f"gd{first_day + n * DAYS + d}",
            })  # fmt: skip
    bulk(TrainingSession, days)
    bulk(AgendaItem, [
        {"session_id": day["id"], "starts_at": at, "kind": kind, "title": title}
        for day in days for at, kind, title in AGENDA
    ])  # fmt: skip
    return {"network days": len(days), "day registrations": _registrations(days, people)}


def _organisers(people: list[int], scale: int) -> list[tuple[int, int]]:
    """The first of every 40 people (one per organisation), with the organisation."""
    rows = db.session.execute(
        sa.select(Membership.user_id, Membership.organisation_id).where(
            Membership.user_id.in_(people[: 40 * scale : 40])
        )
    ).all()
    return [(user, organisation) for user, organisation in rows][:scale]


def _registrations(days: list[dict[str, object]], people: list[int]) -> int:
    """TAKEN confirmed registrations on each day; how many."""
    names = dict(db.session.execute(sa.select(User.id, User.name).where(User.id.in_(people))).all())
    rows = []
    for n, day in enumerate(days):
        for k in range(TAKEN):
            user = people[(n * TAKEN + k) % len(people)]
            rows.append({
                "session_id": day["id"], "user_id": user, "name": names[user],
                "email": f"gen{user}@scale.example", "status": RegistrationStatus.CONFIRMED,
                "organisation_name": "Hanke ry", "cancel_token": f"e{day['id']}-{k}",
                "personal_token": f"q{day['id']}-{k}", "directory_consent": k % 2 == 0,
            })  # fmt: skip
    bulk(Registration, rows)
    return len(rows)

"""Bulk data for `paja generate`: trainers, workshops, sessions past and coming, registrations."""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal

from paja.database import utcnow
from paja.extensions import db
from paja.generate import bulk, generated_users, next_id
from paja.models import User
from trainings.models import (
    Offering,
    Registration,
    RegistrationStatus,
    SessionStatus,
    Trainer,
    TrainingSession,
)
from trainings.models.catalogue import offering_trainers
from trainings.models.sessions import session_trainers

TOPICS = ("Somestartti", "Some haltuun", "Twitter-perusteet", "LinkedIn asiantuntijalle",
          "Instagram kunnalle", "Kriisiviestintä somessa", "Oma somesuunnitelma")  # fmt: skip
SEATS = 30


def generate(scale: int, rng: random.Random) -> dict[str, int]:
    """5 workshops, 20 sessions (half of them held) and 500 registrations per scale step."""
    people = generated_users()
    now = utcnow()
    first_trainer, first_offering, first_session = (
        next_id(Trainer),
        next_id(Offering),
        next_id(TrainingSession),
    )
    trainer_users = people[-2 * scale :]  # people made by this run, not trainers yet
    bulk(Trainer, [{"id": first_trainer + n, "user_id": u, "slug": f"kouluttaja-{u}", "title": "Kouluttaja"}
                   for n, u in enumerate(trainer_users)])  # fmt: skip
    offerings = [
        {"id": first_offering + n, "slug": f"tyopaja-{first_offering + n}",
         "title": f"{TOPICS[n % len(TOPICS)]} {first_offering + n}", "summary": "Käytännön työpaja.",
         "duration_minutes": rng.choice((120, 180, 240)), "price_excl_vat": Decimal(rng.choice((500, 750, 900))),
         "vat_rate": Decimal("25.5"), "onsite": True, "remote": n % 2 == 0, "max_participants": SEATS,
         "created_at": now}
        for n in range(5 * scale)
    ]  # fmt: skip
    bulk(Offering, offerings)
    bulk(offering_trainers, [{"offering_id": o["id"], "trainer_id": first_trainer + n % len(trainer_users)}
                             for n, o in enumerate(offerings)])  # fmt: skip
    sessions = []
    for n in range(20 * scale):
        starts = now + timedelta(days=rng.randint(-180, 180), hours=rng.randint(0, 8))
        held = starts < now
        sessions.append({
            "id": first_session + n, "offering_id": offerings[n % len(offerings)]["id"],
            "starts_at": starts, "ends_at": starts + timedelta(hours=2),
            "registration_closes_at": starts - timedelta(hours=2), "mode": "remote",
            "meeting_url": "https://meet.example.fi/paja", "capacity": SEATS, "seats_taken": 25,
            "status": SessionStatus.DELIVERED if held else SessionStatus.SCHEDULED, "invite_token": f"g{first_session + n}",
        })  # fmt: skip
    bulk(TrainingSession, sessions)
    bulk(session_trainers, [{"session_id": s["id"], "trainer_id": first_trainer + n % len(trainer_users)}
                            for n, s in enumerate(sessions)])  # fmt: skip
    names = dict(
        db.session.execute(
            User.__table__.select().with_only_columns(User.id, User.name).where(User.id.in_(people))
        ).all()
    )
    registrations = []
    for n, session in enumerate(sessions):
        for k in range(25):
            user = people[(n * 25 + k) % len(people)]
            registrations.append({
                "session_id": session["id"], "user_id": user, "name": names[user],
                "email": f"gen{user}@scale.example", "status": RegistrationStatus.CONFIRMED,
                "attended": True if session["status"] == SessionStatus.DELIVERED else None,
                "cancel_token": f"c{session['id']}-{k}", "personal_token": f"p{session['id']}-{k}",
            })  # fmt: skip
    bulk(Registration, registrations)
    return {"trainers": len(trainer_users), "workshops": len(offerings), "sessions": len(sessions),
            "registrations": len(registrations)}  # fmt: skip

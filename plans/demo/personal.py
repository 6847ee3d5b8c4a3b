"""Personal Twitter plans of the ministry's experts after the "Oma somesuunnitelma" workshop (004)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import sqlalchemy as sa

from paja.database import utcnow
from paja.extensions import db
from paja.i18n import helsinki, wall_clock
from paja.models import Role, User
from plans.demo.people import organisation, person, thread, write
from plans.labels import Channel
from plans.operations.plans import PlanDetails, create_plan
from plans.queries.plans import plan_people
from trainings.models import (
    Offering,
    Registration,
    RegistrationStatus,
    SessionStatus,
    Trainer,
    TrainingSession,
)

EXPERTS = [
    ("tiia.talvitie@paja.example", "Tiia Talvitie", "Sisäisen turvallisuuden viestintä",
     "Kerron ministeriön työstä sisäisen turvallisuuden asiantuntijana.",
     "Pitäisikö minun twiitata omalla nimelläni vai ministeriön tilillä?",
     "Omalla nimellä, mutta kerro profiilissa, missä työskentelet. Asiantuntijan ääni tavoittaa toisin kuin organisaation tili."),
    ("johanna.salo@sm.example", "Johanna Salo", "Maahanmuutto ja kotoutuminen",
     "Jaan tutkimustietoa maahanmuutosta ja oikaisen virheellistä tietoa asiallisesti.",
     "Miten vastaan asiattomiin kommentteihin?",
     "Älä vastaa provokaatioon. Kiitä asiallisesta kritiikistä ja ohjaa lähteeseen; asiattomat voit jättää huomiotta tai estää."),
    ("mikko.heinonen@sm.example", "Mikko Heinonen", "Pelastustoimi",
     "Nostan esiin pelastustoimen uudistuksen vaiheita ja hyviä käytäntöjä alueilta.",
     "Ehdinkö tätä kaiken muun työn ohessa?",
     "Varaa viikoittain 15 minuuttia: yksi oma twiitti ja kaksi kommenttia riittää hyvin alkuun."),
]  # fmt: skip


def load_personal_plans() -> None:
    """The delivered workshop, and each attending expert's plan shared with its trainer."""
    ministry = organisation("2000001-6")
    offering = db.session.scalar(sa.select(Offering).where(Offering.slug == "oma-somesuunnitelma"))
    trainer = db.session.scalar(sa.select(Trainer).where(Trainer.slug == "pilvi-nummi"))
    if ministry is None or offering is None or trainer is None:
        return
    if db.session.scalar(sa.select(TrainingSession.id).where(TrainingSession.offering_id == offering.id,
                                                             TrainingSession.organisation_id == ministry.id)):  # fmt: skip
        return
    day = wall_clock(utcnow()).date() - timedelta(days=7)
    starts = helsinki(datetime.combine(day, time(9)))
    session = TrainingSession(
        offering=offering, organisation_id=ministry.id, starts_at=starts, ends_at=starts + timedelta(hours=3),
        registration_closes_at=starts - timedelta(hours=2), mode="remote", meeting_url="https://zoom.example/j/sm-oma",
        capacity=12, seats_taken=len(EXPERTS), trainers=[trainer], status=SessionStatus.DELIVERED,
    )  # fmt: skip
    db.session.add(session)
    db.session.flush()
    for email, name, field, goal, question, tip in EXPERTS:
        expert = person(email, name, ministry, Role.PARTICIPANT)
        db.session.add(Registration(session_id=session.id, user_id=expert.id, name=name, email=email,
                                    status=RegistrationStatus.CONFIRMED, attended=True))  # fmt: skip
        _plan(expert, session, trainer.user, field, goal, question, tip)
    db.session.flush()


def _plan(expert: User, session: TrainingSession, trainer: User, field: str, goal: str,
          question: str, tip: str) -> None:  # fmt: skip
    """One expert's own plan, shared with the session, with the trainer's tip as a reply."""
    details = PlanDetails(
        "Oma Twitter-suunnitelma", "fi", [Channel.X, Channel.LINKEDIN], False, session
    )
    plan = create_plan(expert, details)
    write(plan, expert, {
        "1": {"1a": expert.name, "1b": "x.com/" + expert.name.split()[0].lower()},
        "6": {"6b": f"Toimittajat, päättäjät ja kollegat, joita kiinnostaa {field.lower()}."},
        "7": {"7b": goal, "7c": ["Verkostoituminen alan asiantuntijoiden kanssa", "Ministeriön työn näkyvyys"]},
        "8": {"8c": f"{field}, ajankohtaiset lausuntokierrokset, tapahtumat ja raportit."},
        "9": {"9a": {"times": 2, "per": "week"}},
        "15": {"15e": "Omalla äänelläni asiantuntijana; ministeriön kannat ministeriön tililtä."},
    })  # fmt: skip
    people = plan_people(plan)
    handle = "@" + "".join(w[:1].upper() + w[1:] for w in trainer.name.split())
    thread(plan, "15", people, (expert, f"{handle} {question}"), (trainer, tip))

"""The ministry's programme half-way through (004): three categories, three units, activities
logged and waiting, and points from the delivered workshops, the course and its skill checks."""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa

from courses.models import Course, Enrolment
from incentives.labels import Source, StandingView, Visibility
from incentives.models import Claim, Participant, Programme, ProgrammeManager
from incentives.operations.claims import credit
from incentives.operations.ledger import award, helsinki_today
from incentives.operations.programmes import ProgrammeDetails, create_programme
from paja.extensions import db
from paja.models import Organisation, Role, User
from plans.demo.people import person
from trainings.models import Offering, Registration, TrainingSession

NAME = "Välitön viestintä vaikuttaa"
PURPOSE = ("Vahvistamme henkilöstön viestintäosaamista ja -varmuutta. Mitä useampi sisäministeriöläinen "
           "viestii työstään aktiivisesti, sitä paremmin välitämme tietoa sisäisestä turvallisuudesta ja "
           "maahanmuutosta. Leikkimielinen kilpailu on vapaaehtoinen; tuloksia ei käytetä "
           "suoriutumisen arvioinnissa eikä palkkauksessa.")  # fmt: skip
TEAMS = ("Poliisiosasto", "Maahanmuutto-osasto", "Pelastusosasto")
COLLEAGUES = [  # email, name, team, how they appear
    ("tiia.talvitie@paja.example", "Tiia Talvitie", 1, Visibility.NAME, ""),
    ("johanna.salo@sm.example", "Johanna Salo", 1, Visibility.PSEUDONYM, "Kotoutuja"),
    ("mikko.heinonen@sm.example", "Mikko Heinonen", 2, Visibility.NAME, ""),
    ("anna.virta@sm.example", "Anna Virta", 0, Visibility.NAME, ""),
    ("pekka.lahti@sm.example", "Pekka Lahti", 0, Visibility.PSEUDONYM, "Partioauto"),
    ("sanna.koski@sm.example", "Sanna Koski", 0, Visibility.NAME, ""),
    ("olli.maki@sm.example", "Olli Mäki", 2, Visibility.NAME, ""),
    ("liisa.ranta@sm.example", "Liisa Ranta", 2, Visibility.HIDDEN, ""),
    ("jari.niemi@sm.example", "Jari Niemi", 1, Visibility.NAME, ""),
]
LOGGED = [  # who (index), category, activity index, days ago, evidence, approved?
    (0, 0, 0, 30, "https://x.com/tiiatalvitie/status/1", True),
    (0, 2, 0, 20, "Haastattelu Ylen aamussa maahanmuuton tilastoista", True),
    (1, 0, 0, 25, "https://x.com/kotoutuja/status/2", True),
    (1, 1, 0, 12, "Intranet: Näin kotoutumislaki uudistuu", True),
    (2, 0, 0, 18, "https://www.linkedin.com/posts/mikko-heinonen-1", True),
    (3, 2, 1, 9, "Esitys pelastusalan sidosryhmäpäivillä", True),
    (4, 0, 0, 7, "https://x.com/partioauto/status/3", True),
    (5, 1, 1, 5, "Esitys henkilöstöinfossa: somen pelisäännöt", True),
    (6, 0, 0, 3, "https://x.com/ollimaki/status/4", False),
    (8, 2, 0, 2, "Haastattelu Helsingin Sanomissa", False),
    (3, 1, 0, 1, "Intranet: Viikon viestintävinkki", False),
]


def load_programme() -> None:
    """The programme, its people and six weeks of points (once)."""
    ministry = db.session.scalar(
        sa.select(Organisation).where(Organisation.business_id == "2000001-6")
    )
    if ministry is None or db.session.scalar(sa.select(Programme.id).where(Programme.name == NAME)):
        return
    today = helsinki_today()
    offerings = db.session.scalars(
        sa.select(Offering).where(Offering.slug.in_(("twitter-perusteet", "oma-somesuunnitelma")))
    ).all()
    courses = db.session.scalars(sa.select(Course).where(Course.slug == "twitter-perusteet")).all()
    programme = create_programme(ministry, ProgrammeDetails(
        NAME, PURPOSE, today - timedelta(weeks=6), today + timedelta(weeks=6), StandingView.NEIGHBOURS,
        50, 365, list(TEAMS), list(offerings), list(courses)))  # fmt: skip
    teams = {t.name: t for t in programme.teams}
    for email, name, team, visibility, pseudonym in COLLEAGUES:
        user = person(email, name, ministry, Role.PARTICIPANT)
        db.session.add(Participant(programme_id=programme.id, user_id=user.id, team=teams[TEAMS[team]],
                                   visibility=visibility, pseudonym=pseudonym))  # fmt: skip
    staff = db.session.scalars(
        sa.select(User).where(User.email.like("asiantuntija%@sm.example")).order_by(User.id)
    )
    for n, user in enumerate(staff):  # the course's demo learners join by name
        db.session.add(Participant(programme_id=programme.id, user_id=user.id, team=teams[TEAMS[n % 3]],
                                   visibility=Visibility.NAME))  # fmt: skip
    db.session.flush()
    people = list(
        db.session.scalars(
            sa.select(Participant)
            .where(Participant.programme_id == programme.id)
            .order_by(Participant.id)
        )
    )
    tiia = people[0].user
    assert tiia is not None
    db.session.add(ProgrammeManager(organisation_id=ministry.id, user_id=tiia.id))
    _logged(programme, people, tiia, today)
    _automatic(programme, people)
    db.session.flush()


def _logged(programme: Programme, people: list[Participant], manager: User, today: date) -> None:
    """The activities the colleagues logged: most approved, the latest waiting."""
    for who, category, activity, ago, evidence, approved in LOGGED:
        kind = [
            a for a in programme.categories[category].activity_types if a.source == Source.LOGGED
        ][activity]
        link = evidence if evidence.startswith("https://") else ""
        claim = Claim(participant=people[who], activity_type=kind, done_on=today - timedelta(days=ago),
                      evidence_link=link, evidence_text="" if link else evidence)  # fmt: skip
        db.session.add(claim)
        db.session.flush()
        if approved:
            credit(claim, manager)


def _automatic(programme: Programme, people: list[Participant]) -> None:
    """Points the delivered workshops and the course gave (as their signals would have)."""
    by_user = {p.user_id: p for p in people}
    kinds = {a.source: a for c in programme.categories for a in c.activity_types}
    attended = db.session.execute(
        sa.select(Registration.id, User.id)
        .join(TrainingSession, TrainingSession.id == Registration.session_id)
        .join(User, sa.or_(User.id == Registration.user_id, User.email == Registration.email))
        .where(
            Registration.attended.is_(True),
            TrainingSession.offering_id.in_([o.id for o in programme.offerings]),
        )
    ).all()
    for registration_id, user_id in attended:
        if user_id in by_user:
            kind = kinds[Source.ATTENDANCE]
            award(
                by_user[user_id],
                kind.category,
                kind.points,
                f"attendance:{registration_id}",
                kind.name,
                kind,
            )
    for enrolment in db.session.scalars(
        sa.select(Enrolment).where(Enrolment.completed_at.is_not(None))
    ):
        if enrolment.user_id in by_user and enrolment.course in programme.courses:
            kind = kinds[Source.COURSE]
            award(
                by_user[enrolment.user_id],
                kind.category,
                kind.points,
                f"course:{enrolment.id}",
                kind.name,
                kind,
            )

"""Demo skill check of the Twitter basics course, with before and after answers (seed 004)."""

from __future__ import annotations

import sqlalchemy as sa

from courses.models import Area, Course, Enrolment, KnowledgeQuestion, SkillCheck
from courses.operations.skills import take
from courses.queries.skills import skill_check_of
from paja.extensions import db
from paja.models import Membership, Organisation, User

AREAS = [
    (
        "Profiili ja perusteet",
        "Osaan luoda tunnuksen ja täyttää profiilin\nOsaan twiitata, jakaa ja tykätä",
        0,
    ),
    (
        "Seuraaminen ja tiedonhaku",
        "Osaan löytää alani tilit ja seurata niitä\nOsaan käyttää listoja",
        1,
    ),
    (
        "Keskusteluun osallistuminen",
        "Osaan vastata ja mainita muita\nOsaan tuoda asiantuntemukseni keskusteluun",
        2,
    ),
    (
        "Pelisäännöt ja turvallisuus",
        "Tiedän organisaationi somepelisäännöt\nOsaan toimia kriittisen viestin kanssa",
        3,
    ),
]
NO_PASSWORD = "!"  # noqa: S105 (matches no password: demo staff never log in)
DEMO_SHEETS = [
    (2, 5),
    (1, 4),
    (3, 5),
    (2, 4),
    (3, 4),
]  # a participant's mean rating before and after


def load_skill_check_demo() -> None:
    """The Twitter basics skill check, and before/after answers of the ministry's staff."""
    course = db.session.scalar(sa.select(Course).where(Course.slug == "twitter-perusteet"))
    if course is None or skill_check_of(course) is not None:
        return
    check = SkillCheck(course_id=course.id, intermediate_from=40, advanced_from=75)
    check.areas = [
        Area(position=n, name=name, statements_text=text, module_id=course.modules[m].id)
        for n, (name, text, m) in enumerate(AREAS)
    ]
    db.session.add(check)
    db.session.flush()
    check.questions = [
        KnowledgeQuestion(
            position=0,
            area_id=check.areas[0].id,
            text="Mikä tekee profiilista luotettavan?",
            choices_text="Tyhjä esittely\nKasvokuva ja kuvaus työstä\nPelkkä logo",
            correct="1",
            explanation="Kasvot ja kuvaus kertovat, kuka puhuu ja mistä.",
        )
    ]
    ministry = db.session.scalar(
        sa.select(Organisation).where(Organisation.business_id == "2000001-6")
    )
    for n, (before, after) in enumerate(DEMO_SHEETS):
        email = f"asiantuntija{n + 1}@sm.example"
        user = db.session.scalar(sa.select(User).where(User.email == email))
        if user is None:
            name = f"Sisäministeriön asiantuntija {n + 1}"
            user = User(email=email, name=name, password_hash=NO_PASSWORD)
            db.session.add(user)
            db.session.flush()
        if ministry is not None and db.session.get(Membership, (ministry.id, user.id)) is None:
            db.session.add(Membership(organisation=ministry, user=user))
        db.session.add(
            Enrolment(
                user_id=user.id,
                course_id=course.id,
                organisation_id=ministry.id if ministry else None,
            )
        )
        for phase, rating in (("before", before), ("after", after)):
            ratings = {(a.id, i): rating for a in check.areas for i in range(len(a.statements))}
            take(check, user, phase, ratings, {check.questions[0].id: {1 if rating >= 3 else 0}})
    db.session.flush()

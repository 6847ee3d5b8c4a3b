"""Demo courses from seed 002: Twitter basics and continuation, with Finnish modules."""

from __future__ import annotations

from decimal import Decimal

import sqlalchemy as sa

from courses.models import Course, Enrolment, Module, ModuleDone
from paja.extensions import db
from paja.models import User
from trainings.models import Offering

BASICS = [
    ("Tunnukset ja profiili", 20,
     "Twitter (nykyään X) on asiantuntijan keskustelukanava. Aloitetaan omista tunnuksista.\n\n"
     "- valitse **käyttäjänimi**, josta sinut tunnistaa\n- kirjoita esittely: kuka olet ja mistä puhut\n"
     "- lisää kasvokuva ja kansikuva",
     "Luo tunnus tai kirjaudu omaan tunnukseesi\nTäytä profiilin esittely\nLisää profiilikuva"),
    ("Seuraaminen ja listat", 20,
     "Hyvä aikajana syntyy siitä, ketä seuraat. Seuraa alan asiantuntijoita, medioita ja kollegoita.\n\n"
     "Listoilla jaat seurattavat aiheittain, jolloin tärkeä ei huku virtaan.",
     "Seuraa kymmentä oman alasi tiliä\nTee lista alan uutisista"),
    ("Perustoiminnot", 15,
     "Tykkää, jaa, kommentoi ja mainitse. Twiitin pituus on rajattu, joten sano yksi asia kerrallaan.",
     "Tykkää kolmesta twiitistä\nJaa yksi kiinnostava linkki omalla kommentilla"),
    ("Organisaation pelisäännöt", 15,
     "Kenen suulla puhut? Mitä ei julkaista? Kuka vastaa kysymyksiin? Sovi pelisäännöt yhdessä.",
     ""),
]  # fmt: skip
CONTINUATION = [
    ("Tiedonhaku ja alan kuulumiset", 20,
     "Hakutoiminnolla ja aihetunnisteilla (#) löydät alan keskustelut. Tallenna hyvät haut.",
     "Tallenna yksi haku oman alasi aiheesta"),
    ("Keskusteluun osallistuminen asiantuntijana", 25,
     "Asiantuntija tuo keskusteluun tietoa ja näkökulman. Vastaa asiallisesti, viittaa lähteisiin.",
     "Vastaa yhteen alasi keskusteluun"),
    ("Oma julkaisurytmi", 15,
     "Säännöllisyys ratkaisee: mieluummin kaksi hyvää twiittiä viikossa kuin kymmenen kerralla.",
     "Suunnittele kahden viikon julkaisut"),
    ("Mittaaminen", 15,
     "Seuraa, mikä herättää keskustelua. Analytiikka kertoo näyttökerrat ja vuorovaikutuksen.",
     ""),
]  # fmt: skip


def _course(slug: str, title: str, modules: list, hours: str, offering_slug: str) -> Course:
    """A published demo course with its modules, created when missing."""
    course = db.session.scalar(sa.select(Course).where(Course.slug == slug))
    if course is not None:
        return course
    course = Course(slug=slug, title=title, hours=Decimal(hours), published=True, language="fi",
                    description=f"Verkkokurssi, joka tukee työpajaa *{title}*.")  # fmt: skip
    offering = db.session.scalar(sa.select(Offering).where(Offering.slug == offering_slug))
    if offering is not None:
        course.offerings.append(offering)
    for position, (name, minutes, body, tasks) in enumerate(modules):
        course.modules.append(
            Module(position=position, title=name, minutes=minutes, body=body, tasks_text=tasks)
        )
    db.session.add(course)
    db.session.flush()
    return course


def load_courses_demo() -> None:
    """The Twitter basics → continuation courses, and a participant half-way through the basics."""
    basics = _course("twitter-perusteet", "Twitter-perusteet", BASICS, "2", "twitter-perusteet")
    continuation = _course("twitter-jatko", "Twitter-jatko", CONTINUATION, "2", "twitter-jatko")
    basics.next_course = continuation
    participant = db.session.scalar(sa.select(User).where(User.email == "asa.ohman@paja.example"))
    if (
        participant is not None
        and db.session.scalar(
            sa.select(Enrolment.id).where(
                Enrolment.user_id == participant.id, Enrolment.course_id == basics.id
            )
        )
        is None
    ):
        enrolment = Enrolment(
            user_id=participant.id, course_id=basics.id, last_module_id=basics.modules[1].id
        )
        db.session.add(enrolment)
        db.session.flush()
        db.session.add(ModuleDone(enrolment_id=enrolment.id, module_id=basics.modules[0].id))
    db.session.flush()
    load_skill_check_demo()
    load_certificates_demo()


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
    from courses.skill_models import Area, KnowledgeQuestion, SkillCheck
    from courses.skills import skill_check_of, take
    from paja.models import Membership, Organisation

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


def load_certificates_demo() -> None:
    """The ministry's staff complete the basics course; its attendees get attendance certificates."""
    from courses.certificates import issue_for_attendance
    from courses.operations import mark_done
    from trainings.models import SessionStatus, TrainingSession

    course = db.session.scalar(sa.select(Course).where(Course.slug == "twitter-perusteet"))
    if course is None:
        return
    staff = db.session.scalars(
        sa.select(Enrolment)
        .join(User, User.id == Enrolment.user_id)
        .where(
            Enrolment.course_id == course.id,
            Enrolment.completed_at.is_(None),
            User.email.like("asiantuntija%@sm.example"),
        )
    ).all()
    for enrolment in staff:
        for module in course.modules:
            mark_done(enrolment, module)
    delivered = db.session.scalars(
        sa.select(TrainingSession).where(TrainingSession.status == SessionStatus.DELIVERED)
    ).all()
    for session in delivered:
        issue_for_attendance(session)
    db.session.flush()

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


def _course(
    slug: str, title: str, modules: list, hours: str, offering_slug: str, level: str
) -> Course:
    """A published demo course with its modules, created when missing."""
    course = db.session.scalar(sa.select(Course).where(Course.slug == slug))
    if course is not None:
        return course
    course = Course(slug=slug, title=title, hours=Decimal(hours), published=True, language="fi",
                    level=level,
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
    basics = _course(
        "twitter-perusteet", "Twitter-perusteet", BASICS, "2", "twitter-perusteet", "beginner"
    )
    continuation = _course(
        "twitter-jatko", "Twitter-jatko", CONTINUATION, "2", "twitter-jatko", "intermediate"
    )
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

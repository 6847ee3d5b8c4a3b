"""Demo data for trainings, from seeds 001, 002 and 004: workshops, trainers, an order, sessions."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal

import sqlalchemy as sa

from feedback.models import Answer, Response
from paja.database import utcnow
from paja.demo import DEMO_PASSWORD
from paja.extensions import db
from paja.i18n import HELSINKI
from paja.models import Membership, Organisation, Role, User
from trainings.models import (
    Channel,
    Offering,
    Order,
    OrderEvent,
    OrderLine,
    OrderStatus,
    Registration,
    RegistrationStatus,
    SessionStatus,
    Trainer,
    TrainingSession,
)
from trainings.operations.feedback import attach_survey

CHANNELS = [
    ("facebook", "Facebook", "Facebook", "Facebook"),
    ("instagram", "Instagram", "Instagram", "Instagram"),
    ("x", "X (Twitter)", "X (Twitter)", "X (Twitter)"),
    ("linkedin", "LinkedIn", "LinkedIn", "LinkedIn"),
    ("youtube", "YouTube", "YouTube", "YouTube"),
    ("tiktok", "TikTok", "TikTok", "TikTok"),
    ("blog", "Blogi", "Blogg", "Blog"),
]
TRAINERS = [
    ("pilvi.nummi@paja.example", "Pilvi Nummi", "pilvi-nummi", "Some-tutkija ja kaavoitusarkkitehti",
     "Pilvi tekee väitöskirjaa sosiaalisen median käytöstä kaupunkisuunnittelussa ja bloggaa maankäytön "
     "suunnitteluun liittyvästä verkko-osallistumisesta.",
     "kaupunkisuunnittelu, verkko-osallistuminen, Facebook, X", None, None),
    ("jaana.pohjola@paja.example", "Jaana Pohjola", "jaana-pohjola", "Someaktiivi ja bloggaaja",
     "Jaana on perustanut muun muassa **Tuusulan kuntakehityksen** sometilit ja useamman blogin.",
     "bloggaus, Facebook-sivut, Instagram, kuntaviestintä", 20000, 11400),
]  # fmt: skip
OFFERINGS = [
    ("somestartti", "Kahden tunnin somestartti", 120, "500", ("onsite", "remote"),
     ("facebook", "x", "instagram"), ("pilvi-nummi", "jaana-pohjola"),
     "Vauhtia somen käyttöön: luodaan yhdessä Facebook-sivu, X-tili tai Instagram-tili.",
     "Työpajassa luodaan yhdessä **Facebook-sivu, X-tili tai Instagram-tili**, joiden avulla jokainen "
     "työntekijä pääsee jakamaan sisältöjään. Jos kanavat ovat jo käytössä, harjoitellaan niiden käyttöä "
     "ja sisältöjen jakamista käytännössä.\n\n- miten some teknisesti toimii\n- mitä kannattaa jakaa "
     "missäkin kanavassa\n- sisältö räätälöidään organisaation tarpeisiin"),
    ("some-haltuun", "Puolen päivän some haltuun -koulutus", 240, "900", ("onsite", "hybrid"),
     ("facebook", "x", "instagram", "linkedin"), ("pilvi-nummi", "jaana-pohjola"),
     "Puolen päivän koulutus, jossa somen käyttö otetaan haltuun organisaation valitsemissa kanavissa.",
     "Kolme hyvää syytä käyttää somea kunta- ja kaupunkisuunnittelussa: näkyvyys, osallistuminen ja "
     "tiedon kulku molempiin suuntiin. Koulutuksessa käydään läpi kanavat, sisällöt ja työnjako."),
    ("twitter-perusteet", "Twitter-koulutus: perusteet", 120, "650", ("remote",), ("x",), ("pilvi-nummi",),
     "Omat tunnukset, profiilin hallinta ja kanavan perustoiminnot etänä.",
     "Ensimmäinen osa Twitter-koulutusten sarjaa: tunnusten luominen, profiilin hallinta ja muut "
     "kanavalle tyypilliset perustoiminnot."),
    ("twitter-jatko", "Twitter-koulutus: jatko", 120, "650", ("remote",), ("x",), ("pilvi-nummi",),
     "Tiedonhaku, alan kuulumiset ja asiantuntijana keskusteluihin osallistuminen.",
     "Sarjan toinen osa: miten etsiä kiinnostavaa tietoa ja alan kuulumisia, ja millaisista "
     "näkökulmista asiantuntija voi osallistua keskusteluihin."),
    ("oma-somesuunnitelma", "Oma somesuunnitelma -työpaja", 180, "750", ("remote", "onsite"),
     ("x", "linkedin"), ("jaana-pohjola",),
     "Keskusteleva työpaja, jossa jokainen tekee oman somesuunnitelmansa.",
     "Työpajassa tehdään jokaiselle oma somesuunnitelma ja kysytään vinkkejä juuri omaan työhön."),
]  # fmt: skip
ATTENDEES = ["Matti Virtanen", "Laura Koskinen", "Inka Lehtonen", "Leo Mäkinen", "Sikke Järvinen",
             "Päivi Nieminen", "Marika Heikkinen"]  # fmt: skip


def _user(email: str, name: str, roles: set[Role]) -> User:
    """A demo user, created when missing."""
    user = db.session.scalar(sa.select(User).where(User.email == email))
    if user is None:
        user = User(email=email, name=name)
        user.set_password(DEMO_PASSWORD)
        user.set_roles(roles | {Role.PARTICIPANT})
        db.session.add(user)
        db.session.flush()
    return user


def _helsinki(days: int, hour: int) -> datetime:
    """A time some days from now at a Helsinki hour."""
    day = (utcnow().astimezone(HELSINKI) + timedelta(days=days)).date()
    return datetime.combine(day, time(hour), HELSINKI).astimezone(utcnow().tzinfo)


def load_catalogue_demo() -> None:
    """Create whatever trainings demo data is missing (idempotent)."""
    channels = {c.slug: c for c in db.session.scalars(sa.select(Channel))}
    for position, (slug, fi, sv, en) in enumerate(CHANNELS):
        if slug not in channels:
            channels[slug] = Channel(
                slug=slug, name_fi=fi, name_sv=sv, name_en=en, position=position
            )
            db.session.add(channels[slug])
    trainers = {t.slug: t for t in db.session.scalars(sa.select(Trainer))}
    for email, name, slug, title, bio, expertise, readers, followers in TRAINERS:
        if slug not in trainers:
            user = _user(email, name, {Role.TRAINER})
            trainers[slug] = Trainer(user=user, slug=slug, title=title, bio=bio, expertise=expertise,
                                     blog_readers=readers, followers=followers)  # fmt: skip
            db.session.add(trainers[slug])
    offerings = {o.slug: o for o in db.session.scalars(sa.select(Offering))}
    for (
        slug,
        title,
        minutes,
        price,
        modes,
        channel_slugs,
        trainer_slugs,
        summary,
        description,
    ) in OFFERINGS:
        if slug not in offerings:
            offerings[slug] = Offering(
                slug=slug, title=title, duration_minutes=minutes, price_excl_vat=Decimal(price),
                onsite="onsite" in modes, remote="remote" in modes, hybrid="hybrid" in modes,
                max_participants=25, summary=summary, description=description,
                channels=[channels[c] for c in channel_slugs], trainers=[trainers[t] for t in trainer_slugs],
            )  # fmt: skip
            db.session.add(offerings[slug])
    db.session.flush()
    offerings["twitter-perusteet"].next_offering = offerings["twitter-jatko"]
    _municipal_order(offerings["somestartti"], trainers["jaana-pohjola"], channels)
    _open_session(offerings["twitter-perusteet"], trainers["pilvi-nummi"])
    _delivered_session(offerings["twitter-perusteet"], trainers["pilvi-nummi"])
    for session in db.session.scalars(
        sa.select(TrainingSession).where(TrainingSession.feedback_survey_id.is_(None))
    ):
        attach_survey(session)
    db.session.flush()


def _municipal_order(offering: Offering, trainer: Trainer, channels: dict[str, Channel]) -> None:
    """A confirmed order from Tuusulan kunta with its private session."""
    tuusula = db.session.scalar(
        sa.select(Organisation).where(Organisation.business_id == "1567535-0")
    )
    if tuusula is None or db.session.scalar(
        sa.select(Order.id).where(Order.organisation_id == tuusula.id)
    ):
        return
    contact = _user("marja.laine@paja.example", "Marja Laine", {Role.CUSTOMER})
    if db.session.get(Membership, (tuusula.id, contact.id)) is None:
        db.session.add(Membership(organisation=tuusula, user=contact))
    admin = db.session.scalar(sa.select(User).where(User.email == "admin@paja.example"))
    starts = _helsinki(21, 13)
    order = Order(
        offering=offering, organisation=tuusula, contact=contact, participants=15,
        preferred_date_1=starts.date(), mode="onsite", address="Hyrylänkatu 8, Tuusula",
        channels=[channels["facebook"], channels["instagram"]], has_accounts=False,
        tailoring="Kaavoitushankkeiden viestintä kuntalaisille.",
        einvoice_address=tuusula.einvoice_address, einvoice_operator=tuusula.einvoice_operator,
        buyer_reference="Kaavoitus 4100", status=OrderStatus.CONFIRMED,
        lines=[OrderLine(description=offering.title, quantity=Decimal(1), unit_price=offering.price_excl_vat,
                         vat_rate=offering.vat_rate),
               OrderLine(description="Matkakulut", quantity=Decimal(1), unit_price=Decimal("48.00"),
                         vat_rate=offering.vat_rate)],
        events=[OrderEvent(actor=contact, to_status=OrderStatus.REQUESTED),
                OrderEvent(actor=admin, from_status=OrderStatus.REQUESTED, to_status=OrderStatus.CONFIRMED,
                           note="Tervetuloa! Kouluttajana Jaana Pohjola.")],
    )  # fmt: skip
    db.session.add(order)
    db.session.flush()
    db.session.add(
        TrainingSession(
            offering=offering, order_id=order.id, organisation_id=tuusula.id, starts_at=starts,
            ends_at=starts + timedelta(hours=2), registration_closes_at=starts - timedelta(hours=1),
            mode="onsite", place=order.address, capacity=15, trainers=[trainer],
        )
    )  # fmt: skip


def _open_session(offering: Offering, trainer: Trainer) -> None:
    """An open remote Twitter basics session: five seats taken and two people waiting."""
    exists = db.session.scalar(
        sa.select(TrainingSession.id).where(TrainingSession.offering_id == offering.id)
    )
    if exists:
        return
    starts = _helsinki(10, 9)
    session = TrainingSession(
        offering=offering, starts_at=starts, ends_at=starts + timedelta(hours=2),
        registration_closes_at=starts - timedelta(hours=2), mode="remote",
        meeting_url="https://meet.jit.si/paja-twitter-perusteet", capacity=5, seats_taken=5, trainers=[trainer],
    )  # fmt: skip
    db.session.add(session)
    db.session.flush()
    for n, name in enumerate(ATTENDEES):
        email = name.lower().replace(" ", ".").replace("ä", "a").replace("ö", "o") + "@example.fi"
        status = RegistrationStatus.CONFIRMED if n < 5 else RegistrationStatus.WAITING
        db.session.add(Registration(session_id=session.id, name=name, email=email, status=status,
                                    created_at=utcnow() - timedelta(hours=10 - n)))  # fmt: skip


COMMENTS = [
    ("Erinomainen, konkreettinen ja rohkaiseva!", "Enemmän aikaa omien twiittien harjoitteluun."),
    ("Kouluttaja oli innostunut ja asiantunteva.", "Tauko olisi ollut tarpeen."),
    ("Sain vihdoin profiilini kuntoon.", ""),
    ("Keskusteleva työtapa ja vinkit omaan työhön.", "Materiaalit etukäteen luettaviksi."),
    ("Zoomin chatissa syntyi hyvää keskustelua.", ""),
    ("", "Jatkokoulutus mahdollisimman pian!"),
]
RATINGS = [(5, 5, 5, 5, 10), (5, 4, 5, 5, 9), (4, 4, 4, 5, 9), (5, 5, 4, 5, 10), (4, 3, 4, 4, 8),
           (3, 4, 3, 4, 7), (5, 5, 5, 5, 10), (4, 5, 4, 5, 9), (5, 4, 5, 4, 9), (4, 4, 5, 5, 8),
           (2, 3, 3, 4, 6), (5, 5, 5, 5, 10)]  # fmt: skip


def _delivered_session(offering: Offering, trainer: Trainer) -> None:
    """A remote Twitter basics session the ministry's staff attended, with answered feedback (seed 004)."""
    ministry = db.session.scalar(
        sa.select(Organisation).where(Organisation.business_id == "2000001-6")
    )
    if ministry is None or db.session.scalar(
        sa.select(TrainingSession.id).where(TrainingSession.organisation_id == ministry.id)
    ):
        return
    starts = _helsinki(-14, 9)
    session = TrainingSession(
        offering=offering, organisation_id=ministry.id, starts_at=starts, ends_at=starts + timedelta(hours=2),
        registration_closes_at=starts - timedelta(hours=2), mode="remote", meeting_url="https://zoom.example/j/sm",
        capacity=len(RATINGS), seats_taken=len(RATINGS), trainers=[trainer], status=SessionStatus.DELIVERED,
    )  # fmt: skip
    db.session.add(session)
    db.session.flush()
    survey = attach_survey(session)
    questions = survey.questions
    for n, ratings in enumerate(RATINGS):
        db.session.add(Registration(session_id=session.id, name=f"Sisäministeriön asiantuntija {n + 1}",
                                    email=f"asiantuntija{n + 1}@sm.example", status=RegistrationStatus.CONFIRMED,
                                    attended=True))  # fmt: skip
        best, improve = COMMENTS[n % len(COMMENTS)]
        answers = [
            Answer(question_id=q.id, number=value)
            for q, value in zip(questions[:5], ratings, strict=True)
        ]
        answers += [
            Answer(question_id=q.id, text=t)
            for q, t in ((questions[5], best), (questions[6], improve))
            if t
        ]
        db.session.add(Response(survey_id=survey.id, submitted_on=(starts + timedelta(days=n % 3)).date(),
                                context=session.feedback_context, answers=answers))  # fmt: skip

"""Demo data from ../shared/seeds: organisations and one account per role."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app

from paja.extensions import db
from paja.models import Membership, Organisation, Role, User
from paja.operations import find_user_by_email
from paja.organisations import OrganisationDetails, apply_details

DEMO_LOADERS = "paja.demo_loaders"  # app.extensions key: domain packages add their loaders
DEMO_PASSWORD = "paja-demo-2026"  # noqa: S105 (documented in the README; demo only)


@dataclass(frozen=True)
class DemoUser:
    """A demo account and the organisation it belongs to."""

    email: str
    name: str
    role: Role
    organisation: str | None = None


# The business IDs are made up (valid check digits), not the real organisations' IDs.
DEMO_ORGANISATIONS = [
    OrganisationDetails(
        "Hämeen ELY-keskus", "2296962-1", "Raatihuoneenkatu 1", "13100", "Hämeenlinna",
        "003722969621", "003721291126",
    ),
    OrganisationDetails(
        "Tuusulan kunta", "1567535-0", "Hyrylänkatu 8", "04300", "Tuusula",
        "003715675350", "003721291126",
    ),
    OrganisationDetails(
        "Paperinkeräys Oy", "0357502-9", "Kuormakatu 4", "00560", "Helsinki",
        "003703575029", "HELSFIHH",
    ),
    OrganisationDetails(
        "TJS Opintokeskus", "0201256-6", "Siltasaarenkatu 4", "00530", "Helsinki",
    ),
    OrganisationDetails(
        "Sisäministeriö", "2000001-6", "Kirkkokatu 12", "00170", "Helsinki",
        "003720000016", "003710948874",
    ),
]  # fmt: skip

DEMO_USERS = [
    DemoUser("admin@paja.example", "Aino Laaksonen", Role.ADMIN),
    DemoUser("pilvi.nummi@paja.example", "Pilvi Nummi", Role.TRAINER),
    DemoUser("helena.koivisto@paja.example", "Helena Koivisto", Role.ORGANISER, "2296962-1"),
    DemoUser("tiia.talvitie@paja.example", "Tiia Talvitie", Role.CUSTOMER, "2000001-6"),
    DemoUser("asa.ohman@paja.example", "Åsa Öhman-Łukasiewicz", Role.PARTICIPANT, "0357502-9"),
]


def _ensure_organisation(details: OrganisationDetails) -> tuple[Organisation, bool]:
    """The organisation with this business ID, created when missing."""
    organisation = db.session.scalar(
        sa.select(Organisation).where(Organisation.business_id == details.business_id)
    )
    if organisation is not None:
        return organisation, False
    organisation = Organisation()
    apply_details(organisation, details)
    db.session.add(organisation)
    db.session.flush()
    return organisation, True


def _ensure_user(person: DemoUser) -> tuple[User, bool]:
    """The demo user, created when missing (an existing account is left as it is)."""
    user = find_user_by_email(person.email)
    if user is not None:
        return user, False
    user = User(email=person.email, name=person.name)
    user.set_password(DEMO_PASSWORD)
    user.set_roles({person.role, Role.PARTICIPANT})
    db.session.add(user)
    db.session.flush()
    return user, True


def load_demo() -> str:
    """Create whatever demo data is missing, the shell's then each package's (idempotent)."""
    created = 0
    organisations: dict[str, Organisation] = {}
    for details in DEMO_ORGANISATIONS:
        organisation, new = _ensure_organisation(details)
        organisations[details.business_id] = organisation
        created += new
    for person in DEMO_USERS:
        user, new = _ensure_user(person)
        created += new
        if person.organisation:
            organisation = organisations[person.organisation]
            if db.session.get(Membership, (organisation.id, user.id)) is None:
                db.session.add(Membership(organisation=organisation, user=user))
                created += 1
    db.session.flush()
    for loader in current_app.extensions.get(DEMO_LOADERS, []):
        loader()
    return (
        f"{len(DEMO_ORGANISATIONS)} organisations, {len(DEMO_USERS)} accounts, "
        f"{created} rows created"
    )

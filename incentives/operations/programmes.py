"""Setting a programme up: managers, the programme, its categories, teams and activity types."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _

from courses.models import Course
from incentives.labels import DEFAULT_CATEGORIES, Source, StandingView
from incentives.models import ActivityType, Category, Programme, ProgrammeManager, Team
from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import Membership, Organisation, User
from trainings.models import Offering

#: Activity types a new programme starts with, by category (the seed's examples), editable.
STARTER_TYPES: tuple[tuple[tuple[str, int, Source, bool], ...], ...] = (
    (("Julkaisu omasta työstä somessa", 10, Source.LOGGED, True),
     ("Osallistuminen somekoulutukseen", 20, Source.ATTENDANCE, False),
     ("Kurssin suorittaminen", 30, Source.COURSE, False),
     ("Osaamisen kasvu kurssilla", 20, Source.GROWTH, False),
     ("Koulutuspalautteen antaminen", 5, Source.FEEDBACK, False),
     ("Somesuunnitelman osio valmis", 5, Source.PLAN_SECTION, False),
     ("Julkaisukalenterin merkintä julkaistu", 5, Source.PUBLISHED, False)),
    (("Intranet-artikkeli", 15, Source.LOGGED, True),
     ("Esitys työyhteisön tilaisuudessa", 10, Source.LOGGED, True)),
    (("Mediahaastattelu", 20, Source.LOGGED, True),
     ("Esitys sidosryhmätilaisuudessa", 15, Source.LOGGED, True)),
)  # fmt: skip


def name_manager(organisation: Organisation, person: User) -> None:
    """Make a member of the organisation a programme manager."""
    if db.session.get(Membership, (organisation.id, person.id)) is None:
        raise RuleViolation(_("Choose a member of the organisation."), "person")
    if db.session.get(ProgrammeManager, (organisation.id, person.id)) is None:
        db.session.add(ProgrammeManager(organisation_id=organisation.id, user_id=person.id))
    db.session.flush()


def remove_manager(organisation: Organisation, person: User) -> None:
    """Take back a member's programme manager role."""
    named = db.session.get(ProgrammeManager, (organisation.id, person.id))
    if named is not None:
        db.session.delete(named)
    db.session.flush()


@dataclass(frozen=True)
class ProgrammeDetails:
    """What the programme form gives."""

    name: str
    purpose: str
    starts_on: date
    ends_on: date
    standing_view: StandingView
    level_points: int
    keep_days: int
    teams: list[str] = field(default_factory=list)
    offerings: list[Offering] = field(default_factory=list)
    courses: list[Course] = field(default_factory=list)


def create_programme(organisation: Organisation, details: ProgrammeDetails) -> Programme:
    """A programme with the seed's three categories and starter activity types."""
    programme = Programme(organisation=organisation)
    apply_details(programme, details)
    for position, (names, types) in enumerate(zip(DEFAULT_CATEGORIES, STARTER_TYPES, strict=True)):
        category = Category(position=position, name_fi=names[0], name_sv=names[1], name_en=names[2])
        category.activity_types = [
            ActivityType(name=name, points=points, source=source, evidence_required=evidence,
                         needs_approval=source == Source.LOGGED,
                         cap_day=3 if source == Source.LOGGED else None,
                         cap_week=5 if source == Source.PUBLISHED else None)
            for name, points, source, evidence in types
        ]  # fmt: skip
        programme.categories.append(category)
    db.session.add(programme)
    db.session.flush()
    return programme


def apply_details(programme: Programme, details: ProgrammeDetails) -> None:
    """Set the programme's name, purpose, period, standing view, levels, retention, teams
    and linked workshops and courses."""
    if details.ends_on < details.starts_on:
        raise RuleViolation(_("The programme must not end before it starts."), "ends_on")
    programme.name, programme.purpose = details.name, details.purpose
    programme.starts_on, programme.ends_on = details.starts_on, details.ends_on
    programme.standing_view, programme.level_points = details.standing_view, details.level_points
    programme.keep_days = details.keep_days
    programme.offerings, programme.courses = details.offerings, details.courses
    wanted = {name.strip() for name in details.teams if name.strip()}
    programme.teams = [t for t in programme.teams if t.name in wanted] + [
        Team(name=name) for name in sorted(wanted - {t.name for t in programme.teams})
    ]


@dataclass(frozen=True)
class CategoryNames:
    """A category's name in the three languages."""

    fi: str
    sv: str
    en: str


def rename_category(category: Category, names: CategoryNames) -> None:
    """Rename a category in Finnish, Swedish and English."""
    category.name_fi, category.name_sv, category.name_en = names.fi, names.sv, names.en
    db.session.flush()


def add_category(programme: Programme, names: CategoryNames) -> Category:
    """Add a category at the end."""
    category = Category(position=len(programme.categories), name_fi=names.fi, name_sv=names.sv,
                        name_en=names.en)  # fmt: skip
    programme.categories.append(category)
    db.session.flush()
    return category


@dataclass(frozen=True)
class ActivityDetails:
    """What the activity type form gives."""

    name: str
    points: int
    source: Source
    evidence_required: bool
    needs_approval: bool
    cap_day: int | None
    cap_week: int | None
    cap_programme: int | None
    active: bool = True


def save_activity_type(
    category: Category, details: ActivityDetails, activity: ActivityType | None = None
) -> ActivityType:
    """Add an activity type to a category, or change one (a type in use is taken out of
    use, never deleted)."""
    if details.source != Source.LOGGED and details.evidence_required:
        raise RuleViolation(_("Points counted from Paja need no evidence."), "evidence_required")
    activity = activity or ActivityType(category=category)
    for name, value in vars(details).items():
        setattr(activity, name, value)
    if details.source != Source.LOGGED:
        activity.needs_approval = False
    db.session.add(activity)
    db.session.flush()
    return activity

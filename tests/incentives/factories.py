"""Programmes, managers and participants for tests."""

from __future__ import annotations

from datetime import timedelta

from incentives.labels import Source, StandingView, Visibility
from incentives.models import ActivityType, Participant, Programme, ProgrammeManager
from incentives.operations.ledger import helsinki_today
from incentives.operations.participation import join
from incentives.operations.programmes import ProgrammeDetails, create_programme
from paja.extensions import db
from paja.models import Membership, Organisation, Role, User
from tests import factories


def programme(
    organisation: Organisation | None = None,
    view: StandingView = StandingView.NEIGHBOURS,
    teams: tuple[str, ...] = ("Poliisiosasto", "Maahanmuutto-osasto"),
) -> Programme:
    """A running programme with a manager (its organisation's member) and the starter types."""
    organisation = organisation or factories.create_organisation()
    today = helsinki_today()
    made = create_programme(organisation, ProgrammeDetails(
        "Välitön viestintä vaikuttaa", "Leikkimielinen kilpailu.", today - timedelta(days=30),
        today + timedelta(days=30), view, 50, 365, list(teams)))  # fmt: skip
    manager = member(organisation, Role.CUSTOMER)
    db.session.add(ProgrammeManager(organisation_id=organisation.id, user_id=manager.id))
    db.session.commit()
    return made


def manager_of(item: Programme) -> User:
    """The programme's (first) manager."""
    found = db.session.get(User, db.session.query(ProgrammeManager.user_id).filter_by(
        organisation_id=item.organisation_id).first()[0])  # fmt: skip
    assert found is not None
    return found


def member(organisation: Organisation, role: Role = Role.PARTICIPANT) -> User:
    """A new member of the organisation."""
    user = factories.create_user(roles={role})
    db.session.add(Membership(organisation=organisation, user=user))
    db.session.commit()
    return user


def participant(
    item: Programme, visibility: Visibility = Visibility.NAME, team: int | None = 0,
    pseudonym: str = "",
) -> Participant:  # fmt: skip
    """A new member who joined the programme."""
    user = member(item.organisation)
    joined = join(item, user, visibility, pseudonym, item.teams[team] if team is not None else None)
    db.session.commit()
    return joined


def logged_type(item: Programme, category: int = 0, **changes: object) -> ActivityType:
    """The category's first logged activity type, changed as asked."""
    found = next(a for a in item.categories[category].activity_types if a.source == Source.LOGGED)
    for name, value in changes.items():
        setattr(found, name, value)
    db.session.commit()
    return found

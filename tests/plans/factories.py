"""Plans, people on them and calendar entries for tests."""

from __future__ import annotations

from datetime import datetime

from paja.extensions import db
from paja.models import Membership, Organisation, Role, User
from plans.labels import Channel, PlanRole, Status
from plans.models import Entry, Plan
from plans.operations.calendar import EntryDetails, add_entries
from plans.operations.plans import PlanDetails, create_plan, give_role
from tests import factories
from trainings.models import TrainingSession


def org_plan(
    owner: User | None = None,
    organisation: Organisation | None = None,
    channels: tuple[str, ...] = (Channel.FACEBOOK, Channel.INSTAGRAM),
    approval: bool = True,
    roles: dict[User, PlanRole] | None = None,
) -> Plan:
    """An organisation's plan; the owner (and everyone given a role) are its members."""
    owner = owner or factories.create_user(roles={Role.CUSTOMER})
    people = (owner, *(roles or {}))
    organisation = organisation or factories.create_organisation(members=people)
    plan = create_plan(
        owner, PlanDetails("Facebook-suunnitelma", "fi", list(channels), approval), organisation
    )
    for person, role in (roles or {}).items():
        give_role(plan, person, role)
    db.session.commit()
    return plan


def personal_plan(owner: User | None = None, session: TrainingSession | None = None) -> Plan:
    """A person's own plan, shared with a session's trainers when one is given."""
    owner = owner or factories.create_user()
    details = PlanDetails("Oma Twitter-suunnitelma", "fi", [Channel.X], False, session)
    plan = create_plan(owner, details)
    db.session.commit()
    return plan


def member(organisation: Organisation, role: Role = Role.PARTICIPANT) -> User:
    """A new member of the organisation."""
    user = factories.create_user(roles={role})
    db.session.add(Membership(organisation=organisation, user=user))
    db.session.commit()
    return user


def entry(
    plan: Plan,
    starts: datetime,
    author: User | None = None,
    channel: str = Channel.FACEBOOK,
    topic: str = "Viikon uutiset",
    status: Status = Status.IDEA,
    owner: User | None = None,
) -> Entry:
    """A calendar entry at a Helsinki wall-clock time."""
    details = EntryDetails(starts=starts, channel=channel, format="post", topic=topic, owner=owner)
    made = add_entries(plan, details, author or plan.owner)[0]
    made.status = status
    db.session.commit()
    return made


def colleague(plan: Plan, role: PlanRole = PlanRole.COMMENTER) -> User:
    """A new member of the plan's organisation holding a role on the plan."""
    assert plan.organisation is not None
    user = member(plan.organisation)
    give_role(plan, user, role)
    db.session.commit()
    return user

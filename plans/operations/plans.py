"""Making a plan, changing its settings, and giving colleagues roles on it."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _

from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import Membership, Organisation, User
from plans.labels import Channel, PlanRole
from plans.models import Plan, PlanMember, PlanSection, new_token
from plans.worksheet import SECTIONS
from trainings.models import TrainingSession


@dataclass(frozen=True)
class PlanDetails:
    """What the plan form gives."""

    title: str
    language: str
    channels: list[str]
    requires_approval: bool
    shared_session: TrainingSession | None = None


def create_plan(
    owner: User, details: PlanDetails, organisation: Organisation | None = None
) -> Plan:
    """Start a plan from the worksheet: an organisation's (owner a member) or the owner's own."""
    if organisation is not None and db.session.get(Membership, (organisation.id, owner.id)) is None:
        raise RuleViolation(_("You can only make plans for your own organisations."), "owner")
    plan = Plan(owner=owner, organisation=organisation)
    apply_details(plan, details)
    db.session.add(plan)
    db.session.flush()
    db.session.add_all(PlanSection(plan_id=plan.id, key=s.key, answers={}) for s in SECTIONS)
    db.session.flush()
    return plan


def apply_details(plan: Plan, details: PlanDetails) -> None:
    """Set a plan's title, language, channels, approval rule and sharing."""
    if not details.channels:
        raise RuleViolation(_("Choose at least one channel."), "channels")
    plan.title = details.title
    plan.language = details.language
    plan.channels = ",".join(Channel(code) for code in details.channels)
    plan.requires_approval = details.requires_approval
    if plan.organisation_id is None and plan.organisation is None:
        plan.shared_session_id = details.shared_session.id if details.shared_session else None


def give_role(plan: Plan, colleague: User, role: PlanRole) -> None:
    """Give a colleague (a member of the plan's organisation) a role on the plan."""
    if plan.organisation_id is None:
        raise RuleViolation(_("A personal plan is shared with a session's trainers only."))
    if db.session.get(Membership, (plan.organisation_id, colleague.id)) is None:
        raise RuleViolation(_("Choose a member of the organisation."), "person")
    if colleague.id == plan.owner_id:
        raise RuleViolation(_("The owner already may do everything."), "person")
    if role == PlanRole.OWNER:
        raise RuleViolation(_("Choose one of the listed options."), "role")
    given = next((m for m in plan.members if m.user_id == colleague.id), None)
    if given is None:
        plan.members.append(PlanMember(user=colleague, role=role))
    else:
        given.role = role
    db.session.flush()


def take_role(plan: Plan, colleague: User) -> None:
    """Take back a colleague's role: they remain a viewer while a member of the organisation."""
    plan.members[:] = [m for m in plan.members if m.user_id != colleague.id]
    db.session.flush()


def renew_feed(plan: Plan) -> str:
    """Give the plan's calendar feed a new address; the old one stops working."""
    plan.feed_token = new_token()
    db.session.flush()
    return plan.feed_token


def delete_plan(plan: Plan) -> None:
    """Delete a plan with its sections, comments and calendar."""
    db.session.delete(plan)
    db.session.flush()

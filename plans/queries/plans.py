"""Plans a person sees, the people on a plan, and a plan's sections and history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from paja.extensions import db
from paja.models import Membership, User
from plans.labels import PlanRole
from plans.models import Plan, PlanMember, PlanSection, SectionVersion
from trainings.models import Registration, RegistrationStatus, Trainer, TrainingSession
from trainings.models.sessions import session_trainers


@dataclass(frozen=True)
class MyPlans:
    """The plans a person is on, grouped as the plans page shows them."""

    organisations: list[Plan]
    personal: list[Plan]
    shared_with_me: list[Plan]


def plans_of(user: User) -> MyPlans:
    """Organisations' plans the user's memberships reach, their own, and ones shared with them."""
    organisations = sa.select(Membership.organisation_id).where(Membership.user_id == user.id)
    listed = sa.select(Plan).options(selectinload(Plan.shared_session))
    org_plans = db.session.scalars(
        listed.where(Plan.organisation_id.in_(organisations)).order_by(Plan.title)
    ).all()
    personal = db.session.scalars(
        listed.where(Plan.organisation_id.is_(None), Plan.owner_id == user.id).order_by(Plan.title)
    ).all()
    shared = db.session.scalars(
        listed.where(
            Plan.organisation_id.is_(None), Plan.shared_session_id.in_(trained_sessions(user))
        ).order_by(Plan.shared_session_id, Plan.title)
    ).all()
    return MyPlans(list(org_plans), list(personal), list(shared))


def trained_sessions(user: User) -> sa.Select[tuple[int]]:
    """The ids of the sessions the user trains."""
    return (
        sa.select(session_trainers.c.session_id)
        .join(Trainer, Trainer.id == session_trainers.c.trainer_id)
        .where(Trainer.user_id == user.id)
    )


def visible_to(user: User) -> sa.ColumnElement[bool]:
    """The plans the user is on, as plans_of() finds them, as one condition."""
    organisations = sa.select(Membership.organisation_id).where(Membership.user_id == user.id)
    personal = Plan.organisation_id.is_(None)
    return sa.or_(
        Plan.organisation_id.in_(organisations),
        sa.and_(personal, Plan.owner_id == user.id),
        sa.and_(personal, Plan.shared_session_id.in_(trained_sessions(user))),
    )


def plan_people(plan: Plan) -> list[User]:
    """Everyone who may see the plan: the owner, the organisation's members or the trainers."""
    if plan.organisation_id is not None:
        statement = (
            sa.select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.organisation_id == plan.organisation_id)
        )
    else:
        trainers = (
            sa.select(Trainer.user_id)
            .join(session_trainers, session_trainers.c.trainer_id == Trainer.id)
            .where(session_trainers.c.session_id == (plan.shared_session_id or 0))
        )
        statement = sa.select(User).where(sa.or_(User.id == plan.owner_id, User.id.in_(trainers)))
    people = db.session.scalars(
        statement.where(User.active.is_(True), User.erased_at.is_(None)).order_by(User.name)
    ).all()
    return list(people)


def plan_editors(plan: Plan) -> list[User]:
    """The people who may write the plan: its owner and colleagues given the editor role."""
    editors = {m.user_id for m in plan.members if m.role == PlanRole.EDITOR} | {plan.owner_id}
    return [person for person in plan_people(plan) if person.id in editors]


def given_roles(plan: Plan) -> list[PlanMember]:
    """Colleagues given a role on an organisation's plan."""
    return sorted(plan.members, key=lambda m: m.user.name)


def sections_of(plan: Plan) -> dict[str, PlanSection]:
    """The plan's sections by key."""
    rows = db.session.scalars(sa.select(PlanSection).where(PlanSection.plan_id == plan.id))
    return {row.key: row for row in rows}


def answers_of(plan: Plan) -> dict[str, dict[str, Any]]:
    """The plan's answers by section key."""
    return {key: dict(row.answers) for key, row in sections_of(plan).items()}


def section_of(plan: Plan, key: str) -> PlanSection | None:
    """One section of the plan."""
    return db.session.get(PlanSection, (plan.id, key))


def history_of(plan: Plan, key: str) -> list[SectionVersion]:
    """The saved versions of a section, newest first (the latest 200)."""
    return list(
        db.session.scalars(
            sa.select(SectionVersion)
            .where(SectionVersion.plan_id == plan.id, SectionVersion.key == key)
            .order_by(SectionVersion.version.desc())
            .limit(200)
        )
    )


def attended_sessions(user: User) -> list[TrainingSession]:
    """Sessions the user held a seat on, newest first: a personal plan may be shared with one."""
    return list(
        db.session.scalars(
            sa.select(TrainingSession)
            .join(Registration, Registration.session_id == TrainingSession.id)
            .where(
                sa.or_(Registration.user_id == user.id, Registration.email == user.email),
                Registration.status == RegistrationStatus.CONFIRMED,
            )
            .order_by(TrainingSession.starts_at.desc())
            .limit(50)
        )
    )

"""Named reads of the shell: users, organisations and their members."""

from __future__ import annotations

import sqlalchemy as sa
from flask_sqlalchemy.pagination import Pagination

from paja.extensions import db
from paja.models import Membership, Organisation, Role, User, UserRole

PAGE_SIZE = 50


def organisations_of(user: User) -> list[Organisation]:
    """The organisations a user belongs to, by name (none for anonymous visitors)."""
    if not user.is_authenticated:
        return []
    return list(
        db.session.scalars(
            sa.select(Organisation)
            .join(Membership)
            .where(Membership.user_id == user.id)
            .order_by(Organisation.name, Organisation.id)
        )
    )


def search_users(text: str, role: str) -> Pagination:
    """Users whose name or email contains the text, holding the role if one is given, a page."""
    statement = sa.select(User).order_by(User.name, User.id)
    if text:
        pattern = f"%{text.lower()}%"
        statement = statement.where(
            sa.or_(sa.func.lower(User.name).like(pattern), User.email.like(pattern))
        )
    if role in {r.value for r in Role}:
        holders = sa.select(UserRole.user_id).where(UserRole.role == Role(role))
        statement = statement.where(User.id.in_(holders))
    return db.paginate(statement, per_page=PAGE_SIZE, error_out=False)


def search_organisations(text: str) -> Pagination:
    """Organisations whose name or business ID contains the text, a page."""
    statement = sa.select(Organisation).order_by(Organisation.name, Organisation.id)
    if text:
        pattern = f"%{text.lower()}%"
        statement = statement.where(
            sa.or_(
                sa.func.lower(Organisation.name).like(pattern),
                Organisation.business_id.like(pattern),
            )
        )
    return db.paginate(statement, per_page=PAGE_SIZE, error_out=False)


def member_counts(organisations: list[Organisation]) -> dict[int, int]:
    """How many members each organisation has (one query)."""
    return dict(
        db.session.execute(
            sa.select(Membership.organisation_id, sa.func.count())
            .where(Membership.organisation_id.in_([o.id for o in organisations]))
            .group_by(Membership.organisation_id)
        ).all()
    )


def members_of(organisation: Organisation) -> list[User]:
    """An organisation's members by name."""
    return list(
        db.session.scalars(
            sa.select(User)
            .join(Membership)
            .where(Membership.organisation_id == organisation.id)
            .order_by(User.name, User.id)
        )
    )


def database_status() -> str:
    """'ok' when the database answers, else 'unavailable' (for /healthz)."""
    try:
        db.session.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError:
        db.session.rollback()
        return "unavailable"
    return "ok"

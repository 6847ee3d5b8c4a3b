"""Named reads of the shell: users, organisations and their members."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import request
from flask_sqlalchemy.pagination import Pagination

from paja.extensions import db
from paja.models import Membership, Organisation, Role, User, UserRole

PAGE_SIZE = 50
LAST_PAGE = 100_000  # a page number past this is no page (and would overflow the OFFSET)


def paginate(statement: sa.Select[Any], per_page: int = PAGE_SIZE) -> Pagination:
    """The page of rows that `?page=` asks for (the first when it is no number or below 1;
    an empty one past any real end, instead of an OFFSET the database cannot hold)."""
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    if page > LAST_PAGE:
        statement, page = statement.where(sa.false()), 1
    return db.paginate(statement, page=page, per_page=per_page, error_out=False)


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
    return paginate(statement)


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
    return paginate(statement)


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

"""Orders as customers and admins see them."""

from __future__ import annotations

from collections.abc import Iterator

import sqlalchemy as sa
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy.orm import selectinload

from paja.extensions import db
from paja.models import Membership, Role, User
from paja.queries import paginate
from trainings.models import Order, OrderStatus

PAGE_SIZE = 50


def orders_visible_to(user: User, status: str = "") -> Pagination:
    """A page of orders, newest first: all for admins, their organisations' for customer
    contacts, none for anyone else."""
    statement = sa.select(Order).order_by(Order.created_at.desc(), Order.id.desc())
    if not user.has_role(Role.ADMIN):
        if not user.has_role(Role.CUSTOMER):
            return paginate(statement.where(sa.false()))
        mine = sa.select(Membership.organisation_id).where(Membership.user_id == user.id)
        statement = statement.where(Order.organisation_id.in_(mine))
    if status in {s.value for s in OrderStatus}:
        statement = statement.where(Order.status == OrderStatus(status))
    return paginate(statement)


def every_order() -> Iterator[Order]:
    """All orders with their lines, oldest first (for the export)."""
    statement = sa.select(Order).order_by(Order.id).options(selectinload(Order.lines))
    yield from db.session.scalars(statement)

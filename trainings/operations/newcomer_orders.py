"""A newcomer's order: checked at once, placed when they confirm their address by mail."""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import date
from typing import Any

import sqlalchemy as sa
from flask import url_for
from flask_babel import gettext as _

from paja.database import utcnow
from paja.errors import RuleViolation, check_all
from paja.extensions import db
from paja.models import User
from paja.operations import check_new_password
from paja.organisations import OrganisationDetails
from paja.signups import start_signup
from trainings.models import Channel, Offering
from trainings.operations.orderers import check_new_organisation
from trainings.operations.orders import NewAccount, OrderRequest, check_request, order_workshop

ORDER_PURPOSE = "trainings.order"


def check_order_by_mail(
    account: NewAccount, details: OrganisationDetails, offering: Offering, request: OrderRequest
) -> None:
    """Everything a newcomer's order form could get wrong, refused together."""
    check_all(
        lambda: check_new_password(account.password, [account.name, account.email]),
        lambda: check_request(offering, request, utcnow().date()),
        lambda: check_new_organisation(details),
    )


def request_order_by_mail(
    account: NewAccount, details: OrganisationDetails, offering: Offering, request: OrderRequest
) -> None:
    """A newcomer's order: checked now, placed once the address is confirmed by mail.

    The visitor is told the same whether or not the address has an account.
    """
    check_order_by_mail(account, details, offering, request)
    asked = {f.name: getattr(request, f.name) for f in fields(request)}
    payload: dict[str, object] = {
        "offering": offering.id,
        "organisation": asdict(details),
        "request": asked
        | {
            "preferred_dates": [d.isoformat() for d in request.preferred_dates],
            "channels": [c.id for c in request.channels],
        },
    }
    start_signup(account.email, account.name, account.password, account.locale,
                 purpose=ORDER_PURPOSE, payload=payload)  # fmt: skip


def complete_order(user: User, payload: dict[str, Any]) -> str:
    """Place the order a confirmed sign-up carried; returns the order's page."""
    offering = db.session.get(Offering, payload["offering"])
    if offering is None:
        raise RuleViolation(_("This workshop is no longer available."))
    asked = payload["request"]
    request = OrderRequest(
        **{
            **asked,
            "preferred_dates": [date.fromisoformat(d) for d in asked["preferred_dates"]],
            "channels": list(
                db.session.scalars(sa.select(Channel).where(Channel.id.in_(asked["channels"])))
            ),
        }
    )
    details = OrganisationDetails(**payload["organisation"])
    order = order_workshop(user, None, details, offering, request)
    return url_for("trainings.order_page", order_id=order.id)

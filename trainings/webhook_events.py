"""The events trainings sends to webhooks, and what each carries."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from paja.webhooks import emit, event_type
from trainings.models import Order, Registration

REGISTRATION_CREATED = event_type(
    "registration.created", _l("Someone registered for a session (a seat or the waiting list)")
)
REGISTRATION_CANCELLED = event_type("registration.cancelled", _l("A registration was cancelled"))
REGISTRATION_PROMOTED = event_type(
    "registration.promoted", _l("Someone on a waiting list got a seat")
)
ORDER_STATUS_CHANGED = event_type("order.status_changed", _l("An order changed its status"))


def registration_data(registration: Registration) -> dict[str, Any]:
    """A registration as webhooks receive it."""
    session = registration.session
    return {
        "id": registration.id, "status": registration.status.value,
        "name": registration.name, "email": registration.email,
        "session": {"id": session.id, "title": session.title,
                    "starts_at": session.starts_at.isoformat()},
    }  # fmt: skip


def registration_event(event: str, registration: Registration) -> None:
    """Tell the webhooks of a registration's change (an ordered session's organisation too)."""
    emit(event, registration_data(registration), registration.session.organisation_id)


def order_event(order: Order, previous: str) -> None:
    """Tell the webhooks that an order moved on."""
    data = {"id": order.id, "status": order.status.value, "previous_status": previous,
            "workshop": order.offering.slug, "organisation": order.organisation.name}  # fmt: skip
    emit(ORDER_STATUS_CHANGED, data, order.organisation_id)

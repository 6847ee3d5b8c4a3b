"""What the trainings API reads and writes: the schemas validate requests and, through
flask-smorest, describe them in the OpenAPI document."""

from __future__ import annotations

from typing import Any

import marshmallow as ma

from paja.api import DecimalText, PageArgs, page_schema
from paja.i18n import current_language


def _absolute(endpoint: str, **values: Any) -> str:
    """A link on the configured base address."""
    from paja.links import absolute_url

    return absolute_url(endpoint, **values)


class ChannelSchema(ma.Schema):
    """A social-media channel a workshop focuses on."""

    slug = ma.fields.String(required=True)
    name = ma.fields.Method(
        "_name", required=True, metadata={"description": "In the client's language."}
    )

    def _name(self, channel: Any) -> str:
        return str(channel.name(current_language()))


class TrainerSchema(ma.Schema):
    """A trainer's public profile."""

    slug = ma.fields.String(required=True)
    name = ma.fields.String(required=True)
    title = ma.fields.String(required=True)
    language = ma.fields.String(required=True, metadata={"description": "Of the profile's text."})
    url = ma.fields.Function(lambda t: _absolute("trainings.trainer", slug=t.slug), required=True)


class WorkshopSchema(ma.Schema):
    """A workshop of the catalogue, with its price excluding and including VAT (euros)."""

    slug = ma.fields.String(required=True)
    title = ma.fields.String(required=True)
    summary = ma.fields.String(required=True)
    language = ma.fields.String(required=True)
    duration_minutes = ma.fields.Integer(required=True)
    price_excl_vat = DecimalText(required=True)
    vat_rate = DecimalText(required=True, metadata={"description": "Percent."})
    price_incl_vat = DecimalText(required=True)
    currency = ma.fields.Constant("EUR", required=True)
    modes = ma.fields.List(ma.fields.String(), required=True)
    max_participants = ma.fields.Integer(required=True)
    channels = ma.fields.List(ma.fields.Nested(ChannelSchema), required=True)
    trainers = ma.fields.List(ma.fields.Nested(TrainerSchema), required=True)
    url = ma.fields.Function(lambda o: _absolute("trainings.offering", slug=o.slug), required=True)


class SessionSchema(ma.Schema):
    """An open session anyone can register for, with the seats left."""

    id = ma.fields.Integer(required=True)
    workshop = ma.fields.Function(lambda s: s.offering.slug if s.offering else None, required=True)
    title = ma.fields.String(required=True)
    starts_at = ma.fields.AwareDateTime(required=True)
    ends_at = ma.fields.AwareDateTime(required=True)
    registration_closes_at = ma.fields.AwareDateTime(required=True)
    mode = ma.fields.String(required=True)
    place = ma.fields.String(required=True)
    capacity = ma.fields.Integer(required=True)
    seats_left = ma.fields.Integer(required=True)
    status = ma.fields.String(required=True)
    url = ma.fields.Function(
        lambda s: _absolute("trainings.session", session_id=s.id), required=True
    )


class WorkshopArgs(PageArgs):
    """Filters of the catalogue."""

    channel = ma.fields.String(load_default=None, validate=ma.validate.Length(max=40))
    mode = ma.fields.String(
        load_default=None, validate=ma.validate.OneOf(["onsite", "remote", "hybrid"])
    )


class SessionArgs(PageArgs):
    """Filters of the open sessions."""

    workshop = ma.fields.String(load_default=None, validate=ma.validate.Length(max=120))
    mode = ma.fields.String(
        load_default=None, validate=ma.validate.OneOf(["onsite", "remote", "hybrid"])
    )
    start = ma.fields.Date(load_default=None, metadata={"description": "From this Helsinki day."})
    end = ma.fields.Date(load_default=None, metadata={"description": "To this Helsinki day."})


class RegistrationIn(ma.Schema):
    """Who to register."""

    name = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=120))
    email = ma.fields.Email(required=True, validate=ma.validate.Length(max=254))


class EventRegistrationIn(ma.Schema):
    """Who to register for which days of a network-day event (as its page asks)."""

    name = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=120))
    email = ma.fields.Email(required=True, validate=ma.validate.Length(max=254))
    organisation = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=200))
    days = ma.fields.List(
        ma.fields.Integer(), required=True, validate=ma.validate.Length(min=1, max=50),
        metadata={"description": "Ids of the event's days (see GET /events)."},
    )  # fmt: skip
    project = ma.fields.String(load_default="", validate=ma.validate.Length(max=200))
    needs = ma.fields.String(
        load_default="", validate=ma.validate.Length(max=500),
        metadata={"description": "Diet, access: deleted once the day is over."},
    )  # fmt: skip
    directory_consent = ma.fields.Boolean(
        load_default=False, metadata={"description": "Shown in the day's who-is-here list."}
    )


class RegistrationSchema(ma.Schema):
    """A registration: a seat, or a place on the waiting list."""

    id = ma.fields.Integer(required=True)
    session_id = ma.fields.Integer(required=True)
    name = ma.fields.String(required=True)
    email = ma.fields.String(required=True)
    status = ma.fields.String(
        required=True, metadata={"description": "confirmed, waiting or cancelled."}
    )
    created_at = ma.fields.AwareDateTime(required=True)


WorkshopPage = page_schema(WorkshopSchema, "WorkshopPage")
SessionPage = page_schema(SessionSchema, "SessionPage")
RegistrationPage = page_schema(RegistrationSchema, "RegistrationPage")


class RegistrationArgs(PageArgs):
    """Filters of the registrations a token's holder made."""

    session = ma.fields.Integer(load_default=None, metadata={"description": "A session's id."})
    status = ma.fields.String(
        load_default=None, validate=ma.validate.OneOf(["confirmed", "waiting", "cancelled"])
    )


class OrderArgs(PageArgs):
    """Filters of the orders."""

    status = ma.fields.String(
        load_default=None,
        validate=ma.validate.OneOf(
            ["requested", "confirmed", "delivered", "invoiced", "cancelled"]
        ),
    )


class OrderSessionSchema(ma.Schema):
    """When and where an ordered workshop is held."""

    id = ma.fields.Integer(required=True)
    starts_at = ma.fields.AwareDateTime(required=True)
    ends_at = ma.fields.AwareDateTime(required=True)
    mode = ma.fields.String(required=True)
    place = ma.fields.String(required=True)
    seats_taken = ma.fields.Integer(required=True)


class OrderSchema(ma.Schema):
    """An organisation's order, with its price and, once confirmed, its session."""

    id = ma.fields.Integer(required=True, attribute="order.id")
    status = ma.fields.Function(lambda r: r.order.status.value, required=True)
    workshop = ma.fields.Function(lambda r: r.order.offering.slug, required=True)
    organisation = ma.fields.Function(lambda r: r.order.organisation.name, required=True)
    participants = ma.fields.Integer(required=True, attribute="order.participants")
    net_total = DecimalText(required=True, attribute="order.totals.net")
    gross_total = DecimalText(required=True, attribute="order.totals.gross")
    currency = ma.fields.Constant("EUR", required=True)
    created_at = ma.fields.AwareDateTime(required=True, attribute="order.created_at")
    session = ma.fields.Nested(OrderSessionSchema, allow_none=True, required=True)
    url = ma.fields.Function(
        lambda r: _absolute("trainings.order_page", order_id=r.order.id), required=True
    )


OrderPage = page_schema(OrderSchema, "OrderPage")


class EventDaySchema(ma.Schema):
    """A day of a network-day event, with the seats left."""

    id = ma.fields.Integer(required=True)
    starts_at = ma.fields.AwareDateTime(required=True)
    ends_at = ma.fields.AwareDateTime(required=True)
    registration_closes_at = ma.fields.AwareDateTime(required=True)
    place = ma.fields.String(required=True)
    capacity = ma.fields.Integer(required=True)
    seats_left = ma.fields.Integer(required=True)


class EventSchema(ma.Schema):
    """A published network-day event and its days to come."""

    id = ma.fields.Integer(required=True, attribute="event.id")
    title = ma.fields.String(required=True, attribute="event.title")
    description = ma.fields.String(required=True, attribute="event.description")
    language = ma.fields.String(required=True, attribute="event.language")
    organiser = ma.fields.Function(lambda r: r.event.organisation.name, required=True)
    days = ma.fields.List(ma.fields.Nested(EventDaySchema), required=True)
    url = ma.fields.Function(
        lambda r: _absolute("trainings.event_page", event_id=r.event.id), required=True
    )


EventPage = page_schema(EventSchema, "EventPage")

"""The trainings API's network days: published events with their days and seats, and
registering people for days as the event's page does."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_smorest import abort

from paja.api import PageArgs, id_after, page_of, problems
from paja.api_tokens import api_user, token_required
from paja.perform import carry_out
from trainings.api import REGISTRATIONS_WRITE, blp
from trainings.api.schemas import EventPage, EventRegistrationIn, EventSchema, RegistrationSchema
from trainings.operations.event_registrations import Participant, register_for_days
from trainings.queries.api import (
    published_event,
    published_events_after,
    sessions_by_ids,
    with_coming_days,
)


@blp.get("/events")
@blp.etag
@blp.arguments(PageArgs, location="query", as_kwargs=True)
@blp.response(200, EventPage)
@problems(blp, 400)
def list_events(limit: int, cursor: str | None) -> Any:
    """Published network-day events with days to come, each day with the seats left
    (register people for days with POST /events/{id}/registrations)."""
    rows = published_events_after(id_after(cursor), limit)
    return page_of(rows, limit, key=lambda row: str(row.event.id))


@blp.get("/events/<int:event_id>")
@blp.etag
@blp.response(200, EventSchema)
@problems(blp, 404)
def get_event(event_id: int) -> Any:
    """One published network-day event with its days to come and the seats left on each."""
    event = published_event(event_id)
    if event is None:
        abort(404)
    return with_coming_days([event])[0]


@blp.post("/events/<int:event_id>/registrations")
@blp.doc(security=[{"token": [REGISTRATIONS_WRITE]}])
@token_required(REGISTRATIONS_WRITE)
@blp.arguments(EventRegistrationIn)
@blp.response(201, RegistrationSchema(many=True))
@problems(blp, 401, 403, 404, 409, 422)
def create_event_registrations(person: dict[str, Any], event_id: int) -> Any:
    """Register a person for days of a network-day event, all or none: a seat or the waiting
    list on each, one confirmation mail. Days the address already holds are left as they are
    (its owner is mailed their link), so the answer lists the new registrations only."""
    event = published_event(event_id)
    if event is None:
        abort(404)
    days = sessions_by_ids(person["days"])
    if len(days) != len(set(person["days"])):
        abort(422, errors={"days": [_("Choose one of the listed options.")]})
    who = Participant(
        person["name"], person["email"], person["organisation"], person["project"],
        person["needs"], person["directory_consent"],
    )  # fmt: skip
    return carry_out(lambda: register_for_days(event, days, who, registered_by=api_user()))

"""The trainings API: thin like the pages' views - load, check the token, call the same
operation, commit - so the API keeps every rule the pages keep."""

from __future__ import annotations

from typing import Any

from flask_smorest import abort

from feedback.api import SURVEYS_READ
from feedback.api.schemas import SummarySchema
from feedback.summaries import summarise
from paja.api import id_after, page_of, problems, read_cursor, time_key
from paja.api_tokens import api_token, api_user, token_reaches, token_required
from paja.models import Role
from paja.perform import carry_out
from trainings.api import ORDERS_READ, REGISTRATIONS_WRITE, blp
from trainings.api.schemas import (
    ChannelSchema,
    OrderArgs,
    OrderPage,
    RegistrationArgs,
    RegistrationIn,
    RegistrationPage,
    RegistrationSchema,
    SessionArgs,
    SessionPage,
    SessionSchema,
    TrainerSchema,
    WorkshopArgs,
    WorkshopPage,
    WorkshopSchema,
)
from trainings.models import Registration, TrainingSession
from trainings.operations.registrations import cancel_registration, register
from trainings.queries.api import (
    SessionFilter,
    active_workshop,
    all_channels,
    open_session,
    open_sessions_after,
    orders_for_token,
    public_trainers,
    registration_by_id,
    registrations_made_by,
    session_by_id,
    with_sessions,
    workshops_after,
)


@blp.get("/workshops")
@blp.etag
@blp.arguments(WorkshopArgs, location="query", as_kwargs=True)
@blp.response(200, WorkshopPage)
@problems(blp, 400)
def list_workshops(limit: int, cursor: str | None, channel: str | None, mode: str | None) -> Any:
    """The catalogue: active workshops by slug, filtered by channel or delivery."""
    rows = workshops_after(read_cursor(cursor), limit, channel, mode)
    return page_of(rows, limit, key=lambda o: o.slug)


@blp.get("/workshops/<slug>")
@blp.etag
@blp.response(200, WorkshopSchema)
@problems(blp, 404)
def get_workshop(slug: str) -> Any:
    """One workshop."""
    found = active_workshop(slug)
    if found is None:
        abort(404)
    return found


@blp.get("/channels")
@blp.etag
@blp.response(200, ChannelSchema(many=True))
@problems(blp)
def list_channels() -> Any:
    """The channels workshops focus on, in their order."""
    return all_channels()


@blp.get("/trainers")
@blp.etag
@blp.response(200, TrainerSchema(many=True))
@problems(blp)
def list_trainers() -> Any:
    """Trainers with a public profile."""
    return public_trainers()


@blp.get("/sessions")
@blp.etag
@blp.arguments(SessionArgs, location="query", as_kwargs=True)
@blp.response(200, SessionPage)
@problems(blp, 400)
def list_sessions(limit: int, cursor: str | None, **wanted: Any) -> Any:
    """Open sessions anyone can register for, soonest first, with the seats left; filter by
    workshop, mode and days."""
    rows = open_sessions_after(read_cursor(cursor), limit, SessionFilter(**wanted))
    return page_of(rows, limit, key=lambda s: time_key(s.starts_at, s.id))


def _open_session(session_id: int) -> TrainingSession:
    """An open session (a private one is not revealed: 404)."""
    session = open_session(session_id)
    if session is None:
        abort(404)
    return session


def _registrable_session(session_id: int) -> TrainingSession:
    """An open workshop session, or a private one ordered by the organisation whose token
    registers its staff; anything else is not revealed (404)."""
    session = session_by_id(session_id)
    ordered_by = api_token().organisation_id
    if session is None or session.event_id is not None:
        abort(404)
    if not (session.is_open or (ordered_by and session.organisation_id == ordered_by)):
        abort(404)
    return session


@blp.get("/sessions/<int:session_id>")
@blp.etag
@blp.response(200, SessionSchema)
@problems(blp, 404)
def get_session(session_id: int) -> Any:
    """One open session."""
    return _open_session(session_id)


@blp.post("/sessions/<int:session_id>/registrations")
@blp.doc(security=[{"token": [REGISTRATIONS_WRITE]}])
@token_required(REGISTRATIONS_WRITE)
@blp.arguments(RegistrationIn)
@blp.response(201, RegistrationSchema)
@problems(blp, 401, 403, 404, 409)
def create_registration(person: dict[str, str], session_id: int) -> Any:
    """Register a person: a seat while seats remain, else the waiting list (as on the
    session's page; they are mailed as there). An organisation's token also registers its
    staff for the sessions it ordered."""
    session = _registrable_session(session_id)
    holder = api_user()
    return carry_out(
        lambda: register(session, person["name"], person["email"], registered_by_id=holder.id)
    )


@blp.get("/registrations")
@blp.doc(security=[{"token": [REGISTRATIONS_WRITE]}])
@token_required(REGISTRATIONS_WRITE)
@blp.arguments(RegistrationArgs, location="query", as_kwargs=True)
@blp.response(200, RegistrationPage)
@problems(blp, 400, 401, 403)
def list_registrations(
    limit: int, cursor: str | None, session: int | None, status: str | None
) -> Any:
    """The registrations you made, oldest first, with their status now (to reconcile)."""
    rows = registrations_made_by(api_user(), id_after(cursor), limit, session, status)
    return page_of(rows, limit, key=lambda registration: str(registration.id))


def _own_registration(registration_id: int) -> Registration:
    """A registration the token's holder made through the API (admins: any); else 404."""
    registration = registration_by_id(registration_id)
    holder = api_user()
    if registration is None or not (
        registration.registered_by_id == holder.id or holder.has_role(Role.ADMIN)
    ):
        abort(404)
    return registration


@blp.get("/registrations/<int:registration_id>")
@blp.doc(security=[{"token": [REGISTRATIONS_WRITE]}])
@token_required(REGISTRATIONS_WRITE)
@blp.response(200, RegistrationSchema)
@problems(blp, 401, 403, 404)
def get_registration(registration_id: int) -> Any:
    """A registration you made, with its status now (a waiting one may have got a seat)."""
    return _own_registration(registration_id)


@blp.delete("/registrations/<int:registration_id>")
@blp.doc(security=[{"token": [REGISTRATIONS_WRITE]}])
@token_required(REGISTRATIONS_WRITE)
@blp.response(200, RegistrationSchema)
@problems(blp, 401, 403, 404, 409)
def delete_registration(registration_id: int) -> Any:
    """Cancel a registration you made; a freed seat goes to the first on the waiting list."""
    registration = _own_registration(registration_id)
    carry_out(lambda: cancel_registration(registration))
    return registration


@blp.get("/orders")
@blp.doc(security=[{"token": [ORDERS_READ]}])
@token_required(ORDERS_READ)
@blp.arguments(OrderArgs, location="query", as_kwargs=True)
@blp.response(200, OrderPage)
@problems(blp, 400, 401, 403)
def list_orders(limit: int, cursor: str | None, status: str | None) -> Any:
    """Orders, newest first: an organisation token's organisation's, a personal token's
    those of the organisations its holder is a contact of."""
    rows = orders_for_token(
        api_user(), api_token().organisation_id, id_after(cursor), limit, status
    )
    return page_of(with_sessions(rows), limit, key=lambda row: str(row.order.id))


@blp.get("/sessions/<int:session_id>/feedback")
@blp.doc(security=[{"token": [SURVEYS_READ]}])
@token_required(SURVEYS_READ)
@blp.response(200, SummarySchema)
@problems(blp, 401, 403, 404)
def get_session_feedback(session_id: int) -> Any:
    """A session's feedback figures, as its summary page gives them to its trainers, admins
    and the organisation that ordered it (an organisation token: its own sessions);
    anonymous answers stay hidden under three."""
    session = session_by_id(session_id)
    if session is None or session.feedback_survey is None:
        abort(404)
    if not token_reaches(session.organisation_id, session.can_see_participants):
        abort(404)
    return summarise(session.feedback_survey)

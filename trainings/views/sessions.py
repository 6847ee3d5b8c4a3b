"""Sessions: pages, registration, cancellation, participants, attendance and calendars."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from paja.access import get_or_404, or_404, role_required
from paja.database import utcnow
from paja.extensions import limiter
from paja.forms import ButtonForm, SelectChoice, given
from paja.i18n import helsinki
from paja.models import Role
from paja.page_cache import cached_page
from paja.perform import perform
from trainings import bp
from trainings.forms.sessions import RegistrationForm, SessionForm
from trainings.labels import MODE_LABELS
from trainings.models import Offering, Registration, TrainingSession
from trainings.operations.registrations import (
    cancel_registration,
    register,
    register_anonymously,
)
from trainings.operations.sessions import Schedule, schedule_open_session
from trainings.queries.catalogue import active_offerings, trainers, trainers_by_ids
from trainings.queries.sessions import (
    registration_by_token,
    registration_of,
    upcoming_open_sessions,
)


def visible_session(session_id: int) -> TrainingSession:
    """A session the visitor may see: open ones, or private ones with the invitation or a role."""
    session = get_or_404(TrainingSession, session_id, None)
    if session.is_open or request.args.get("invite") == session.invite_token:
        return session
    if session.can_see_participants(current_user) or registration_of(session, current_user):
        return session
    abort(404)  # a private session's existence is not revealed


def _registration_form() -> RegistrationForm:
    """The form; logged-in users register with their account's name and email."""
    form = RegistrationForm()
    if current_user.is_authenticated:
        del form.name
        del form.email
    return form


def _render(session: TrainingSession, form: RegistrationForm) -> str:
    """The session page."""
    now = utcnow()
    return render_template(
        "trainings/session.html",
        session=session,
        form=form,
        registration=registration_of(session, current_user),
        show_link=session.can_see_link(current_user),
        join_now=session.is_joinable(now),
        registration_open=session.takes_registrations(now),
        invite=request.args.get("invite", ""),
        button=ButtonForm(),
    )


@bp.get("/sessions/")
@cached_page
def sessions() -> ResponseReturnValue:
    """Upcoming open sessions anyone can register for."""
    return render_template("trainings/sessions.html", sessions=upcoming_open_sessions())


@bp.get("/sessions/<int:session_id>")
@cached_page
def session(session_id: int) -> ResponseReturnValue:
    """A session: time, place or link, seats, and registration."""
    item = visible_session(session_id)
    if item.event_id is not None:  # a network day lives on its event's page
        return redirect(url_for("trainings.event_page", event_id=item.event_id))
    return _render(item, _registration_form())


@bp.post("/sessions/<int:session_id>/register")
@limiter.limit("20 per 10 minutes")  # each registration sends mail
def register_to_session(session_id: int) -> ResponseReturnValue:
    """Register: a seat while seats remain, else the waiting list."""
    item = visible_session(session_id)
    if item.event_id is not None:
        return redirect(url_for("trainings.event_page", event_id=item.event_id))
    form = _registration_form()
    back = url_for(
        "trainings.session", session_id=item.id, invite=request.args.get("invite") or None
    )
    if form.validate_on_submit() and not current_user.is_authenticated:
        email = given(form.email.data)
        if perform(lambda: register_anonymously(item, given(form.name.data), email), form).ok:
            message = _(
                "Thank you! The details of your registration (a seat, or a place on the "
                "waiting list) are on their way to %(email)s.",
                email=email,
            )
            flash(message, "success")
            return redirect(back)
    elif form.validate_on_submit():
        outcome = perform(
            lambda: register(item, current_user.name, current_user.email, current_user), form
        )
        if outcome.ok:
            if outcome.result.confirmed:
                flash(_("You are registered. A confirmation is on its way to %(email)s.",
                        email=current_user.email), "success")  # fmt: skip
            else:
                flash(_("The session is full; you are on the waiting list. "
                        "We will email you if a seat frees up."), "info")  # fmt: skip
            return redirect(back)
    return _render(item, form)


@bp.post("/registrations/<int:registration_id>/cancel")
@role_required()
def cancel_own(registration_id: int) -> ResponseReturnValue:
    """Cancel one's own registration from the account."""
    return _cancel(get_or_404(Registration, registration_id, Registration.is_holder))


@bp.route("/cancel/<token>", methods=["GET", "POST"])
def cancel_by_link(token: str) -> ResponseReturnValue:
    """Cancel with the link in the confirmation email (asks first)."""
    registration = or_404(registration_by_token(token))
    if request.method == "POST":
        return _cancel(registration)
    return render_template("trainings/cancel.html", registration=registration, button=ButtonForm())


def _cancel(registration: Registration) -> ResponseReturnValue:
    """Cancel, promote the next in line, and go back to the session."""
    if ButtonForm().validate_on_submit() and perform(lambda: cancel_registration(registration)).ok:
        flash(_("Your registration is cancelled."), "success")
    if registration.session.event_id is not None:
        return redirect(url_for("trainings.my_event", token=registration.personal_token))
    target = (
        url_for("trainings.my_sessions")
        if current_user.is_authenticated
        else url_for("trainings.sessions")
    )
    return redirect(target)


@bp.route("/sessions/new", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def new_session() -> ResponseReturnValue:
    """Schedule an open session (admin)."""
    form = SessionForm()
    form.offering.choices = [SelectChoice(o.id, o.title) for o in active_offerings()]
    form.mode.choices = [SelectChoice(mode.value, label) for mode, label in MODE_LABELS.items()]
    form.trainers.choices = [SelectChoice(t.id, t.name) for t in trainers()]
    if form.validate_on_submit():
        schedule = Schedule(
            offering=get_or_404(Offering, form.offering.data, None),
            starts_at=helsinki(given(form.starts_at.data)),
            ends_at=helsinki(given(form.ends_at.data)),
            registration_closes_at=helsinki(given(form.registration_closes_at.data)),
            mode=form.mode.data,
            capacity=given(form.capacity.data),
            trainers=trainers_by_ids(form.trainers.data or []),
            place=form.place.data or "",
            meeting_url=(form.meeting_url.data or "").strip(),
        )
        outcome = perform(lambda: schedule_open_session(current_user, schedule), form)
        if outcome.ok:
            flash(_("The session is scheduled."), "success")
            return redirect(url_for("trainings.session", session_id=outcome.result.id))
    return render_template("trainings/session_form.html", form=form)

"""Sessions: pages, registration, cancellation, participants, attendance and calendars."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import sqlalchemy as sa
from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from wtforms import SelectChoice

from paja.access import get_or_404, role_required
from paja.database import utcnow
from paja.extensions import db
from paja.forms import ButtonForm
from paja.i18n import helsinki
from paja.models import Role, User
from paja.views.util import perform
from trainings import bp
from trainings.calendar import calendar
from trainings.forms.sessions import RegistrationForm, SessionForm
from trainings.labels import MODE_LABELS, REGISTRATION_LABELS
from trainings.models import (
    CalendarFeed,
    Offering,
    Registration,
    RegistrationStatus,
    SessionStatus,
    Trainer,
    TrainingSession,
)
from trainings.operations.registrations import cancel_registration, register
from trainings.operations.sessions import (
    Schedule,
    can_see_link,
    feed_of,
    mark_attendance,
    schedule_open_session,
    user_sessions,
)

JOIN_EARLY = timedelta(minutes=15)


def _visible_session(session_id: int) -> TrainingSession:
    """A session the visitor may see: open ones, or private ones with the invitation or a role."""
    session = db.session.get(TrainingSession, session_id)
    if session is None:
        abort(404)
    if session.is_open or request.args.get("invite") == session.invite_token:
        return session
    if session.can_see_participants(current_user) or _registration_of(session) is not None:
        return session
    abort(404)  # a private session's existence is not revealed


def _registration_of(session: TrainingSession) -> Registration | None:
    """The logged-in user's live registration to the session."""
    if not current_user.is_authenticated:
        return None
    return db.session.scalar(
        sa.select(Registration).where(
            Registration.session_id == session.id,
            Registration.user_id == current_user.id,
            Registration.status != RegistrationStatus.CANCELLED,
        )
    )


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
        registration=_registration_of(session),
        show_link=can_see_link(session, current_user),
        join_now=session.starts_at - JOIN_EARLY <= now <= session.ends_at,
        registration_open=session.status == SessionStatus.SCHEDULED
        and now < session.registration_closes_at,
        invite=request.args.get("invite", ""),
        button=ButtonForm(),
    )


@bp.get("/sessions/")
def sessions() -> ResponseReturnValue:
    """Upcoming open sessions anyone can register for."""
    upcoming = db.session.scalars(
        sa.select(TrainingSession)
        .where(
            TrainingSession.organisation_id.is_(None),
            TrainingSession.status == SessionStatus.SCHEDULED,
            TrainingSession.starts_at > utcnow(),
        )
        .order_by(TrainingSession.starts_at)
    ).all()
    return render_template("trainings/sessions.html", sessions=upcoming)


@bp.get("/sessions/<int:session_id>")
def session(session_id: int) -> ResponseReturnValue:
    """A session: time, place or link, seats, and registration."""
    item = _visible_session(session_id)
    return _render(item, _registration_form())


@bp.post("/sessions/<int:session_id>/register")
def register_to_session(session_id: int) -> ResponseReturnValue:
    """Register: a seat while seats remain, else the waiting list."""
    item = _visible_session(session_id)
    form = _registration_form()
    if form.validate_on_submit():
        name = current_user.name if current_user.is_authenticated else form.name.data
        email = current_user.email if current_user.is_authenticated else form.email.data
        user = current_user if current_user.is_authenticated else None
        outcome = perform(lambda: register(item, name, email, user), form)
        if outcome.ok:
            registration = outcome.value
            if registration.confirmed:
                flash(
                    _(
                        "You are registered. A confirmation is on its way to %(email)s.",
                        email=email,
                    ),
                    "success",
                )
            else:
                flash(
                    _(
                        "The session is full; you are on the waiting list. "
                        "We will email you if a seat frees up."
                    ),
                    "info",
                )
            return redirect(
                url_for(
                    "trainings.session",
                    session_id=item.id,
                    invite=request.args.get("invite") or None,
                )
            )
    return _render(item, form)


@bp.get("/sessions/<int:session_id>.ics")
def session_ics(session_id: int) -> ResponseReturnValue:
    """The session as a calendar file."""
    item = _visible_session(session_id)
    body = calendar([(item, can_see_link(item, current_user))], item.offering.title)
    return Response(
        body,
        mimetype="text/calendar",
        headers={"Content-Disposition": f"attachment; filename=paja-session-{item.id}.ics"},
    )


@bp.post("/registrations/<int:registration_id>/cancel")
@role_required()
def cancel_own(registration_id: int) -> ResponseReturnValue:
    """Cancel one's own registration from the account."""
    registration = db.session.get(Registration, registration_id)
    if registration is None:
        abort(404)
    if registration.user_id != current_user.id:
        abort(403)
    return _cancel(registration)


@bp.route("/cancel/<token>", methods=["GET", "POST"])
def cancel_by_link(token: str) -> ResponseReturnValue:
    """Cancel with the link in the confirmation email (asks first)."""
    registration = db.session.scalar(
        sa.select(Registration).where(Registration.cancel_token == token)
    )
    if registration is None:
        abort(404)
    if request.method == "POST":
        return _cancel(registration)
    return render_template("trainings/cancel.html", registration=registration, button=ButtonForm())


def _cancel(registration: Registration) -> ResponseReturnValue:
    """Cancel, promote the next in line, and go back to the session."""
    if ButtonForm().validate_on_submit() and perform(lambda: cancel_registration(registration)).ok:
        flash(_("Your registration is cancelled."), "success")
    target = (
        url_for("trainings.my_sessions")
        if current_user.is_authenticated
        else url_for("trainings.sessions")
    )
    return redirect(target)


@bp.get("/sessions/<int:session_id>/participants")
@role_required()
def participants(session_id: int) -> ResponseReturnValue:
    """The participant list (trainers, admins, the ordering organisation)."""
    item = get_or_404(TrainingSession, session_id, "see_participants")
    people = _people(item)
    if request.args.get("format") == "csv":
        return _participants_csv(item, people)
    return render_template(
        "trainings/participants.html",
        session=item,
        people=people,
        can_mark=item.can_manage(current_user) and item.starts_at <= utcnow(),
        button=ButtonForm(),
    )


def _people(session: TrainingSession) -> list[Registration]:
    """Live registrations: seats first, then the waiting list in order."""
    return list(
        db.session.scalars(
            sa.select(Registration)
            .where(
                Registration.session_id == session.id,
                Registration.status != RegistrationStatus.CANCELLED,
            )
            .order_by(Registration.status, Registration.created_at, Registration.id)
        )
    )


def _participants_csv(session: TrainingSession, people: list[Registration]) -> Response:
    """Participants as semicolon-separated CSV."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([_("Name"), _("Email"), _("Status"), _("Attended")])
    for person in people:
        attended = "" if person.attended is None else (_("yes") if person.attended else _("no"))
        writer.writerow([person.name, person.email, REGISTRATION_LABELS[person.status], attended])
    return Response(
        "\ufeff" + buffer.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename=paja-session-{session.id}.csv"},
    )


@bp.post("/sessions/<int:session_id>/attendance")
@role_required()
def attendance(session_id: int) -> ResponseReturnValue:
    """Mark who attended (trainers and admins); the session becomes delivered."""
    item = get_or_404(TrainingSession, session_id, "manage")
    if ButtonForm().validate_on_submit():
        present = {int(value) for value in request.form.getlist("present") if value.isdigit()}
        if perform(lambda: mark_attendance(item, current_user, present)).ok:
            flash(_("Attendance is saved."), "success")
    return redirect(url_for("trainings.participants", session_id=item.id))


@bp.get("/my-sessions")
@role_required()
def my_sessions() -> ResponseReturnValue:
    """The user's sessions (trained, registered, ordered) and their calendar feed."""
    items = user_sessions(current_user)
    registrations = {
        r.session_id: r
        for r in db.session.scalars(
            sa.select(Registration).where(
                Registration.user_id == current_user.id,
                Registration.status != RegistrationStatus.CANCELLED,
            )
        )
    }
    feed = db.session.get(CalendarFeed, current_user.id)
    return render_template(
        "trainings/my_sessions.html",
        sessions=items,
        registrations=registrations,
        feed=feed,
        button=ButtonForm(),
    )


@bp.post("/calendar/renew")
@role_required()
def renew_feed() -> ResponseReturnValue:
    """Create the calendar feed address, or replace it (the old one stops working)."""
    if ButtonForm().validate_on_submit():
        feed_of(current_user, renew=True)
        db.session.commit()
        flash(_("Your calendar address is ready. Any earlier address no longer works."), "success")
    return redirect(url_for("trainings.my_sessions"))


@bp.get("/calendar/<token>.ics")
def feed(token: str) -> ResponseReturnValue:
    """A user's private calendar feed of their sessions."""
    found = db.session.scalar(sa.select(CalendarFeed).where(CalendarFeed.token == token))
    if found is None:
        abort(404)
    user = db.session.get(User, found.user_id)
    if user is None or not user.active:
        abort(404)
    items = user_sessions(user)
    return Response(
        calendar([(s, can_see_link(s, user)) for s in items], "Paja"), mimetype="text/calendar"
    )


@bp.route("/sessions/new", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def new_session() -> ResponseReturnValue:
    """Schedule an open session (admin)."""
    form = SessionForm()
    offerings = list(
        db.session.scalars(
            sa.select(Offering).where(Offering.active.is_(True)).order_by(Offering.title)
        )
    )
    form.offering.choices = [SelectChoice(o.id, o.title) for o in offerings]
    form.mode.choices = [SelectChoice(mode.value, label) for mode, label in MODE_LABELS.items()]
    trainers = db.session.scalars(sa.select(Trainer)).all()
    form.trainers.choices = [SelectChoice(t.id, t.name) for t in trainers]
    if form.validate_on_submit():
        schedule = Schedule(
            offering=db.session.get(Offering, form.offering.data),
            starts_at=helsinki(form.starts_at.data),
            ends_at=helsinki(form.ends_at.data),
            registration_closes_at=helsinki(form.registration_closes_at.data),
            mode=form.mode.data,
            capacity=form.capacity.data,
            trainers=[t for t in trainers if t.id in set(form.trainers.data or [])],
            place=form.place.data or "",
            meeting_url=(form.meeting_url.data or "").strip(),
        )
        outcome = perform(lambda: schedule_open_session(current_user, schedule), form)
        if outcome.ok:
            created = outcome.value
            flash(_("The session is scheduled."), "success")
            return redirect(url_for("trainings.session", session_id=created.id))
    return render_template("trainings/session_form.html", form=form)

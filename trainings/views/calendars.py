"""Calendars: a session's .ics, the user's sessions and their private feed."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Response, abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from paja.access import role_required
from paja.extensions import db
from paja.forms import ButtonForm
from paja.models import User
from trainings import bp
from trainings.calendar import calendar
from trainings.models import (
    CalendarFeed,
    Registration,
    RegistrationStatus,
)
from trainings.operations.sessions import (
    can_see_link,
    feed_of,
    user_sessions,
)
from trainings.views.sessions import visible_session


@bp.get("/sessions/<int:session_id>.ics")
def session_ics(session_id: int) -> ResponseReturnValue:
    """The session as a calendar file."""
    item = visible_session(session_id)
    body = calendar([(item, can_see_link(item, current_user))], item.title)
    return Response(
        body,
        mimetype="text/calendar",
        headers={"Content-Disposition": f"attachment; filename=paja-session-{item.id}.ics"},
    )


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

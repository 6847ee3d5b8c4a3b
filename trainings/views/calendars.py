"""Calendars: a session's .ics, the user's sessions and their private feed."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from paja.access import or_404, role_required
from paja.downloads import calendar_file
from paja.forms import ButtonForm
from paja.models import User
from paja.page_cache import cached_page
from paja.perform import perform
from trainings import bp
from trainings.calendar import calendar
from trainings.operations.sessions import renew_feed
from trainings.queries.sessions import feed_by_token, feed_of, live_registrations_of, user_sessions
from trainings.views.sessions import visible_session


@bp.get("/sessions/<int:session_id>.ics")
def session_ics(session_id: int) -> ResponseReturnValue:
    """The session as a calendar file."""
    item = visible_session(session_id)
    body = calendar([(item, item.can_see_link(current_user))], item.title)
    return calendar_file(body, f"paja-session-{item.id}.ics")


@bp.get("/my-sessions")
@role_required()
@cached_page
def my_sessions() -> ResponseReturnValue:
    """The user's sessions (trained, registered, ordered) and their calendar feed."""
    return render_template(
        "trainings/my_sessions.html",
        sessions=user_sessions(current_user),
        registrations=live_registrations_of(current_user),
        feed=feed_of(current_user),
        button=ButtonForm(),
    )


@bp.post("/calendar/renew", endpoint="renew_feed")
@role_required()
def renew_calendar() -> ResponseReturnValue:
    """Create the calendar feed address, or replace it (the old one stops working)."""
    if ButtonForm().validate_on_submit() and perform(lambda: renew_feed(current_user)).ok:
        flash(_("Your calendar address is ready. Any earlier address no longer works."), "success")
    return redirect(url_for("trainings.my_sessions"))


@bp.get("/calendar/<token>.ics")
def feed(token: str) -> ResponseReturnValue:
    """A user's private calendar feed of their sessions."""
    owner: User = or_404(feed_by_token(token)).user
    sessions = [(s, s.can_see_link(owner)) for s in user_sessions(owner)]
    return calendar_file(calendar(sessions, "Paja"))

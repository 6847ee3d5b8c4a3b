"""Changing a scheduled session: admins anything, its trainers the meeting link."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from paja.access import get_or_404, role_required
from paja.forms import SelectChoice, given
from paja.i18n import helsinki, wall_clock
from paja.models import Role
from paja.perform import perform
from trainings import bp
from trainings.forms.sessions import SessionChangeForm
from trainings.models import TrainingSession
from trainings.operations.session_changes import SessionChange, change_session
from trainings.queries.catalogue import trainers, trainers_by_ids


def _form(session: TrainingSession) -> SessionChangeForm:
    """The form filled with the session as it is (Helsinki wall-clock times)."""
    form = SessionChangeForm(
        data={
            "starts_at": wall_clock(session.starts_at),
            "ends_at": wall_clock(session.ends_at),
            "registration_closes_at": wall_clock(session.registration_closes_at),
            "place": session.place,
            "meeting_url": session.meeting_url,
            "capacity": session.capacity,
            "trainers": [trainer.id for trainer in session.trainers],
        }
    )
    form.trainers.choices = [SelectChoice(t.id, t.name) for t in trainers()]
    return form


def _change(form: SessionChangeForm, session: TrainingSession, everything: bool) -> SessionChange:
    """The change the form asks for; a trainer's form changes the meeting link only."""
    link = (form.meeting_url.data or "").strip()
    if not everything:
        return SessionChange(
            session.starts_at, session.ends_at, session.registration_closes_at, session.place,
            link, session.capacity, list(session.trainers),
        )  # fmt: skip
    return SessionChange(
        starts_at=helsinki(given(form.starts_at.data)),
        ends_at=helsinki(given(form.ends_at.data)),
        registration_closes_at=helsinki(given(form.registration_closes_at.data)),
        place=form.place.data or "",
        meeting_url=link,
        capacity=given(form.capacity.data),
        trainers=trainers_by_ids(form.trainers.data or []),
    )


@bp.route("/sessions/<int:session_id>/edit", methods=["GET", "POST"])
@role_required(Role.ADMIN, Role.TRAINER)
def change_session_page(session_id: int) -> ResponseReturnValue:
    """Change a session; everyone registered and every trainer is told what changed."""
    item = get_or_404(TrainingSession, session_id, TrainingSession.can_change)
    everything = current_user.has_role(Role.ADMIN)
    form = _form(item)
    if not everything:  # a trainer's form holds the link alone
        for name in ("starts_at", "ends_at", "registration_closes_at", "place", "capacity"):
            delattr(form, name)
        del form.trainers
    if form.validate_on_submit():
        outcome = perform(
            lambda: change_session(item, current_user, _change(form, item, everything)), form
        )
        if outcome.ok:
            if outcome.result:
                flash(
                    _("The session is changed. Everyone registered and its trainers are told."),
                    "success",
                )
            else:
                flash(_("Nothing changed."), "info")
            return redirect(url_for("trainings.session", session_id=item.id))
    return render_template("trainings/session_change.html", form=form, session=item)

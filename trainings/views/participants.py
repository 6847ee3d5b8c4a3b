"""Participant lists (with CSV and XLSX), attendance marking and cancelling a session."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from paja.access import get_or_404, role_required
from paja.audit import Action, record
from paja.database import utcnow, writes
from paja.downloads import csv_file, xlsx_file
from paja.forms import ButtonForm, given
from paja.models import Role
from paja.perform import perform
from trainings import bp
from trainings.exports import participant_rows
from trainings.forms.orders import CancelOrderForm
from trainings.models import TrainingSession
from trainings.operations import sessions as rules
from trainings.queries.sessions import participants as live_registrations


@bp.get("/sessions/<int:session_id>/participants")
@writes  # the download is written to the audit log
@role_required()
def participants(session_id: int) -> ResponseReturnValue:
    """The participant list (trainers, admins, the ordering organisation)."""
    item = get_or_404(TrainingSession, session_id, TrainingSession.can_see_participants)
    people = live_registrations(item)
    name = f"paja-participants-{item.id}"
    export = request.args.get("format")
    if export in {"csv", "xlsx"}:
        note = f"session {item.id}: {len(people)} people, {export}"
        perform(lambda: record(current_user, Action.PARTICIPANTS_EXPORTED, note))
    if export == "csv":
        return csv_file(participant_rows(item, people), f"{name}.csv")
    if export == "xlsx":
        return xlsx_file(_("Participants"), participant_rows(item, people), f"{name}.xlsx")
    return render_template(
        "trainings/participants.html",
        session=item,
        people=people,
        can_mark=item.can_mark_attendance(current_user, utcnow()),
        can_cancel=item.can_cancel(current_user),
        button=ButtonForm(),
    )


@bp.post("/sessions/<int:session_id>/attendance")
@role_required()
def attendance(session_id: int) -> ResponseReturnValue:
    """Mark who attended (trainers and admins); the session becomes delivered."""
    item = get_or_404(TrainingSession, session_id, TrainingSession.can_manage)
    if ButtonForm().validate_on_submit():
        present = {int(value) for value in request.form.getlist("present") if value.isdigit()}
        if perform(lambda: rules.mark_attendance(item, current_user, present)).ok:
            flash(_("Attendance is saved."), "success")
    return redirect(url_for("trainings.participants", session_id=item.id))


@bp.post("/sessions/<int:session_id>/cancel")
@role_required(Role.ADMIN, Role.ORGANISER)
def cancel_session(session_id: int) -> ResponseReturnValue:
    """Cancel a session (admins) or an event day (its organisers); all registered are emailed."""
    item = get_or_404(TrainingSession, session_id, TrainingSession.can_cancel)
    form = CancelOrderForm()
    if (
        form.validate_on_submit()
        and perform(
            lambda: rules.cancel_session(item, current_user, given(form.note.data)), form
        ).ok
    ):
        flash(_("The session is cancelled and the participants informed."), "success")
    elif form.errors:
        flash(_("Give a reason for the cancellation."), "danger")
    return redirect(url_for("trainings.participants", session_id=item.id))

"""Participant lists (with CSV) and attendance marking."""

from __future__ import annotations

import csv
import io

import sqlalchemy as sa
from flask import Response, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from openpyxl import Workbook

from paja.access import get_or_404, role_required
from paja.database import utcnow
from paja.extensions import db
from paja.forms import ButtonForm
from paja.models import Role
from paja.views.util import perform
from trainings import bp
from trainings.forms.orders import CancelOrderForm
from trainings.labels import REGISTRATION_LABELS
from trainings.models import (
    Registration,
    RegistrationStatus,
    TrainingSession,
)
from trainings.operations.sessions import (
    cancel_session,
    mark_attendance,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp.get("/sessions/<int:session_id>/participants")
@role_required()
def participants(session_id: int) -> ResponseReturnValue:
    """The participant list (trainers, admins, the ordering organisation)."""
    item = get_or_404(TrainingSession, session_id, "see_participants")
    people = _people(item)
    export = request.args.get("format")
    if export in ("csv", "xlsx"):
        return _export(item, people, export)
    return render_template(
        "trainings/participants.html",
        session=item,
        people=people,
        can_mark=item.can_manage(current_user) and item.starts_at <= utcnow(),
        can_cancel=item.can_cancel(current_user),
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


def _rows(session: TrainingSession, people: list[Registration]) -> list[list[str]]:
    """The list as rows; an event day adds organisation, project, needs and directory consent."""
    event_day = session.event_id is not None
    header = [_("Name"), _("Email"), _("Status"), _("Attended")]
    if event_day:
        header += [_("Organisation"), _("Project"), _("Needs"), _("In the directory")]
    rows = [header]
    for person in people:
        attended = "" if person.attended is None else (_("yes") if person.attended else _("no"))
        row = [person.name, person.email, str(REGISTRATION_LABELS[person.status]), attended]
        if event_day:
            consent = _("yes") if person.directory_consent else _("no")
            row += [person.organisation_name, person.project, person.needs, consent]
        rows.append(row)
    return rows


def _export(session: TrainingSession, people: list[Registration], export: str) -> Response:
    """Participants as semicolon-separated CSV (with a BOM, for Finnish Excel) or XLSX."""
    name = f"paja-participants-{session.id}.{export}"
    headers = {"Content-Disposition": f"attachment; filename={name}"}
    rows = _rows(session, people)
    if export == "csv":
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=";").writerows(rows)
        return Response("\ufeff" + buffer.getvalue(), mimetype="text/csv", headers=headers)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Participants"))
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    workbook.save(data)
    return Response(data.getvalue(), mimetype=XLSX, headers=headers)


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


@bp.post("/sessions/<int:session_id>/cancel")
@role_required(Role.ADMIN, Role.ORGANISER)
def cancel_session_view(session_id: int) -> ResponseReturnValue:
    """Cancel a session (admins) or an event day (its organisers); all registered are emailed."""
    item = get_or_404(TrainingSession, session_id, "cancel")
    form = CancelOrderForm()
    if (
        form.validate_on_submit()
        and perform(lambda: cancel_session(item, current_user, form.note.data), form).ok
    ):
        flash(_("The session is cancelled and the participants informed."), "success")
    elif form.errors:
        flash(_("Give a reason for the cancellation."), "danger")
    return redirect(url_for("trainings.participants", session_id=item.id))

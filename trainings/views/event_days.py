"""An event day's tools: printouts, messaging everyone, and small groups."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from paja.access import get_or_404, role_required
from paja.downloads import pdf_file
from paja.forms import ButtonForm, given
from paja.perform import perform
from paja.prepared_files import prepare
from trainings import bp
from trainings.event_pdf import attendance_list_pdf, day_heading
from trainings.forms.events import GroupsForm, MessageForm
from trainings.models import Registration
from trainings.operations.event_registrations import message_day
from trainings.operations.small_groups import generate_groups, move_to_group, publish_groups
from trainings.prepared import BADGES
from trainings.queries.directory import directories
from trainings.queries.groups import groups_of, seated, ungrouped
from trainings.views.event_admin import ORGANISERS, event_day


@bp.get("/events/days/<int:session_id>/attendance.pdf")
@role_required(*ORGANISERS)
def attendance_pdf(session_id: int) -> ResponseReturnValue:
    """A printable attendance list with a signature column."""
    day = event_day(session_id)
    return pdf_file(attendance_list_pdf(day, seated(day)), f"paja-attendance-{day.id}.pdf")


@bp.post("/events/days/<int:session_id>/badges")
@role_required(*ORGANISERS)
def badges(session_id: int) -> ResponseReturnValue:
    """Name badges, eight to an A4 sheet, made in the background for a day of any size."""
    day = event_day(session_id)
    if ButtonForm().validate_on_submit():
        title = _("Name badges: %(day)s", day=day_heading(day))
        made = perform(
            lambda: prepare(current_user, BADGES, day.id, title, f"paja-badges-{day.id}.pdf")
        )
        return redirect(url_for("files.file_page", token=made.result.token))
    return redirect(url_for("trainings.participants", session_id=day.id))


@bp.get("/events/days/<int:session_id>/directory")
@role_required(*ORGANISERS)
def day_directory(session_id: int) -> ResponseReturnValue:
    """'Who is here' as the day's participants see it: those who agreed, with their links."""
    day = event_day(session_id)
    return render_template(
        "trainings/day_directory.html", day=day, people=directories([day])[day.id]
    )


@bp.route("/events/days/<int:session_id>/message", methods=["GET", "POST"])
@role_required(*ORGANISERS)
def message_registrants(session_id: int) -> ResponseReturnValue:
    """Email everyone registered for the day."""
    day = event_day(session_id)
    form = MessageForm()
    if form.validate_on_submit():
        outcome = perform(
            lambda: message_day(
                day,
                current_user,
                given(form.subject.data),
                given(form.body.data),
                form.waiting.data,
            ),
            form,
        )
        if outcome.ok:
            sent = ngettext(
                "The message is on its way to %(num)d person.",
                "The message is on its way to %(num)d people.",
                outcome.result,
            )
            flash(sent, "success")
            return redirect(url_for("trainings.participants", session_id=day.id))
    return render_template("trainings/day_message.html", day=day, form=form)


@bp.route("/events/days/<int:session_id>/groups", methods=["GET", "POST"])
@role_required(*ORGANISERS)
def day_groups(session_id: int) -> ResponseReturnValue:
    """The day's small groups: make them, move people, publish."""
    day = event_day(session_id)
    form = GroupsForm()
    if form.validate_on_submit():
        present = form.source.data == "present"
        if perform(
            lambda: generate_groups(day, current_user, given(form.size.data), present), form
        ).ok:
            flash(_("The groups are made. Check them, move people if needed, then publish."),
                  "success")  # fmt: skip
            return redirect(url_for("trainings.day_groups", session_id=day.id))
    groups = groups_of(day)
    return render_template(
        "trainings/day_groups.html",
        day=day,
        form=form,
        groups=groups,
        ungrouped=ungrouped(day) if groups else [],
        published=any(g.group.published for g in groups),
        button=ButtonForm(),
    )


@bp.post("/events/days/<int:session_id>/groups/move")
@role_required(*ORGANISERS)
def move_group_member(session_id: int) -> ResponseReturnValue:
    """Move a person to another group (or a new one)."""
    day = event_day(session_id)
    registration = get_or_404(Registration, request.form.get("registration", type=int), None)
    number = request.form.get("group", type=int)
    if number is None:
        flash(_("Choose a group."), "danger")
    elif ButtonForm().validate_on_submit():
        outcome = perform(lambda: move_to_group(day, registration, number))
        if outcome.ok:
            flash(_("%(name)s is now in group %(number)d.", name=registration.name, number=number),
                  "success")  # fmt: skip
            for alone in outcome.result:
                flash(_("Group %(number)d now has only one person: move someone to join them.",
                        number=alone), "warning")  # fmt: skip
    return redirect(url_for("trainings.day_groups", session_id=day.id))


@bp.post("/events/days/<int:session_id>/groups/publish")
@role_required(*ORGANISERS)
def publish_day_groups(session_id: int) -> ResponseReturnValue:
    """Show the groups to the participants, or hide them again."""
    day = event_day(session_id)
    show = request.form.get("show") == "1"
    if ButtonForm().validate_on_submit() and perform(lambda: publish_groups(day, show)).ok:
        if show:
            flash(_("The groups are published: participants see their own group."), "success")
        else:
            flash(_("The groups are hidden from the participants."), "success")
    return redirect(url_for("trainings.day_groups", session_id=day.id))

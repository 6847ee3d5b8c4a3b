"""Network days for organisers: events, days, agendas and presenting projects."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from feedback.queries.wishes import ranked
from paja.access import get_or_404, role_required
from paja.forms import ButtonForm, SelectChoice, given
from paja.i18n import LANGUAGE_NAMES
from paja.i18n import day as date_text
from paja.models import Organisation, Role
from paja.page_cache import cached_page
from paja.perform import perform
from trainings import bp
from trainings.forms.events import EventForm, LinkForm, ProjectForm
from trainings.models import (
    Event,
    PresentingProject,
    SharedLink,
    TrainingSession,
)
from trainings.operations.events import (
    EventDetails,
    add_project,
    create_event,
    remove,
    share_link,
    update_event,
    update_project,
)
from trainings.queries.events import (
    days_of,
    days_without_agenda,
    event_organisations,
    events_run_by,
    waiting_counts,
)
from trainings.queries.feedback import feedback_figures

ORGANISERS = (Role.ADMIN, Role.ORGANISER)
TOP_WISHES = 10


def event_day(session_id: int) -> TrainingSession:
    """A day of an event the user organises; 404 for workshop sessions."""
    day = get_or_404(TrainingSession, session_id, TrainingSession.can_manage)
    if day.event_id is None:
        abort(404)
    return day


def _event_form(event: Event | None = None) -> EventForm:
    """The event form with the user's organisations and the three languages."""
    form = EventForm(obj=event)
    form.organisation.choices = [
        SelectChoice(o.id, o.name) for o in event_organisations(current_user)
    ]
    form.language.choices = [SelectChoice(code, name) for code, name in LANGUAGE_NAMES.items()]
    if event is not None and not form.is_submitted():
        form.organisation.data = event.organisation_id
    return form


def _details(form: EventForm) -> EventDetails:
    """What the form says."""
    return EventDetails(
        title=given(form.title.data),
        description=form.description.data or "",
        language=form.language.data,
        organisation=get_or_404(Organisation, form.organisation.data, None),
        published=form.published.data,
    )


@bp.get("/events/mine")
@role_required(*ORGANISERS)
def my_events() -> ResponseReturnValue:
    """Events of the organiser's organisations (admins: all)."""
    return render_template("trainings/my_events.html", events=events_run_by(current_user))


@bp.route("/events/new", methods=["GET", "POST"])
@role_required(*ORGANISERS)
def new_event() -> ResponseReturnValue:
    """Create an event; days, agenda and projects follow on its page."""
    form = _event_form()
    if not form.organisation.choices:
        flash(_("You need to belong to an organisation to run events."), "warning")
    if form.validate_on_submit():
        outcome = perform(lambda: create_event(current_user, _details(form)), form)
        if outcome.ok:
            flash(_("The event is created. Add its days next."), "success")
            return redirect(url_for("trainings.manage_event", event_id=outcome.result.id))
    return render_template("trainings/event_form.html", form=form)


@bp.route("/events/<int:event_id>/manage", methods=["GET", "POST"])
@role_required(*ORGANISERS)
@cached_page
def manage_event(event_id: int) -> ResponseReturnValue:
    """The organiser's view: details, days with figures, projects, the ranked wishes."""
    event = get_or_404(Event, event_id, Event.can_manage)
    form = _event_form(event)
    saved = form.validate_on_submit() and perform(
        lambda: update_event(event, current_user, _details(form)), form
    )
    if saved and saved.ok:
        flash(_("The event is saved."), "success")
        if event.published:
            for empty in days_without_agenda(event):
                flash(_("The day %(day)s has no agenda yet: participants see only its times.",
                        day=date_text(empty.starts_at)), "warning")  # fmt: skip
        return redirect(url_for("trainings.manage_event", event_id=event.id))
    return _render_manage(event, form, ProjectForm())


def _render_manage(event: Event, form: EventForm, project_form: ProjectForm) -> str:
    """The management page."""
    days = days_of(event)
    return render_template(
        "trainings/manage_event.html",
        event=event,
        form=form,
        days=days,
        figures=feedback_figures(days),
        waiting=waiting_counts(days),
        project_form=project_form,
        link_form=LinkForm(),
        wishes=ranked(event.wish_board, limit=TOP_WISHES) if event.wish_board else [],
        button=ButtonForm(),
    )


def _project(form: ProjectForm) -> tuple[str, str, str]:
    """A project's name, organisation and description as typed."""
    return given(form.name.data), form.organisation_name.data or "", form.description.data or ""


@bp.post("/events/<int:event_id>/projects")
@role_required(*ORGANISERS)
def add_event_project(event_id: int) -> ResponseReturnValue:
    """Add a presenting project."""
    event = get_or_404(Event, event_id, Event.can_manage)
    form = ProjectForm()
    if form.validate_on_submit():
        details = (
            given(form.name.data),
            form.organisation_name.data or "",
            form.description.data or "",
        )
        if perform(lambda: add_project(event, *details), form).ok:
            flash(_("The project is added."), "success")
            return redirect(url_for("trainings.manage_event", event_id=event.id) + "#projects")
    return _render_manage(event, _event_form(event), form)


@bp.route("/events/projects/<int:project_id>/edit", methods=["GET", "POST"])
@role_required(*ORGANISERS)
def edit_project(project_id: int) -> ResponseReturnValue:
    """Correct a presenting project's name, organisation or description."""
    project = get_or_404(PresentingProject, project_id, PresentingProject.can_manage)
    form = ProjectForm(obj=project)
    form.submit.label.text = _("Save")
    if form.validate_on_submit():
        details = (
            given(form.name.data),
            form.organisation_name.data or "",
            form.description.data or "",
        )
        if perform(lambda: update_project(project, *details), form).ok:
            flash(_("The project is saved."), "success")
            return redirect(
                url_for("trainings.manage_event", event_id=project.event_id) + "#projects"
            )
    return render_template("trainings/project_form.html", project=project, form=form)


@bp.post("/events/projects/<int:project_id>/links")
@role_required(*ORGANISERS)
def add_project_link(project_id: int) -> ResponseReturnValue:
    """Add a link to a presenting project's social-media account."""
    project = get_or_404(PresentingProject, project_id, PresentingProject.can_manage)
    form = LinkForm()
    if form.validate_on_submit():
        if perform(lambda: share_link(project.event, given(form.url.data), project=project)).ok:
            flash(_("The link is shared."), "success")
    else:
        flash(
            " ".join(map(str, form.url.errors)) or _("The form has expired; please try again."),
            "danger",
        )
    return redirect(url_for("trainings.manage_event", event_id=project.event_id) + "#projects")


@bp.post("/events/projects/<int:project_id>/remove")
@role_required(*ORGANISERS)
def remove_project(project_id: int) -> ResponseReturnValue:
    """Remove a presenting project (its agenda items stay, without the project)."""
    project = get_or_404(PresentingProject, project_id, PresentingProject.can_manage)
    event_id = project.event_id
    if ButtonForm().validate_on_submit() and perform(lambda: remove(project)).ok:
        flash(_("The project is removed."), "success")
    return redirect(url_for("trainings.manage_event", event_id=event_id) + "#projects")


@bp.post("/events/links/<int:link_id>/remove")
@role_required(*ORGANISERS)
def remove_link(link_id: int) -> ResponseReturnValue:
    """Remove any link shared in the organiser's event."""
    link = get_or_404(SharedLink, link_id, SharedLink.can_manage)
    event_id = link.event_id
    if ButtonForm().validate_on_submit() and perform(lambda: remove(link)).ok:
        flash(_("The link is removed."), "success")
    return redirect(url_for("trainings.manage_event", event_id=event_id) + "#projects")

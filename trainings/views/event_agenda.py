"""Network days for organisers: a day's time, place, seats and agenda."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from paja.access import get_or_404, role_required
from paja.forms import ButtonForm, SelectChoice, given
from paja.i18n import helsinki, wall_clock
from paja.perform import perform
from trainings import bp
from trainings.forms.events import AgendaForm, DayForm
from trainings.labels import AGENDA_LABELS
from trainings.models import AgendaItem, AgendaKind, Event, PresentingProject, TrainingSession
from trainings.operations.events import (
    AgendaDetails,
    DayDetails,
    add_agenda_item,
    add_day,
    remove,
    remove_day,
    update_agenda_item,
    update_day,
)
from trainings.queries.events import agendas
from trainings.views.event_admin import ORGANISERS, event_day


def _day_details(form: DayForm) -> DayDetails:
    """What the day form says, in UTC."""
    return DayDetails(
        starts_at=helsinki(given(form.starts_at.data)),
        ends_at=helsinki(given(form.ends_at.data)),
        registration_closes_at=helsinki(given(form.registration_closes_at.data)),
        capacity=given(form.capacity.data),
        place=form.place.data or "",
        meeting_url=(form.meeting_url.data or "").strip(),
    )


@bp.route("/events/<int:event_id>/days/new", methods=["GET", "POST"])
@role_required(*ORGANISERS)
def new_event_day(event_id: int) -> ResponseReturnValue:
    """Add a day to the event."""
    event = get_or_404(Event, event_id, Event.can_manage)
    form = DayForm()
    if form.validate_on_submit():
        outcome = perform(lambda: add_day(event, _day_details(form)), form)
        if outcome.ok:
            flash(_("The day is added. Write its agenda next."), "success")
            return redirect(url_for("trainings.edit_event_day", session_id=outcome.result.id))
    return render_template("trainings/day_form.html", event=event, form=form, day=None)


def _agenda_form(day: TrainingSession, item: AgendaItem | None = None) -> AgendaForm:
    """The agenda form with the event's projects, filled with an item's values if given."""
    filled = None
    if item is not None:
        filled = {
            "starts_at": item.starts_at, "ends_at": item.ends_at, "kind": item.kind.value,
            "title": item.title, "presenter": item.presenter, "project": item.project_id or 0,
        }  # fmt: skip
    form = AgendaForm(data=filled)
    form.kind.choices = [SelectChoice(k.value, AGENDA_LABELS[k]) for k in AgendaKind]
    projects = day.event.projects if day.event else []
    form.project.choices = [SelectChoice(0, _("None"))] + [
        SelectChoice(p.id, p.name) for p in projects
    ]
    return form


@bp.route("/events/days/<int:session_id>", methods=["GET", "POST"])
@role_required(*ORGANISERS)
def edit_event_day(session_id: int) -> ResponseReturnValue:
    """A day's times, place and capacity, and its agenda."""
    day = event_day(session_id)
    form = DayForm()
    if not form.is_submitted():
        form = _filled_day_form(day)
    elif (
        form.validate_on_submit() and perform(lambda: update_day(day, _day_details(form)), form).ok
    ):
        flash(_("The day is saved."), "success")
        return redirect(url_for("trainings.edit_event_day", session_id=day.id))
    return _render_day(day, form, _agenda_form(day))


def _filled_day_form(day: TrainingSession) -> DayForm:
    """The day form showing the day as it is (Helsinki time)."""
    form = DayForm(obj=day, formdata=None)
    form.starts_at.data = wall_clock(day.starts_at)
    form.ends_at.data = wall_clock(day.ends_at)
    form.registration_closes_at.data = wall_clock(day.registration_closes_at)
    return form


def _render_day(day: TrainingSession, form: DayForm, agenda_form: AgendaForm) -> str:
    """The day's page for organisers."""
    return render_template(
        "trainings/day_form.html",
        event=day.event,
        day=day,
        form=form,
        agenda=agendas([day])[day.id],
        agenda_form=agenda_form,
        button=ButtonForm(),
    )


@bp.post("/events/days/<int:session_id>/agenda")
@role_required(*ORGANISERS)
def add_agenda(session_id: int) -> ResponseReturnValue:
    """Add a slot to the day's agenda."""
    day = event_day(session_id)
    form = _agenda_form(day)
    if form.validate_on_submit():
        details = _agenda_details(form)
        if perform(lambda: add_agenda_item(day, details), form).ok:
            flash(_("The item is added to the agenda."), "success")
            return redirect(url_for("trainings.edit_event_day", session_id=day.id) + "#agenda")
    return _render_day(day, _filled_day_form(day), form)


def _agenda_details(form: AgendaForm) -> AgendaDetails:
    """The agenda form as operation input."""
    return AgendaDetails(
        starts_at=given(form.starts_at.data),
        ends_at=form.ends_at.data,
        kind=AgendaKind(form.kind.data),
        title=given(form.title.data),
        presenter=form.presenter.data or "",
        project=get_or_404(PresentingProject, form.project.data, None)
        if form.project.data
        else None,
    )


@bp.route("/events/agenda/<int:item_id>/edit", methods=["GET", "POST"])
@role_required(*ORGANISERS)
def edit_agenda(item_id: int) -> ResponseReturnValue:
    """Change a slot of a day's agenda."""
    item = get_or_404(AgendaItem, item_id, AgendaItem.can_manage)
    form = _agenda_form(item.session, item)
    form.submit.label.text = _("Save the item")
    if form.validate_on_submit():
        details = _agenda_details(form)
        if perform(lambda: update_agenda_item(item, details), form).ok:
            flash(_("The agenda item is saved."), "success")
            return redirect(
                url_for("trainings.edit_event_day", session_id=item.session_id) + "#agenda"
            )
    return render_template("trainings/agenda_item_form.html", form=form, item=item)


@bp.post("/events/agenda/<int:item_id>/remove")
@role_required(*ORGANISERS)
def remove_agenda(item_id: int) -> ResponseReturnValue:
    """Remove a slot from a day's agenda."""
    item = get_or_404(AgendaItem, item_id, AgendaItem.can_manage)
    session_id = item.session_id
    if ButtonForm().validate_on_submit() and perform(lambda: remove(item)).ok:
        flash(_("The item is removed from the agenda."), "success")
    return redirect(url_for("trainings.edit_event_day", session_id=session_id) + "#agenda")


@bp.post("/events/days/<int:session_id>/remove")
@role_required(*ORGANISERS)
def remove_event_day(session_id: int) -> ResponseReturnValue:
    """Delete a day nobody has registered for."""
    day = event_day(session_id)
    event_id = day.event_id
    if ButtonForm().validate_on_submit() and perform(lambda: remove_day(day)).ok:
        flash(_("The day is removed."), "success")
        return redirect(url_for("trainings.manage_event", event_id=event_id))
    return redirect(url_for("trainings.edit_event_day", session_id=session_id))

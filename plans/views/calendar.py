"""The publishing calendar: month, week and list views; adding, changing and moving entries."""

from __future__ import annotations

import calendar as months
from contextlib import suppress
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from paja.access import get_or_404, role_required
from paja.database import utcnow
from paja.forms import ButtonForm, SelectChoice, given
from paja.i18n import day as day_text
from paja.i18n import wall_clock
from paja.page_cache import cached_page
from paja.perform import perform
from paja.queries import paginate
from plans import bp
from plans.answers import goals
from plans.forms.calendar import EntryForm, MoveForm, NewEntryForm, StatusForm
from plans.labels import CHANNEL_LABELS, Status
from plans.models import Entry, Plan
from plans.operations.calendar import (
    EntryDetails,
    add_entries,
    delete_entry,
    move_entry,
    set_status,
    update_entry,
)
from plans.queries.calendar import all_entries, by_day, entries_between, warnings_for
from plans.queries.plans import answers_of, plan_editors
from plans.recurrence import Repeat


def _today() -> date:
    """Today in Helsinki."""
    return wall_clock(utcnow()).date()


def _month(text: str | None) -> date:
    """The first day of a YYYY-MM month from the query string (this month when mistyped)."""
    try:
        first = datetime.strptime(text or "", "%Y-%m").date()
    except ValueError:
        return _today().replace(day=1)
    return first if 2000 <= first.year <= 2099 else _today().replace(day=1)


def _context(plan: Plan) -> dict[str, object]:
    """What every calendar view shows: warnings, forms for moving and the user's rights."""
    return {
        "plan": plan, "warnings": warnings_for(plan, _today()), "move": MoveForm(formdata=None),
        "can_edit": plan.can_edit(current_user), "today": _today(),
    }  # fmt: skip


@bp.get("/<int:plan_id>/calendar")
@role_required()
@cached_page
def calendar(plan_id: int) -> ResponseReturnValue:
    """A month of the calendar as a grid of weeks (Monday first)."""
    plan = get_or_404(Plan, plan_id, Plan.can_view)
    first = _month(request.args.get("month"))
    weeks = months.Calendar().monthdatescalendar(first.year, first.month)
    entries = by_day(entries_between(plan, weeks[0][0], weeks[-1][-1]))
    return render_template(
        "plans/calendar_month.html", first=first, weeks=weeks, entries=entries,
        previous=first - relativedelta(months=1), next=first + relativedelta(months=1),
        **_context(plan),
    )  # fmt: skip


@bp.get("/<int:plan_id>/calendar/week")
@role_required()
def week(plan_id: int) -> ResponseReturnValue:
    """A week of the calendar, day by day."""
    plan = get_or_404(Plan, plan_id, Plan.can_view)
    try:
        shown = date.fromisoformat(request.args.get("day", ""))
    except ValueError:
        shown = _today()
    if not 2000 <= shown.year <= 2099:
        shown = _today()
    monday = shown - timedelta(days=shown.weekday())
    days = [monday + timedelta(days=n) for n in range(7)]
    shown_entries = by_day(entries_between(plan, days[0], days[-1]))
    return render_template(
        "plans/calendar_week.html", days=days, entries=shown_entries,
        previous=monday - timedelta(weeks=1), next=monday + timedelta(weeks=1), **_context(plan),
    )  # fmt: skip


@bp.get("/<int:plan_id>/calendar/list")
@role_required()
def entries(plan_id: int) -> ResponseReturnValue:
    """Every entry of the plan in time order, a page at a time."""
    plan = get_or_404(Plan, plan_id, Plan.can_view)
    return render_template(
        "plans/calendar_list.html", page=paginate(all_entries(plan), per_page=50), **_context(plan)
    )


def _entry_form(plan: Plan, entry: Entry | None) -> EntryForm:
    """The entry form (for a new one, with repeats) with the plan's channels, goals and editors."""
    form = EntryForm(obj=entry) if entry is not None else NewEntryForm()
    form.channel.choices = [SelectChoice(c.value, CHANNEL_LABELS[c]) for c in plan.channel_list]
    form.goal.choices = [SelectChoice("", _("No particular goal"))] + [
        SelectChoice(g, g) for g in goals(answers_of(plan))
    ]
    editors = plan_editors(plan)
    form.owner.choices = [SelectChoice(0, _("Nobody yet"))] + [
        SelectChoice(p.id, p.name) for p in editors
    ]
    if request.method == "GET":
        if entry is not None:
            form.starts.data = wall_clock(entry.starts_at)
            form.owner.data = entry.owner_id or 0
        else:
            form.owner.data = current_user.id
            day = request.args.get("day", "")
            start = _today() + timedelta(days=1)
            with suppress(ValueError):
                start = date.fromisoformat(day)
            form.starts.data = datetime.combine(start, time(9))
    form.editors = editors  # type: ignore[attr-defined]
    return form


def _details(form: EntryForm) -> EntryDetails:
    """The entry form's values."""
    owner = next((p for p in form.editors if p.id == form.owner.data), None)  # type: ignore[attr-defined]
    return EntryDetails(
        starts=given(form.starts.data), channel=given(form.channel.data),
        format=given(form.format.data), topic=given(form.topic.data).strip(),
        text=(form.text.data or "").strip(), goal=(form.goal.data or "")[:300],
        audience=(form.audience.data or "").strip(), alt_text=(form.alt_text.data or "").strip(),
        owner=owner, deadline=form.deadline.data,
    )  # fmt: skip


def _repeat(form: NewEntryForm) -> Repeat | None:
    """The form's repetition rule; None for a one-off entry."""
    if not form.repeat.data:
        return None
    if form.until.data is None and form.count.data is None:
        form.count.errors = [*form.count.errors, _("Give an end day or a number of times.")]
        raise ValueError
    return Repeat(form.repeat.data, form.until.data, form.count.data)


@bp.route("/<int:plan_id>/entries/new", methods=["GET", "POST"])
@role_required()
def new_entry(plan_id: int) -> ResponseReturnValue:
    """Add an entry (or a weekly or monthly series of them) to the calendar."""
    plan = get_or_404(Plan, plan_id, Plan.can_edit)
    form = _entry_form(plan, None)
    assert isinstance(form, NewEntryForm)
    if form.validate_on_submit():
        try:
            repeat = _repeat(form)
        except ValueError:
            repeat = None
        else:
            done = perform(lambda: add_entries(plan, _details(form), current_user, repeat), form)
            if done.ok:
                made = done.result
                flash(
                    ngettext("%(num)d entry added.", "%(num)d entries added.", len(made)), "success"
                )
                month = wall_clock(made[0].starts_at).strftime("%Y-%m")
                return redirect(url_for("plans.calendar", plan_id=plan.id, month=month))
    return render_template("plans/entry_form.html", plan=plan, form=form, entry=None)


@bp.route("/entries/<int:entry_id>", methods=["GET", "POST"])
@role_required()
def entry(entry_id: int) -> ResponseReturnValue:
    """An entry: everyone on the plan reads it; editors change it."""
    item = get_or_404(Entry, entry_id, None)
    plan = get_or_404(Plan, item.plan_id, Plan.can_view)
    form = _entry_form(plan, item)
    if request.method == "POST":
        if not plan.can_edit(current_user):
            abort(403)
        if form.validate_on_submit():
            details = _details(form)
            if perform(lambda: update_entry(item, details, current_user), form).ok:
                flash(_("The entry is saved."), "success")
                return redirect(url_for("plans.entry", entry_id=item.id))
    return render_template(
        "plans/entry.html", plan=plan, entry=item, form=form, can_edit=plan.can_edit(current_user),
        move=MoveForm(formdata=None, data={"day": wall_clock(item.starts_at).date()}),
        status=StatusForm(formdata=None, data={"status": item.status.value}), button=ButtonForm(),
    )  # fmt: skip


def _editable(entry_id: int) -> Entry:
    """An entry of a plan the user may edit."""
    item = get_or_404(Entry, entry_id, None)
    get_or_404(Plan, item.plan_id, Plan.can_edit)
    return item


@bp.post("/entries/<int:entry_id>/move")
@role_required()
def move(entry_id: int) -> ResponseReturnValue:
    """Move an entry to another day, keeping its time; back to the view it was moved from."""
    item = _editable(entry_id)
    form = MoveForm()
    if form.validate_on_submit():
        day = given(form.day.data)
        if perform(lambda: move_entry(item, day)).ok:
            flash(_("The entry is moved to %(day)s.", day=day_text(day)), "success")
    else:
        for error in form.day.errors:
            flash(error, "danger")
    target = request.form.get("back", "")
    if not target.startswith("/plans/") or "//" in target:
        target = url_for("plans.entry", entry_id=item.id)
    return redirect(target)


@bp.post("/entries/<int:entry_id>/status")
@role_required()
def status(entry_id: int) -> ResponseReturnValue:
    """Take an entry to another status (approval by someone other than its author)."""
    item = _editable(entry_id)
    form = StatusForm()
    if form.validate_on_submit():
        wanted = Status(form.status.data)
        if perform(lambda: set_status(item, wanted, current_user)).ok:
            flash(_("The status is changed."), "success")
    return redirect(url_for("plans.entry", entry_id=item.id))


@bp.post("/entries/<int:entry_id>/delete")
@role_required()
def delete_entry_view(entry_id: int) -> ResponseReturnValue:
    """Delete an entry, or it and the later ones of its series."""
    item = _editable(entry_id)
    plan_id, month = item.plan_id, wall_clock(item.starts_at).strftime("%Y-%m")
    series = request.form.get("series") == "1"
    if ButtonForm().validate_on_submit():
        done = perform(lambda: delete_entry(item, series))
        if done.ok:
            flash(
                ngettext("%(num)d entry deleted.", "%(num)d entries deleted.", done.result),
                "success",
            )
    return redirect(url_for("plans.calendar", plan_id=plan_id, month=month))

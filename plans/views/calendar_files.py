"""The calendar as files: CSV export and import, and the private .ics feeds."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from paja.access import get_or_404, or_404, role_required
from paja.downloads import calendar_file, csv_file
from paja.forms import ButtonForm
from paja.perform import perform
from plans import bp
from plans.calendar_csv import RowError, export_rows, read_rows
from plans.forms.calendar import ImportForm
from plans.ics import entries_calendar
from plans.models import Plan
from plans.operations.calendar import import_entries
from plans.operations.feeds import renew_personal_feed
from plans.operations.plans import renew_feed
from plans.queries.calendar import (
    feed_by_token,
    feed_entries,
    owned_entries,
    plan_by_feed_token,
    plan_entries,
)
from plans.queries.plans import plan_editors


@bp.get("/<int:plan_id>/calendar.csv")
@role_required()
def calendar_csv(plan_id: int) -> ResponseReturnValue:
    """Every entry of the plan as CSV (the columns the import reads)."""
    plan = get_or_404(Plan, plan_id, Plan.can_view)
    return csv_file(export_rows(plan_entries(plan)), f"paja-plan-{plan.id}-calendar.csv")


@bp.route("/<int:plan_id>/calendar/import", methods=["GET", "POST"])
@role_required()
def import_calendar(plan_id: int) -> ResponseReturnValue:
    """Import entries from CSV: every bad row is listed and nothing is imported until none is."""
    plan = get_or_404(Plan, plan_id, Plan.can_edit)
    form = ImportForm()
    problems: list[RowError] = []
    if form.validate_on_submit():
        editors = plan_editors(plan)
        rows, problems = read_rows(plan, form.file.data.read(), editors)
        if not problems:
            pairs = [(row.details, row.status) for row in rows]
            done = perform(lambda: import_entries(plan, pairs, current_user), form)
            if done.ok:
                count = done.result
                flash(
                    ngettext("%(num)d entry imported.", "%(num)d entries imported.", count),
                    "success",
                )
                return redirect(url_for("plans.entries", plan_id=plan.id))
    return render_template("plans/import.html", plan=plan, form=form, problems=problems)


@bp.post("/<int:plan_id>/feed")
@role_required()
def renew_plan_feed(plan_id: int) -> ResponseReturnValue:
    """The owner gives the plan's feed a new address; the old one stops working."""
    plan = get_or_404(Plan, plan_id, Plan.can_manage)
    if ButtonForm().validate_on_submit() and perform(lambda: renew_feed(plan)).ok:
        flash(_("The calendar has a new address. The old one no longer works."), "success")
    return redirect(url_for("plans.calendar", plan_id=plan.id))


@bp.get("/feed/<token>.ics")
def plan_feed(token: str) -> ResponseReturnValue:
    """A plan's private calendar feed: every entry, scheduled ones included."""
    plan = or_404(plan_by_feed_token(token))
    return calendar_file(entries_calendar(feed_entries(plan), plan.title, plan.language))


@bp.post("/my-feed")
@role_required()
def renew_my_feed() -> ResponseReturnValue:
    """Make the user's feed of the entries they own, or give it a new address."""
    if ButtonForm().validate_on_submit() and perform(lambda: renew_personal_feed(current_user)).ok:
        flash(_("Your calendar address is ready. Any earlier address no longer works."), "success")
    return redirect(url_for("plans.index"))


@bp.get("/my-feed/<token>.ics")
def my_feed(token: str) -> ResponseReturnValue:
    """A person's private feed of the entries they own, in every plan they are on."""
    person = or_404(feed_by_token(token)).user
    language = person.locale or "fi"
    return calendar_file(entries_calendar(owned_entries(person), _("My publishing"), language))

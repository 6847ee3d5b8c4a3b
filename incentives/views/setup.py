"""Managers set a programme up: the programme, its categories and activity types."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from incentives import bp
from incentives.forms.management import ActivityTypeForm, CategoryForm, ProgrammeForm
from incentives.labels import Source, StandingView
from incentives.models import ActivityType, Category, Programme, manages
from incentives.operations.programmes import (
    ActivityDetails,
    CategoryNames,
    ProgrammeDetails,
    add_category,
    apply_details,
    create_programme,
    rename_category,
    save_activity_type,
)
from incentives.queries.links import linkable_courses, linkable_offerings
from paja.access import check, get_or_404, role_required
from paja.forms import SelectChoice, given
from paja.models import Organisation
from paja.perform import perform


def _programme_form(programme: Programme | None) -> ProgrammeForm:
    """The programme form with the workshops and courses it may count."""
    form = ProgrammeForm(obj=programme)
    form.offerings.choices = [SelectChoice(o.id, o.title) for o in linkable_offerings()]
    form.courses.choices = [SelectChoice(c.id, c.title) for c in linkable_courses()]
    if programme is not None and request.method == "GET":
        form.teams.data = "\n".join(t.name for t in programme.teams)
        form.offerings.data = [o.id for o in programme.offerings]
        form.courses.data = [c.id for c in programme.courses]
        form.standing_view.data = programme.standing_view.value
    return form


def _details(form: ProgrammeForm) -> ProgrammeDetails:
    """The programme form's values."""
    chosen_offerings = set(form.offerings.data or [])
    chosen_courses = set(form.courses.data or [])
    return ProgrammeDetails(
        name=given(form.name.data), purpose=given(form.purpose.data).strip(),
        starts_on=given(form.starts_on.data), ends_on=given(form.ends_on.data),
        standing_view=StandingView(form.standing_view.data),
        level_points=given(form.level_points.data), keep_days=given(form.keep_days.data),
        teams=(form.teams.data or "").splitlines(),
        offerings=[o for o in linkable_offerings() if o.id in chosen_offerings],
        courses=[c for c in linkable_courses() if c.id in chosen_courses],
    )  # fmt: skip


@bp.route("/new/<int:organisation_id>", methods=["GET", "POST"])
@role_required()
def new_programme(organisation_id: int) -> ResponseReturnValue:
    """A programme manager starts a programme with the seed's three categories."""
    organisation = get_or_404(Organisation, organisation_id, None)
    if not manages(organisation.id, current_user):
        abort(403)
    form = _programme_form(None)
    if form.validate_on_submit():
        done = perform(lambda: create_programme(organisation, _details(form)), form)
        if done.ok:
            flash(_("The programme is ready. Check its categories and activities."), "success")
            return redirect(url_for("incentives.edit_programme", programme_id=done.result.id))
    return render_template("incentives/programme_form.html", form=form, programme=None,
                           organisation=organisation)  # fmt: skip


@bp.route("/<int:programme_id>/edit", methods=["GET", "POST"])
@role_required()
def edit_programme(programme_id: int) -> ResponseReturnValue:
    """Change the programme; its categories and activity types are listed for editing."""
    item = get_or_404(Programme, programme_id, Programme.can_manage)
    form = _programme_form(item)
    if form.validate_on_submit() and perform(lambda: apply_details(item, _details(form)), form).ok:
        flash(_("The programme is saved."), "success")
        return redirect(url_for("incentives.edit_programme", programme_id=item.id))
    return render_template(
        "incentives/programme_form.html", form=form, programme=item,
        organisation=item.organisation, category_form=CategoryForm(formdata=None),
        source_labels=Source,
    )  # fmt: skip


@bp.post("/<int:programme_id>/categories")
@role_required()
def add_category_view(programme_id: int) -> ResponseReturnValue:
    """Add a category."""
    item = get_or_404(Programme, programme_id, Programme.can_manage)
    form = CategoryForm()
    if form.validate_on_submit():
        names = CategoryNames(
            given(form.name_fi.data), form.name_sv.data or "", form.name_en.data or ""
        )
        if perform(lambda: add_category(item, names), form).ok:
            flash(_("The category is added."), "success")
            return redirect(url_for("incentives.edit_programme", programme_id=item.id))
    return render_template(
        "incentives/category_form.html", form=form, programme=item, category=None
    )


@bp.route("/categories/<int:category_id>", methods=["GET", "POST"])
@role_required()
def edit_category(category_id: int) -> ResponseReturnValue:
    """Rename a category in the three languages."""
    category = get_or_404(Category, category_id, None)
    item = check(get_or_404(Programme, category.programme_id, None), Programme.can_manage)
    form = CategoryForm(obj=category)
    if form.validate_on_submit():
        names = CategoryNames(
            given(form.name_fi.data), form.name_sv.data or "", form.name_en.data or ""
        )
        if perform(lambda: rename_category(category, names), form).ok:
            flash(_("The category is saved."), "success")
            return redirect(url_for("incentives.edit_programme", programme_id=item.id))
    return render_template(
        "incentives/category_form.html", form=form, programme=item, category=category
    )


def _activity_details(form: ActivityTypeForm) -> ActivityDetails:
    """The activity form's values."""
    return ActivityDetails(
        name=given(form.name.data), points=given(form.points.data),
        source=Source(form.source.data), evidence_required=bool(form.evidence_required.data),
        needs_approval=bool(form.needs_approval.data), cap_day=form.cap_day.data,
        cap_week=form.cap_week.data, cap_programme=form.cap_programme.data,
        active=bool(form.active.data),
    )  # fmt: skip


@bp.route("/categories/<int:category_id>/activities/new", methods=["GET", "POST"])
@role_required()
def new_activity(category_id: int) -> ResponseReturnValue:
    """Add an activity type to a category."""
    category = get_or_404(Category, category_id, None)
    item = check(get_or_404(Programme, category.programme_id, None), Programme.can_manage)
    form = ActivityTypeForm()
    saved = (
        form.validate_on_submit()
        and perform(lambda: save_activity_type(category, _activity_details(form)), form).ok
    )
    if saved:
        flash(_("The activity is saved."), "success")
        return redirect(url_for("incentives.edit_programme", programme_id=item.id))
    return render_template("incentives/activity_form.html", form=form, programme=item,
                           category=category, activity=None)  # fmt: skip


@bp.route("/activities/<int:activity_id>", methods=["GET", "POST"])
@role_required()
def edit_activity(activity_id: int) -> ResponseReturnValue:
    """Change an activity type (or take it out of use)."""
    activity = get_or_404(ActivityType, activity_id, None)
    category = activity.category
    item = check(get_or_404(Programme, category.programme_id, None), Programme.can_manage)
    form = ActivityTypeForm(obj=activity)
    if request.method == "GET":
        form.source.data = activity.source.value
    if form.validate_on_submit():
        details = _activity_details(form)
        if perform(lambda: save_activity_type(category, details, activity), form).ok:
            flash(_("The activity is saved."), "success")
            return redirect(url_for("incentives.edit_programme", programme_id=item.id))
    return render_template("incentives/activity_form.html", form=form, programme=item,
                           category=category, activity=activity)  # fmt: skip

"""Authoring courses and modules (admins and trainers): details, modules, order, preview."""

from __future__ import annotations

import sqlalchemy as sa
from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from wtforms import SelectChoice

from courses import bp
from courses.authoring import (
    CourseDetails,
    ModuleDetails,
    add_module,
    move_module,
    remove_module,
    save_course,
    update_module,
)
from courses.forms import CourseForm, ModuleForm
from courses.models import Course, Module
from paja.access import get_or_404, role_required
from paja.extensions import db
from paja.forms import ButtonForm
from paja.models import Role
from paja.views.util import perform
from trainings.models import Offering

EDITORS = (Role.ADMIN, Role.TRAINER)


@bp.get("/manage/")
@role_required(*EDITORS)
def manage() -> ResponseReturnValue:
    """The courses the user may edit."""
    statement = sa.select(Course).order_by(Course.title)
    if not current_user.has_role(Role.ADMIN):
        statement = statement.where(Course.author_id == current_user.id)
    return render_template("courses/manage.html", courses=db.session.scalars(statement).all())


def _course_form(course: Course | None) -> CourseForm:
    """The course form with the other courses as possible next ones."""
    form = CourseForm(obj=course)
    others = db.session.scalars(sa.select(Course).order_by(Course.title)).all()
    form.next_course.choices = [SelectChoice(0, _("None"))] + [
        SelectChoice(c.id, c.title) for c in others if course is None or c.id != course.id
    ]
    form.offerings.choices = [
        SelectChoice(o.id, o.title)
        for o in db.session.scalars(
            sa.select(Offering).where(Offering.active.is_(True)).order_by(Offering.title)
        )
    ]
    if course is not None and not form.is_submitted():
        form.next_course.data = course.next_course_id or 0
        form.offerings.data = [o.id for o in course.offerings]
    return form


def _details(form: CourseForm) -> CourseDetails:
    """The form's answers as operation input."""
    return CourseDetails(
        title=form.title.data,
        slug=form.slug.data,
        description=form.description.data or "",
        level=form.level.data,
        language=form.language.data,
        hours=form.hours.data,
        published=form.published.data,
        open_enrolment=form.open_enrolment.data,
        requires_feedback=form.requires_feedback.data,
        next_course_id=form.next_course.data or None,
        offerings=list(
            db.session.scalars(
                sa.select(Offering).where(Offering.id.in_(form.offerings.data or []))
            )
        ),
    )


@bp.route("/manage/new", methods=["GET", "POST"])
@bp.route("/manage/<int:course_id>", methods=["GET", "POST"])
@role_required(*EDITORS)
def edit_course(course_id: int | None = None) -> ResponseReturnValue:
    """Create or edit a course; its modules are listed below."""
    course = get_or_404(Course, course_id, "edit") if course_id else None
    form = _course_form(course)
    if form.validate_on_submit():
        saved = perform(lambda: save_course(current_user, course or Course(), _details(form)), form)
        if saved.ok:
            flash(_("%(name)s is saved.", name=saved.value.title), "success")
            return redirect(url_for("courses.edit_course", course_id=saved.value.id))
    return render_template(
        "courses/edit_course.html",
        form=form,
        course=course,
        module_form=ModuleForm(formdata=None, prefix="module"),
        button=ButtonForm(),
    )


def _module_details(form: ModuleForm) -> ModuleDetails:
    """The module form as operation input."""
    return ModuleDetails(
        form.title.data,
        form.body.data or "",
        form.minutes.data,
        form.required.data,
        form.tasks_text.data or "",
    )


@bp.post("/manage/<int:course_id>/modules")
@role_required(*EDITORS)
def add_module_view(course_id: int) -> ResponseReturnValue:
    """Add a module at the end of a course."""
    course = get_or_404(Course, course_id, "edit")
    form = ModuleForm(prefix="module")  # the course form on the same page has a title too
    if (
        form.validate_on_submit()
        and perform(lambda: add_module(course, _module_details(form)), form).ok
    ):
        flash(_("The module is added."), "success")
        return redirect(url_for("courses.edit_course", course_id=course.id))
    return render_template(
        "courses/edit_course.html",
        form=_course_form(course),
        course=course,
        module_form=form,
        button=ButtonForm(),
    )


@bp.route("/modules/<int:module_id>/edit", methods=["GET", "POST"])
@role_required(*EDITORS)
def edit_module(module_id: int) -> ResponseReturnValue:
    """Edit a module."""
    module = get_or_404(Module, module_id, "edit")
    form = ModuleForm(obj=module)
    if (
        form.validate_on_submit()
        and perform(lambda: update_module(module, _module_details(form)), form).ok
    ):
        flash(_("The module is saved."), "success")
        return redirect(url_for("courses.edit_course", course_id=module.course_id))
    return render_template("courses/edit_module.html", form=form, module=module)


@bp.post("/modules/<int:module_id>/<any(up, down, remove):action>")
@role_required(*EDITORS)
def change_module(module_id: int, action: str) -> ResponseReturnValue:
    """Move a module up or down, or remove it."""
    module = get_or_404(Module, module_id, "edit")
    course_id = module.course_id
    if ButtonForm().validate_on_submit():
        if action == "remove":
            perform(lambda: remove_module(module))
        else:
            perform(lambda: move_module(module, -1 if action == "up" else 1))
    return redirect(
        url_for("courses.edit_course", course_id=course_id) + request.args.get("anchor", "")
    )

"""Authoring courses and modules (admins and trainers): details, modules, order, preview."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from courses import bp
from courses.forms.courses import CourseForm, ModuleForm
from courses.models import Course, Module
from courses.operations import authoring
from courses.queries.courses import all_courses, courses_editable_by, offerings_by_ids
from paja.access import get_or_404, role_required
from paja.forms import ButtonForm, SelectChoice, given
from paja.models import Role
from paja.perform import perform
from trainings.queries.catalogue import active_offerings

EDITORS = (Role.ADMIN, Role.TRAINER)


@bp.get("/manage/")
@role_required(*EDITORS)
def manage() -> ResponseReturnValue:
    """The courses the user may edit."""
    return render_template("courses/manage.html", courses=courses_editable_by(current_user))


def _course_form(course: Course | None) -> CourseForm:
    """The course form with the other courses as possible next ones."""
    form = CourseForm(obj=course)
    form.next_course.choices = [SelectChoice(0, _("None"))] + [
        SelectChoice(c.id, c.title) for c in all_courses() if course is None or c.id != course.id
    ]
    form.offerings.choices = [SelectChoice(o.id, o.title) for o in active_offerings()]
    if course is not None and not form.is_submitted():
        form.next_course.data = course.next_course_id or 0
        form.offerings.data = [o.id for o in course.offerings]
    return form


def _details(form: CourseForm) -> authoring.CourseDetails:
    """The form's answers as operation input."""
    return authoring.CourseDetails(
        title=given(form.title.data),
        slug=given(form.slug.data),
        description=form.description.data or "",
        level=form.level.data,
        language=form.language.data,
        hours=given(form.hours.data),
        published=form.published.data,
        open_enrolment=form.open_enrolment.data,
        requires_feedback=form.requires_feedback.data,
        next_course_id=form.next_course.data or None,
        offerings=offerings_by_ids(form.offerings.data or []),
    )


def _render_editor(course: Course | None, form: CourseForm, module_form: ModuleForm) -> str:
    """The course editor with its modules below."""
    return render_template(
        "courses/edit_course.html",
        form=form,
        course=course,
        module_form=module_form,
        button=ButtonForm(),
    )


@bp.route("/manage/new", methods=["GET", "POST"])
@bp.route("/manage/<int:course_id>", methods=["GET", "POST"])
@role_required(*EDITORS)
def edit_course(course_id: int | None = None) -> ResponseReturnValue:
    """Create or edit a course; its modules are listed below."""
    course = get_or_404(Course, course_id, Course.can_edit) if course_id else None
    form = _course_form(course)
    if form.validate_on_submit():
        saved = perform(
            lambda: authoring.save_course(current_user, course or Course(), _details(form)), form
        )
        if saved.ok:
            flash(_("%(name)s is saved.", name=saved.result.title), "success")
            return redirect(url_for("courses.edit_course", course_id=saved.result.id))
    return _render_editor(course, form, ModuleForm(formdata=None, prefix="module"))


def _module_details(form: ModuleForm) -> authoring.ModuleDetails:
    """The module form as operation input."""
    return authoring.ModuleDetails(
        given(form.title.data),
        form.body.data or "",
        given(form.minutes.data),
        form.required.data,
        form.tasks_text.data or "",
    )


@bp.post("/manage/<int:course_id>/modules")
@role_required(*EDITORS)
def add_module(course_id: int) -> ResponseReturnValue:
    """Add a module at the end of a course."""
    course = get_or_404(Course, course_id, Course.can_edit)
    form = ModuleForm(prefix="module")  # the course form on the same page has a title too
    if (
        form.validate_on_submit()
        and perform(lambda: authoring.add_module(course, _module_details(form)), form).ok
    ):
        flash(_("The module is added."), "success")
        return redirect(url_for("courses.edit_course", course_id=course.id))
    return _render_editor(course, _course_form(course), form)


@bp.route("/modules/<int:module_id>/edit", methods=["GET", "POST"])
@role_required(*EDITORS)
def edit_module(module_id: int) -> ResponseReturnValue:
    """Edit a module."""
    module = get_or_404(Module, module_id, Module.can_edit)
    form = ModuleForm(obj=module)
    if (
        form.validate_on_submit()
        and perform(lambda: authoring.update_module(module, _module_details(form)), form).ok
    ):
        flash(_("The module is saved."), "success")
        return redirect(url_for("courses.edit_course", course_id=module.course_id))
    return render_template("courses/edit_module.html", form=form, module=module)


@bp.post("/modules/<int:module_id>/<any(up, down, remove):action>")
@role_required(*EDITORS)
def change_module(module_id: int, action: str) -> ResponseReturnValue:
    """Move a module up or down, or remove it."""
    module = get_or_404(Module, module_id, Module.can_edit)
    course_id = module.course_id
    if ButtonForm().validate_on_submit():
        if action == "remove":
            perform(lambda: authoring.remove_module(module))
        else:
            perform(lambda: authoring.move_module(module, -1 if action == "up" else 1))
    return redirect(
        url_for("courses.edit_course", course_id=course_id) + request.args.get("anchor", "")
    )

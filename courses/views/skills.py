"""Skill checks: taking a phase, the result with growth and advice, and a group's profile."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from courses import bp
from courses.forms.skills import AreaForm, KnowledgeForm, SkillCheckForm
from courses.labels import LEVEL_LABELS
from courses.models import PHASES, Course, Enrolment, SkillCheck
from courses.operations import skills
from courses.operations.enrolments import check_completion
from courses.queries.courses import course_by_slug
from courses.queries.enrolments import enrolment_of
from courses.queries.skills import (
    group_profile,
    latest,
    organisation_people,
    session_people,
    skill_check_of,
)
from courses.skill_exports import group_rows
from courses.skill_scores import growth, parse_sheet, recommendations
from paja.access import get_or_404, or_404, role_required
from paja.downloads import csv_file, xlsx_file
from paja.forms import SelectChoice, given
from paja.models import Organisation, Role
from paja.perform import perform
from trainings.models import TrainingSession


def _check_of(slug: str) -> tuple[Course, SkillCheck]:
    """A course and its skill check, or 404."""
    course = or_404(course_by_slug(slug))
    return course, or_404(skill_check_of(course))


def _taking(slug: str) -> tuple[Course, SkillCheck, Enrolment]:
    """A published course, its skill check and the user's enrolment (404 / 403 otherwise)."""
    course, check = _check_of(slug)
    if not course.published:
        abort(404)
    enrolment = enrolment_of(current_user, course)
    if enrolment is None:
        abort(403)
    return course, check, enrolment


@bp.route("/<slug>/skills/<any(before, after):phase>", methods=["GET", "POST"])
@role_required()
def take_skill_check(slug: str, phase: str) -> ResponseReturnValue:
    """Rate the statements and answer the knowledge questions of a phase."""
    course, check, enrolment = _taking(slug)
    if latest(check, current_user, phase) is not None and not check.allow_retake:
        return redirect(url_for("courses.skill_result", slug=slug))
    raw = request.form.to_dict(flat=False) if request.method == "POST" else {}
    errors: dict[str, str] = {}
    if request.method == "POST":
        ratings, chosen, errors = parse_sheet(check, raw)
        if not errors:
            done = perform(
                lambda: (
                    skills.take(check, current_user, phase, ratings, chosen),
                    check_completion(enrolment),
                )
            )
            if done.ok:
                flash(_("Your answers are saved."), "success")
                return redirect(url_for("courses.skill_result", slug=slug))
    return render_template(
        "courses/skill_check.html", course=course, check=check, phase=phase, raw=raw, errors=errors
    )


@bp.get("/<slug>/skills/result")
@role_required()
def skill_result(slug: str) -> ResponseReturnValue:
    """Scores per area, the level, advice on modules, and growth after the course."""
    course, check, _enrolment = _taking(slug)
    before, after = latest(check, current_user, "before"), latest(check, current_user, "after")
    if before is None:
        return redirect(url_for("courses.take_skill_check", slug=slug, phase="before"))
    shown = after or before
    return render_template(
        "courses/skill_result.html",
        course=course,
        check=check,
        before=before,
        after=after,
        scores={s.area_id: s.score for s in shown.scores},
        before_scores={s.area_id: s.score for s in before.scores},
        change=growth(before, after) if after else {},
        advice=recommendations(check, shown),
        explanations=check.questions,
    )


@bp.get("/<slug>/group")
@role_required(Role.ADMIN, Role.TRAINER, Role.CUSTOMER)
def group(slug: str) -> ResponseReturnValue:
    """A group's skill profile: a session's (for its trainers) or an organisation's (customers)."""
    course, check = _check_of(slug)
    session_id = request.args.get("session", type=int)
    organisation_id = request.args.get("organisation", type=int)
    if session_id:
        session = get_or_404(TrainingSession, session_id, TrainingSession.can_manage)
        members, label = session_people(session), session.title
    elif organisation_id:
        organisation = get_or_404(Organisation, organisation_id, Organisation.can_act_for_staff)
        members, label = organisation_people(organisation), organisation.name
    else:
        abort(404)
    before, after = group_profile(check, members, "before"), group_profile(check, members, "after")
    export = request.args.get("format")
    if export in {"csv", "xlsx"}:
        rows = group_rows(check, before, after, LEVEL_LABELS)
        name = f"paja-skills-{course.slug}"
        if export == "csv":
            return csv_file(rows, f"{name}.csv")
        return xlsx_file(_("Group skill profile"), rows, f"{name}.xlsx")
    return render_template(
        "courses/group.html",
        course=course,
        check=check,
        label=label,
        before=before,
        after=after,
        phases=PHASES,
    )


def _render_editor(
    course: Course,
    check: SkillCheck | None,
    form: SkillCheckForm,
    area_form: AreaForm,
    question_form: KnowledgeForm,
) -> str:
    """The skill-check editor, forms as given (fresh, or with errors)."""
    return render_template(
        "courses/edit_skills.html",
        course=course,
        check=check,
        form=form,
        area_form=area_form,
        question_form=question_form,
    )


@bp.route("/manage/<int:course_id>/skills", methods=["GET", "POST"])
@role_required(Role.ADMIN, Role.TRAINER)
def edit_skill_check(course_id: int) -> ResponseReturnValue:
    """A course's skill check: thresholds, competence areas and knowledge questions."""
    course = get_or_404(Course, course_id, Course.can_edit)
    check = skill_check_of(course)
    form = SkillCheckForm(obj=check)
    if form.validate_on_submit():
        saved = perform(
            lambda: skills.save_skill_check(
                course,
                given(form.intermediate_from.data),
                given(form.advanced_from.data),
                form.allow_retake.data,
            ),
            form,
        )
        if saved.ok:
            flash(_("The skill check is saved."), "success")
            return redirect(url_for("courses.edit_skill_check", course_id=course.id))
    return _render_editor(
        course, check, form, _area_form(course, None), _question_form(check, None)
    )


def _area_form(course: Course, formdata: object) -> AreaForm:
    """The area form with the course's modules to choose from."""
    form = AreaForm(formdata=formdata, prefix="area")
    form.module.choices = [SelectChoice(0, _("None"))] + [
        SelectChoice(m.id, m.title) for m in course.modules
    ]
    return form


def _question_form(check: SkillCheck | None, formdata: object) -> KnowledgeForm:
    """The question form with the check's areas to choose from."""
    form = KnowledgeForm(formdata=formdata, prefix="question")
    form.area.choices = [SelectChoice(a.id, a.name) for a in (check.areas if check else [])]
    return form


@bp.post("/manage/<int:course_id>/skills/<any(areas, questions):part>")
@role_required(Role.ADMIN, Role.TRAINER)
def add_skill_part(course_id: int, part: str) -> ResponseReturnValue:
    """Add a competence area or a knowledge question."""
    course = get_or_404(Course, course_id, Course.can_edit)
    check = or_404(skill_check_of(course))
    area_form = _area_form(course, request.form if part == "areas" else None)
    question_form = _question_form(check, request.form if part == "questions" else None)
    if part == "areas" and area_form.validate():
        area = area_form
        added = perform(
            lambda: skills.add_area(
                check,
                given(area.name.data),
                given(area.statements_text.data),
                area.module.data or None,
            ),
            area,
        )
        if added.ok:
            flash(_("The competence area is added."), "success")
            return redirect(url_for("courses.edit_skill_check", course_id=course.id))
    if part == "questions" and question_form.validate():
        question = question_form
        asked = perform(
            lambda: skills.add_question(
                check,
                given(question.text.data),
                given(question.choices_text.data),
                given(question.correct.data),
                question.explanation.data or "",
                question.area.data,
            ),
            question,
        )
        if asked.ok:
            flash(_("The question is added."), "success")
            return redirect(url_for("courses.edit_skill_check", course_id=course.id))
    return _render_editor(
        course, check, SkillCheckForm(obj=check, formdata=None), area_form, question_form
    )

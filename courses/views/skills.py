"""Skill checks: taking a phase, the result with growth and advice, and a group's profile."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from wtforms import SelectChoice

from courses import bp
from courses.forms import AreaForm, KnowledgeForm, SkillCheckForm
from courses.models import Course, Enrolment
from courses.operations import check_completion
from courses.skill_models import PHASES, SkillCheck
from courses.skills import (
    add_area,
    add_question,
    group_profile,
    growth,
    latest,
    parse_sheet,
    recommendations,
    save_skill_check,
    skill_check_of,
    take,
)
from paja.access import get_or_404, role_required
from paja.extensions import db
from paja.models import Membership, Organisation, Role
from paja.views.util import perform
from trainings.models import Registration, RegistrationStatus, TrainingSession


def _check_for(slug: str) -> tuple[Course, SkillCheck, Enrolment]:
    """The course, its skill check and the user's enrolment (404 / 403 otherwise)."""
    course = db.session.scalar(
        sa.select(Course).where(Course.slug == slug, Course.published.is_(True))
    )
    check = skill_check_of(course) if course else None
    if course is None or check is None:
        abort(404)
    enrolment = db.session.scalar(
        sa.select(Enrolment).where(
            Enrolment.user_id == current_user.id, Enrolment.course_id == course.id
        )
    )
    if enrolment is None:
        abort(403)
    return course, check, enrolment


@bp.route("/<slug>/skills/<any(before, after):phase>", methods=["GET", "POST"])
@role_required()
def take_skill_check(slug: str, phase: str) -> ResponseReturnValue:
    """Rate the statements and answer the knowledge questions of a phase."""
    course, check, enrolment = _check_for(slug)
    if latest(check, current_user, phase) is not None and not check.allow_retake:
        return redirect(url_for("courses.skill_result", slug=slug))
    raw = request.form.to_dict(flat=False) if request.method == "POST" else {}
    errors: dict[str, str] = {}
    if request.method == "POST":
        ratings, chosen, errors = parse_sheet(check, raw)
        if not errors:
            done = perform(
                lambda: (
                    take(check, current_user, phase, ratings, chosen),
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
    course, check, _enrolment = _check_for(slug)
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
    course = db.session.scalar(sa.select(Course).where(Course.slug == slug))
    check = skill_check_of(course) if course else None
    if course is None or check is None:
        abort(404)
    session_id = request.args.get("session", type=int)
    organisation_id = request.args.get("organisation", type=int)
    if session_id:
        session = get_or_404(TrainingSession, session_id, "manage")
        members = sa.select(Registration.user_id).where(
            Registration.session_id == session.id,
            Registration.status == RegistrationStatus.CONFIRMED,
        )
        label = f"{session.title}"
    elif organisation_id:
        organisation = get_or_404(Organisation, organisation_id, "view")
        if not (current_user.has_role(Role.ADMIN) or current_user.has_role(Role.CUSTOMER)):
            abort(403)
        members = sa.select(Membership.user_id).where(Membership.organisation_id == organisation.id)
        label = organisation.name
    else:
        abort(404)
    return render_template(
        "courses/group.html",
        course=course,
        check=check,
        label=label,
        before=group_profile(check, members, "before"),
        after=group_profile(check, members, "after"),
        phases=PHASES,
    )


@bp.route("/manage/<int:course_id>/skills", methods=["GET", "POST"])
@role_required(Role.ADMIN, Role.TRAINER)
def edit_skill_check(course_id: int) -> ResponseReturnValue:
    """A course's skill check: thresholds, competence areas and knowledge questions."""
    course = get_or_404(Course, course_id, "edit")
    check = skill_check_of(course)
    form = SkillCheckForm(obj=check)
    area_form, question_form = _area_form(course, check, None), _question_form(check, None)
    if form.validate_on_submit():
        saved = perform(
            lambda: save_skill_check(
                course, form.intermediate_from.data, form.advanced_from.data, form.allow_retake.data
            ),
            form,
        )
        if saved.ok:
            flash(_("The skill check is saved."), "success")
            return redirect(url_for("courses.edit_skill_check", course_id=course.id))
    return render_template(
        "courses/edit_skills.html",
        course=course,
        check=check,
        form=form,
        area_form=area_form,
        question_form=question_form,
    )


def _area_form(course: Course, check: SkillCheck | None, formdata: object) -> AreaForm:
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
    course = get_or_404(Course, course_id, "edit")
    check = skill_check_of(course)
    if check is None:
        abort(404)
    area_form = _area_form(course, check, request.form if part == "areas" else None)
    question_form = _question_form(check, request.form if part == "questions" else None)
    if part == "areas" and area_form.validate():
        module_id = area_form.module.data or None
        if perform(
            lambda: add_area(check, area_form.name.data, area_form.statements_text.data, module_id),
            area_form,
        ).ok:
            flash(_("The competence area is added."), "success")
            return redirect(url_for("courses.edit_skill_check", course_id=course.id))
    if part == "questions" and question_form.validate():
        form = question_form
        added = perform(
            lambda: add_question(
                check,
                form.text.data,
                form.choices_text.data,
                form.correct.data,
                form.explanation.data or "",
                form.area.data,
            ),
            form,
        )
        if added.ok:
            flash(_("The question is added."), "success")
            return redirect(url_for("courses.edit_skill_check", course_id=course.id))
    return render_template(
        "courses/edit_skills.html",
        course=course,
        check=check,
        form=SkillCheckForm(obj=check, formdata=None),
        area_form=area_form,
        question_form=question_form,
    )

"""Learning: the course list, course and module pages, enrolment, progress and 'my learning'."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from courses import bp
from courses.certificate_models import Certificate
from courses.models import Course, Enrolment, EnrolmentKey, Module
from courses.operations import (
    continue_module,
    enrol,
    enrol_with_key,
    leave,
    make_key,
    mark_done,
    missing_for_completion,
    progress,
    progress_for,
    tick,
)
from courses.skills import latest, skill_check_of
from paja.access import role_required
from paja.extensions import db
from paja.forms import ButtonForm
from paja.markdown import render_markdown
from paja.models import Membership, Organisation, Role
from paja.views.util import perform
from trainings.models import Trainer, TrainingSession
from trainings.models.sessions import session_trainers


def _course(slug: str) -> Course:
    """A course the visitor may see (drafts only for their editors), or 404."""
    course = db.session.scalar(sa.select(Course).where(Course.slug == slug))
    if course is None or not course.can_view(current_user):
        abort(404)
    return course


def _enrolment(course: Course) -> Enrolment | None:
    """The logged-in user's enrolment on the course."""
    if not current_user.is_authenticated:
        return None
    return db.session.scalar(
        sa.select(Enrolment).where(
            Enrolment.user_id == current_user.id, Enrolment.course_id == course.id
        )
    )


@bp.get("/")
def catalogue() -> ResponseReturnValue:
    """Published courses."""
    courses = db.session.scalars(
        sa.select(Course).where(Course.published.is_(True)).order_by(Course.title)
    ).all()
    return render_template("courses/catalogue.html", courses=courses)


@bp.get("/<slug>")
def course(slug: str) -> ResponseReturnValue:
    """A course: what it teaches, its modules, and the visitor's progress."""
    item = _course(slug)
    enrolment = _enrolment(item)
    state = progress(enrolment) if enrolment else None
    check = skill_check_of(item)
    organisations = []
    if current_user.is_authenticated and current_user.has_role(Role.CUSTOMER):
        organisations = db.session.scalars(
            sa.select(Organisation).join(Membership).where(Membership.user_id == current_user.id)
        ).all()
    return render_template(
        "courses/course.html",
        course=item,
        description=render_markdown(item.description),
        enrolment=enrolment,
        progress=state,
        next_module=continue_module(enrolment, state.done) if enrolment else None,
        missing=missing_for_completion(enrolment)
        if enrolment and not enrolment.completed_at
        else [],
        organisations=organisations,
        keys=_keys(item, organisations),
        skill_check=check,
        group_sessions=_group_sessions(item) if check else [],
        skill_taken=bool(check and enrolment and latest(check, current_user, "before")),
        certificate=_certificate(enrolment),
        button=ButtonForm(),
    )


def _certificate(enrolment: Enrolment | None) -> Certificate | None:
    """The live certificate of a completed enrolment."""
    if enrolment is None or enrolment.completed_at is None:
        return None
    return db.session.scalar(
        sa.select(Certificate).where(
            Certificate.enrolment_id == enrolment.id, Certificate.superseded_by_id.is_(None)
        )
    )


def _group_sessions(course: Course) -> list[TrainingSession]:
    """Sessions of the course's workshops the user trains (all for admins), for group profiles."""
    if not current_user.is_authenticated or not current_user.has_role(Role.TRAINER, Role.ADMIN):
        return []
    statement = sa.select(TrainingSession).where(
        TrainingSession.offering_id.in_([o.id for o in course.offerings])
    )
    if not current_user.has_role(Role.ADMIN):
        trained = (
            sa.select(session_trainers.c.session_id)
            .join(Trainer)
            .where(Trainer.user_id == current_user.id)
        )
        statement = statement.where(TrainingSession.id.in_(trained))
    return list(db.session.scalars(statement.order_by(TrainingSession.starts_at.desc()).limit(20)))


def _keys(course: Course, organisations: list[Organisation]) -> list[EnrolmentKey]:
    """The enrolment links the customer's organisations have for this course."""
    if not organisations:
        return []
    return list(
        db.session.scalars(
            sa.select(EnrolmentKey).where(
                EnrolmentKey.course_id == course.id,
                EnrolmentKey.organisation_id.in_([o.id for o in organisations]),
            )
        )
    )


@bp.post("/<slug>/enrol")
@role_required()
def enrol_view(slug: str) -> ResponseReturnValue:
    """Enrol on an open course."""
    item = _course(slug)
    if ButtonForm().validate_on_submit() and perform(lambda: enrol(current_user, item)).ok:
        flash(_("You are on the course. Welcome!"), "success")
    return redirect(url_for("courses.course", slug=item.slug))


@bp.post("/<slug>/leave")
@role_required()
def leave_view(slug: str) -> ResponseReturnValue:
    """Leave a course."""
    item = _course(slug)
    enrolment = _enrolment(item)
    if (
        enrolment is not None
        and ButtonForm().validate_on_submit()
        and perform(lambda: leave(enrolment)).ok
    ):
        flash(_("You have left the course."), "info")
    return redirect(url_for("courses.course", slug=item.slug))


@bp.post("/<slug>/keys")
@role_required(Role.CUSTOMER, Role.ADMIN)
def make_key_view(slug: str) -> ResponseReturnValue:
    """Make an enrolment link for one's organisation."""
    item = _course(slug)
    organisation = db.session.get(Organisation, request.form.get("organisation", type=int) or 0)
    if organisation is None:
        abort(404)
    if (
        ButtonForm().validate_on_submit()
        and perform(lambda: make_key(current_user, item, organisation)).ok
    ):
        flash(_("The enrolment link is ready; share it with your staff."), "success")
    return redirect(url_for("courses.course", slug=item.slug))


@bp.route("/join/<token>", methods=["GET", "POST"])
@role_required()
def join(token: str) -> ResponseReturnValue:
    """Enrol with an organisation's link."""
    key = db.session.scalar(sa.select(EnrolmentKey).where(EnrolmentKey.token == token))
    if key is None:
        abort(404)
    if request.method == "POST" and ButtonForm().validate_on_submit():
        joined = perform(lambda: enrol_with_key(current_user, token))
        if joined.ok:
            flash(_("You are on the course. Welcome!"), "success")
            return redirect(url_for("courses.course", slug=key.course.slug))
    return render_template("courses/join.html", key=key, button=ButtonForm())


def _module(item: Course, module_id: int) -> tuple[Module, Enrolment | None]:
    """A module of the course and the user's enrolment; editors may preview without one."""
    module = db.session.get(Module, module_id)
    if module is None or module.course_id != item.id:
        abort(404)
    enrolment = _enrolment(item)
    if enrolment is None and not item.can_edit(current_user):
        abort(403)
    return module, enrolment


@bp.get("/<slug>/modules/<int:module_id>")
@role_required()
def module(slug: str, module_id: int) -> ResponseReturnValue:
    """A module: its text, its tasks to tick, and marking it done."""
    item = _course(slug)
    current, enrolment = _module(item, module_id)
    state = progress(enrolment) if enrolment else None
    modules = item.modules
    index = modules.index(current)
    return render_template(
        "courses/module.html",
        course=item,
        module=current,
        body=render_markdown(current.body),
        enrolment=enrolment,
        progress=state,
        previous=modules[index - 1] if index > 0 else None,
        following=modules[index + 1] if index + 1 < len(modules) else None,
        button=ButtonForm(),
    )


@bp.post("/<slug>/modules/<int:module_id>/done")
@role_required()
def done(slug: str, module_id: int) -> ResponseReturnValue:
    """Mark a module done or not done."""
    item = _course(slug)
    current, enrolment = _module(item, module_id)
    if enrolment is None:
        abort(403)
    finished = request.form.get("done") == "1"
    was_complete = enrolment.completed_at is not None
    if (
        ButtonForm().validate_on_submit()
        and perform(lambda: mark_done(enrolment, current, finished)).ok
    ):
        if enrolment.completed_at and not was_complete:
            flash(
                _(
                    "Congratulations, you have completed the course! "
                    "Your certificate is on the course page and in My learning."
                ),
                "success",
            )
        following = next((m for m in item.modules if m.position > current.position), None)
        if finished and following is not None:
            return redirect(url_for("courses.module", slug=item.slug, module_id=following.id))
    return redirect(url_for("courses.module", slug=item.slug, module_id=current.id))


@bp.post("/<slug>/modules/<int:module_id>/tasks/<int:task>")
@role_required()
def tick_view(slug: str, module_id: int, task: int) -> ResponseReturnValue:
    """Tick or untick a practical task."""
    item = _course(slug)
    current, enrolment = _module(item, module_id)
    if enrolment is None:
        abort(403)
    ticked = request.form.get("ticked") == "1"
    if ButtonForm().validate_on_submit():
        perform(lambda: tick(enrolment, current, task, ticked))
    return redirect(
        url_for("courses.module", slug=item.slug, module_id=current.id, _anchor=f"task-{task}")
    )


@bp.get("/my")
@role_required()
def my_learning() -> ResponseReturnValue:
    """The user's courses with progress and where to continue."""
    enrolments = db.session.scalars(
        sa.select(Enrolment)
        .where(Enrolment.user_id == current_user.id)
        .order_by(Enrolment.enrolled_at.desc())
    ).all()
    states = progress_for(list(enrolments))
    rows = [(e, states[e.id], continue_module(e, states[e.id].done)) for e in enrolments]
    certificates = db.session.scalars(
        sa.select(Certificate)
        .where(Certificate.user_id == current_user.id, Certificate.superseded_by_id.is_(None))
        .order_by(Certificate.achieved_on.desc())
    ).all()
    return render_template("courses/my_learning.html", rows=rows, certificates=certificates)

"""Learning: the course list, course and module pages, enrolment, progress and 'my learning'."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from courses import bp
from courses.models import Course, Enrolment, Module
from courses.operations import enrolments
from courses.queries.certificates import certificates_of, live_certificate
from courses.queries.courses import course_by_slug, group_sessions, published_courses
from courses.queries.enrolments import enrolment_of, enrolments_of, key_by_token, keys_for
from courses.queries.progress import continue_module, missing_for_completion, progress, progress_for
from courses.queries.skills import latest, skill_check_of
from paja.access import get_or_404, or_404, role_required
from paja.forms import ButtonForm
from paja.markdown import render_markdown
from paja.models import Organisation, Role
from paja.page_cache import cached_page
from paja.perform import perform
from paja.queries import organisations_of


def visible_course(slug: str) -> Course:
    """A course the visitor may see (drafts only for their editors), or 404."""
    course = or_404(course_by_slug(slug))
    if not course.can_view(current_user):
        abort(404)  # a draft's existence is not revealed
    return course


@bp.get("/")
@cached_page
def catalogue() -> ResponseReturnValue:
    """Published courses."""
    return render_template("courses/catalogue.html", courses=published_courses())


@bp.get("/<slug>")
@cached_page
def course(slug: str) -> ResponseReturnValue:
    """A course: what it teaches, its modules, and the visitor's progress."""
    item = visible_course(slug)
    enrolment = enrolment_of(current_user, item)
    state = progress(enrolment) if enrolment else None
    check = skill_check_of(item)
    organisations = organisations_of(current_user) if current_user.has_role(Role.CUSTOMER) else []
    return render_template(
        "courses/course.html",
        course=item,
        description=render_markdown(item.description),
        enrolment=enrolment,
        progress=state,
        next_module=continue_module(enrolment, state.done) if enrolment and state else None,
        missing=missing_for_completion(enrolment)
        if enrolment and not enrolment.completed_at
        else [],
        organisations=organisations,
        keys=keys_for(item, organisations),
        skill_check=check,
        group_sessions=group_sessions(item, current_user) if check else [],
        skill_taken=bool(check and enrolment and latest(check, current_user, "before")),
        after_check_due=bool(
            check and state and state.percent == 100 and not latest(check, current_user, "after")
        ),
        certificate=live_certificate(enrolment) if enrolment and enrolment.completed_at else None,
        button=ButtonForm(),
    )


@bp.post("/<slug>/enrol")
@role_required()
def enrol(slug: str) -> ResponseReturnValue:
    """Enrol on an open course."""
    item = visible_course(slug)
    if (
        ButtonForm().validate_on_submit()
        and perform(lambda: enrolments.enrol(current_user, item)).ok
    ):
        flash(_("You are on the course. Welcome!"), "success")
    return redirect(url_for("courses.course", slug=item.slug))


@bp.post("/<slug>/leave")
@role_required()
def leave(slug: str) -> ResponseReturnValue:
    """Leave a course."""
    item = visible_course(slug)
    enrolment = enrolment_of(current_user, item)
    if (
        enrolment is not None
        and ButtonForm().validate_on_submit()
        and perform(lambda: enrolments.leave(enrolment)).ok
    ):
        flash(_("You have left the course."), "info")
    return redirect(url_for("courses.course", slug=item.slug))


@bp.post("/<slug>/keys")
@role_required(Role.CUSTOMER, Role.ADMIN)
def make_key(slug: str) -> ResponseReturnValue:
    """Make an enrolment link for one's organisation."""
    item = visible_course(slug)
    organisation = get_or_404(Organisation, request.form.get("organisation", type=int), None)
    if (
        ButtonForm().validate_on_submit()
        and perform(lambda: enrolments.make_key(current_user, item, organisation)).ok
    ):
        flash(_("The enrolment link is ready; share it with your staff."), "success")
    return redirect(url_for("courses.course", slug=item.slug))


@bp.route("/join/<token>", methods=["GET", "POST"])
@role_required()
def join(token: str) -> ResponseReturnValue:
    """Enrol with an organisation's link."""
    key = or_404(key_by_token(token))
    if request.method == "POST" and ButtonForm().validate_on_submit():
        joined = perform(lambda: enrolments.enrol_with_key(current_user, token))
        if joined.ok:
            flash(_("You are on the course. Welcome!"), "success")
            return redirect(url_for("courses.course", slug=key.course.slug))
    return render_template("courses/join.html", key=key, button=ButtonForm())


def _module(item: Course, module_id: int) -> tuple[Module, Enrolment | None]:
    """A module of the course and the user's enrolment; editors may preview without one."""
    module = get_or_404(Module, module_id, None)
    if module.course_id != item.id:
        abort(404)
    enrolment = enrolment_of(current_user, item)
    if not item.can_open_modules(current_user, enrolment):
        abort(403)
    return module, enrolment


def _own_enrolment(item: Course, module_id: int) -> tuple[Module, Enrolment]:
    """A module of the course and the user's enrolment on it (403 without one)."""
    module, enrolment = _module(item, module_id)
    if enrolment is None:
        abort(403)
    return module, enrolment


@bp.get("/<slug>/modules/<int:module_id>")
@role_required()
def module(slug: str, module_id: int) -> ResponseReturnValue:
    """A module: its text, its tasks to tick, and marking it done."""
    item = visible_course(slug)
    current, enrolment = _module(item, module_id)
    modules = item.modules
    index = modules.index(current)
    return render_template(
        "courses/module.html",
        course=item,
        module=current,
        body=render_markdown(current.body),
        enrolment=enrolment,
        progress=progress(enrolment) if enrolment else None,
        previous=modules[index - 1] if index > 0 else None,
        following=modules[index + 1] if index + 1 < len(modules) else None,
        button=ButtonForm(),
    )


@bp.post("/<slug>/modules/<int:module_id>/done")
@role_required()
def done(slug: str, module_id: int) -> ResponseReturnValue:
    """Mark a module done or not done."""
    item = visible_course(slug)
    current, enrolment = _own_enrolment(item, module_id)
    finished = request.form.get("done") == "1"
    was_complete = enrolment.completed_at is not None
    if (
        ButtonForm().validate_on_submit()
        and perform(lambda: enrolments.mark_done(enrolment, current, finished)).ok
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
def tick(slug: str, module_id: int, task: int) -> ResponseReturnValue:
    """Tick or untick a practical task."""
    item = visible_course(slug)
    current, enrolment = _own_enrolment(item, module_id)
    ticked = request.form.get("ticked") == "1"
    if ButtonForm().validate_on_submit():
        perform(lambda: enrolments.tick(enrolment, current, task, ticked))
    return redirect(
        url_for("courses.module", slug=item.slug, module_id=current.id, _anchor=f"task-{task}")
    )


@bp.get("/my")
@role_required()
@cached_page
def my_learning() -> ResponseReturnValue:
    """The user's courses with progress and where to continue."""
    mine = enrolments_of(current_user)
    states = progress_for(mine)
    rows = [(e, states[e.id], continue_module(e, states[e.id].done)) for e in mine]
    return render_template(
        "courses/my_learning.html", rows=rows, certificates=certificates_of(current_user)
    )

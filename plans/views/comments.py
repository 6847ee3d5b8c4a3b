"""Comments: start a thread on a section, reply, edit or delete one's own, resolve; the list."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from paja.access import check, get_or_404, or_404, role_required
from paja.forms import ButtonForm, given
from paja.perform import perform
from plans import bp
from plans.forms.comments import CommentForm, comment_form
from plans.mentions import handles
from plans.models import Comment, Plan
from plans.operations.comments import delete_comment, edit_comment, post_comment, set_resolved
from plans.queries.comments import all_threads, comment_by_id
from plans.queries.plans import plan_people
from plans.worksheet import BY_KEY


def _comment(comment_id: int) -> tuple[Comment, Plan]:
    """A comment and its plan, for someone who may comment on the plan."""
    comment = or_404(comment_by_id(comment_id))
    plan = check(get_or_404(Plan, comment.plan_id, None), Plan.can_comment)
    return comment, plan


def _back(comment: Comment) -> ResponseReturnValue:
    """Back to the comment in its section."""
    target = url_for("plans.section", plan_id=comment.plan_id, key=comment.section_key)
    return redirect(f"{target}#comment-{comment.thread_id or comment.id}")


@bp.post("/<int:plan_id>/sections/<key>/comments")
@role_required()
def add_comment(plan_id: int, key: str) -> ResponseReturnValue:
    """Start a thread on a section; the people it mentions get a mail."""
    plan = get_or_404(Plan, plan_id, Plan.can_comment)
    or_404(BY_KEY.get(key))
    form = CommentForm()
    if form.validate_on_submit():
        body = given(form.body.data)
        done = perform(lambda: post_comment(plan, key, current_user, body, plan_people(plan)), form)
        if done.ok:
            flash(_("Your comment is posted."), "success")
            return _back(done.result)
    for error in form.body.errors:
        flash(error, "danger")
    return redirect(url_for("plans.section", plan_id=plan.id, key=key) + "#new-comment")


@bp.route("/comments/<int:comment_id>/reply", methods=["GET", "POST"])
@role_required()
def reply(comment_id: int) -> ResponseReturnValue:
    """Reply to a thread; those in the thread and the people mentioned get a mail."""
    thread, plan = _comment(comment_id)
    form = comment_form(_handles(plan))
    if form.validate_on_submit():
        body = given(form.body.data)
        people = plan_people(plan)
        done = perform(
            lambda: post_comment(plan, thread.section_key, current_user, body, people, thread), form
        )
        if done.ok:
            flash(_("Your reply is posted."), "success")
            return _back(done.result)
    return _comment_page(plan, thread, form, _("Reply"))


@bp.route("/comments/<int:comment_id>/edit", methods=["GET", "POST"])
@role_required()
def edit(comment_id: int) -> ResponseReturnValue:
    """Change one's own comment."""
    comment, plan = _comment(comment_id)
    if not comment.is_authors(current_user) or comment.deleted_at is not None:
        abort(403)
    form = comment_form(_handles(plan), data={"body": comment.body})
    if form.validate_on_submit():
        body = given(form.body.data)
        if perform(lambda: edit_comment(comment, current_user, body, plan_people(plan)), form).ok:
            flash(_("Your comment is changed."), "success")
            return _back(comment)
    return _comment_page(plan, comment, form, _("Edit the comment"))


def _comment_page(plan: Plan, comment: Comment, form: CommentForm, heading: str) -> str:
    """The page for replying to or editing a comment."""
    return render_template(
        "plans/comment.html", plan=plan, comment=comment, form=form, heading=heading,
        section=BY_KEY[comment.section_key],
    )  # fmt: skip


def _handles(plan: Plan) -> list[str]:
    """The handles of the people on the plan the user may mention (not their own)."""
    return [h for h, p in handles(plan_people(plan)).items() if p.id != current_user.id]


@bp.post("/comments/<int:comment_id>/delete")
@role_required()
def delete(comment_id: int) -> ResponseReturnValue:
    """Delete one's own comment."""
    comment, _plan = _comment(comment_id)
    if not comment.is_authors(current_user):
        abort(403)
    target = _back(comment)
    if (
        ButtonForm().validate_on_submit()
        and perform(lambda: delete_comment(comment, current_user)).ok
    ):
        flash(_("Your comment is deleted."), "success")
    return target


@bp.post("/comments/<int:comment_id>/resolve")
@role_required()
def resolve(comment_id: int) -> ResponseReturnValue:
    """Mark a thread resolved, or open it again."""
    comment, _plan = _comment(comment_id)
    resolved = request.form.get("resolved") == "1"
    if ButtonForm().validate_on_submit() and perform(lambda: set_resolved(comment, resolved)).ok:
        flash(
            _("The thread is resolved.") if resolved else _("The thread is open again."), "success"
        )
    return _back(comment)


@bp.get("/<int:plan_id>/comments")
@role_required()
def comments(plan_id: int) -> ResponseReturnValue:
    """All of a plan's threads, open ones first."""
    plan = get_or_404(Plan, plan_id, Plan.can_view)
    return render_template(
        "plans/comments.html", plan=plan, threads=all_threads(plan), sections=BY_KEY
    )

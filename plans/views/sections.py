"""A worksheet section: its questions and answers, its comments, and its version history."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from paja.access import get_or_404, or_404, role_required
from paja.forms import ButtonForm, given
from paja.perform import perform
from plans import bp
from plans.answers import section_completeness
from plans.forms.comments import comment_form
from plans.forms.sections import answers_from, section_form
from plans.mentions import handles
from plans.models import Plan
from plans.operations.sections import save_section
from plans.queries.comments import threads_of
from plans.queries.plans import history_of, plan_people, section_of
from plans.worksheet import BY_KEY, SECTIONS


def neighbours(key: str) -> tuple[str | None, str | None]:
    """The keys of the sections before and after this one."""
    keys = [s.key for s in SECTIONS]
    at = keys.index(key)
    return (keys[at - 1] if at else None), (keys[at + 1] if at + 1 < len(keys) else None)


@bp.route("/<int:plan_id>/sections/<key>", methods=["GET", "POST"])
@role_required()
def section(plan_id: int, key: str) -> ResponseReturnValue:
    """Read a section and its comments; editors save it (a newer save by a colleague is shown)."""
    item = get_or_404(Plan, plan_id, Plan.can_view)
    worksheet = or_404(BY_KEY.get(key))
    stored = or_404(section_of(item, key))
    form = section_form(worksheet, stored.answers, stored.version)
    theirs = None
    if request.method == "POST":
        if not item.can_edit(current_user):
            abort(403)
        if form.validate_on_submit():
            opened = str(form.version.data or "")
            seen = int(opened) if opened.isdigit() and len(opened) < 10 else -1
            answers = answers_from(worksheet, form)
            done = perform(lambda: save_section(item, key, answers, seen, current_user), form)
            if done.ok:
                flash(
                    _("The section is saved.") if done.result else _("Nothing changed."), "success"
                )
                return redirect(url_for("plans.section", plan_id=item.id, key=key))
            latest = given(section_of(item, key))
            if latest.version != seen:  # a colleague's newer save: show it, keep ours
                theirs = latest
                form.version.data = str(latest.version)
    others = [h for h, p in handles(plan_people(item)).items() if p.id != current_user.id]
    return render_template(
        "plans/section.html", plan=item, section=worksheet, stored=stored, form=form,
        theirs=theirs, threads=threads_of(item, key),
        comment_form=comment_form(others, formdata=None),
        done=section_completeness(worksheet, stored.answers), neighbours=neighbours(key),
        can_edit=item.can_edit(current_user), can_comment=item.can_comment(current_user),
        button=ButtonForm(),
    )  # fmt: skip


@bp.get("/<int:plan_id>/sections/<key>/history")
@role_required()
def history(plan_id: int, key: str) -> ResponseReturnValue:
    """Every saved version of a section: who changed which answers, and when."""
    item = get_or_404(Plan, plan_id, Plan.can_view)
    worksheet = or_404(BY_KEY.get(key))
    versions = history_of(item, key)
    changes = []
    for at, version in enumerate(versions):
        before = versions[at + 1].answers if at + 1 < len(versions) else {}
        changed = [
            q for q in worksheet.questions if before.get(q.key) != version.answers.get(q.key)
        ]
        changes.append((version, changed))
    return render_template("plans/history.html", plan=item, section=worksheet, changes=changes)

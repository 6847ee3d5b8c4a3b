"""Plans: the list, making one, its overview and settings, colleagues' roles, print and PDF."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user

from paja.access import get_or_404, role_required
from paja.downloads import pdf_file
from paja.forms import ButtonForm, SelectChoice, given
from paja.i18n import day
from paja.models import User
from paja.perform import perform
from paja.queries import organisations_of
from plans import bp
from plans.answers import plan_completeness, section_completeness
from plans.forms.plans import PERSONAL, DeletePlanForm, PlanForm, RoleForm
from plans.labels import ROLE_LABELS, PlanRole
from plans.models import Plan
from plans.operations.plans import (
    PlanDetails,
    apply_details,
    create_plan,
    delete_plan,
    give_role,
    take_role,
)
from plans.pdf import plan_pdf
from plans.queries.calendar import personal_feed
from plans.queries.comments import open_counts
from plans.queries.plans import (
    answers_of,
    attended_sessions,
    given_roles,
    plan_people,
    plans_of,
)
from plans.worksheet import SECTIONS
from trainings.models import TrainingSession


@bp.get("/")
@role_required()
def index() -> ResponseReturnValue:
    """The plans the user is on: their organisations', their own, and ones shared with them."""
    return render_template(
        "plans/index.html", mine=plans_of(current_user), feed=personal_feed(current_user),
        button=ButtonForm(),
    )  # fmt: skip


def _plan_form(plan: Plan | None) -> PlanForm:
    """The plan form with the user's organisations and attended sessions to choose from."""
    form = PlanForm(obj=plan)
    form.owner.choices = [SelectChoice(PERSONAL, _("My own plan"))] + [
        SelectChoice(str(o.id), o.name) for o in organisations_of(current_user)
    ]
    sessions = attended_sessions(plan.owner if plan else current_user)
    form.shared_session.choices = [SelectChoice("", _("Nobody"))] + [
        SelectChoice(str(s.id), f"{s.title}, {day(s.starts_at)}") for s in sessions
    ]
    if plan is not None and request.method == "GET":
        form.channels.data = [c.value for c in plan.channel_list]
        form.shared_session.data = str(plan.shared_session_id or "")
    return form


def _details(form: PlanForm) -> PlanDetails:
    """The plan form's values."""
    session_id = form.shared_session.data
    chosen = get_or_404(TrainingSession, int(session_id), None) if session_id else None
    return PlanDetails(
        title=given(form.title.data), language=given(form.language.data),
        channels=list(form.channels.data or []),
        requires_approval=bool(form.requires_approval.data),
        shared_session=chosen if form.owner.data == PERSONAL else None,
    )  # fmt: skip


@bp.route("/new", methods=["GET", "POST"])
@role_required()
def new_plan() -> ResponseReturnValue:
    """Start a plan from the worksheet, for an organisation or for oneself."""
    form = _plan_form(None)
    if form.validate_on_submit():
        chosen = form.owner.data
        organisation = next(
            (o for o in organisations_of(current_user) if str(o.id) == chosen), None
        )
        done = perform(lambda: create_plan(current_user, _details(form), organisation), form)
        if done.ok:
            flash(_("The plan is ready: fill in its sections in any order."), "success")
            return redirect(url_for("plans.plan", plan_id=done.result.id))
    return render_template("plans/form.html", form=form, plan=None)


@bp.get("/<int:plan_id>")
@role_required()
def plan(plan_id: int) -> ResponseReturnValue:
    """A plan's overview: sections with their completeness, comments, calendar and people."""
    item = get_or_404(Plan, plan_id, Plan.can_view)
    answers = answers_of(item)
    return render_template(
        "plans/plan.html", plan=item, sections=SECTIONS, open_comments=open_counts(item),
        done={s.key: section_completeness(s, answers.get(s.key, {})) for s in SECTIONS},
        total=plan_completeness(answers), role=item.role_of(current_user),
    )  # fmt: skip


@bp.route("/<int:plan_id>/settings", methods=["GET", "POST"])
@role_required()
def settings(plan_id: int) -> ResponseReturnValue:
    """The owner changes the plan's name, language, channels, approval rule and sharing."""
    item = get_or_404(Plan, plan_id, Plan.can_manage)
    form = _plan_form(item)
    form.owner.data = str(item.organisation_id or PERSONAL)
    if form.validate_on_submit() and perform(lambda: apply_details(item, _details(form)), form).ok:
        flash(_("The plan's settings are saved."), "success")
        return redirect(url_for("plans.plan", plan_id=item.id))
    return render_template("plans/form.html", form=form, plan=item, delete=DeletePlanForm())


@bp.post("/<int:plan_id>/delete")
@role_required()
def delete_plan_view(plan_id: int) -> ResponseReturnValue:
    """The owner deletes the plan with its sections, comments and calendar."""
    item = get_or_404(Plan, plan_id, Plan.can_manage)
    delete = DeletePlanForm()
    if delete.validate_on_submit() and perform(lambda: delete_plan(item), delete).ok:
        flash(_("The plan is deleted."), "success")
        return redirect(url_for("plans.index"))
    form = _plan_form(item)
    return render_template("plans/form.html", form=form, plan=item, delete=delete)


@bp.route("/<int:plan_id>/people", methods=["GET", "POST"])
@role_required()
def people(plan_id: int) -> ResponseReturnValue:
    """Who is on the plan; the owner gives colleagues the roles editor, commenter or viewer."""
    item = get_or_404(Plan, plan_id, Plan.can_view)
    everyone = plan_people(item)
    form = RoleForm()
    form.person.choices = [SelectChoice(p.id, p.name) for p in everyone if p.id != item.owner_id]
    if request.method == "POST":
        if not item.can_manage(current_user) or item.is_personal:
            abort(403)
        if form.validate_on_submit():
            colleague = next(p for p in everyone if p.id == form.person.data)
            role = PlanRole(form.role.data)
            if perform(lambda: give_role(item, colleague, role), form).ok:
                flash(
                    _("%(name)s is now: %(role)s.", name=colleague.name, role=_role(role)),
                    "success",
                )
                return redirect(url_for("plans.people", plan_id=item.id))
    return render_template(
        "plans/people.html", plan=item, people=everyone, given=given_roles(item), form=form,
        button=ButtonForm(),
    )  # fmt: skip


def _role(role: PlanRole) -> str:
    """A role's translated name."""
    return str(ROLE_LABELS[role])


@bp.post("/<int:plan_id>/people/<int:user_id>/remove")
@role_required()
def take_back_role(plan_id: int, user_id: int) -> ResponseReturnValue:
    """The owner takes back a colleague's role (they stay a viewer while a member)."""
    item = get_or_404(Plan, plan_id, Plan.can_manage)
    colleague = get_or_404(User, user_id, None)
    if ButtonForm().validate_on_submit() and perform(lambda: take_role(item, colleague)).ok:
        flash(_("%(name)s's role was taken back.", name=colleague.name), "success")
    return redirect(url_for("plans.people", plan_id=item.id))


@bp.get("/<int:plan_id>/print")
@role_required()
def print_view(plan_id: int) -> ResponseReturnValue:
    """The whole plan on one page for printing, in the plan's language."""
    item = get_or_404(Plan, plan_id, Plan.can_view)
    with force_locale(item.language):
        return render_template(
            "plans/print.html", plan=item, sections=SECTIONS, answers=answers_of(item)
        )


@bp.get("/<int:plan_id>/plan.pdf")
@role_required()
def pdf(plan_id: int) -> ResponseReturnValue:
    """The whole plan as a PDF in the plan's language."""
    item = get_or_404(Plan, plan_id, Plan.can_view)
    return pdf_file(plan_pdf(item, answers_of(item)), f"paja-plan-{item.id}.pdf")

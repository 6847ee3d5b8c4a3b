"""Managers decide on logged activities and give bonuses (or corrections) with a justification."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from incentives import bp
from incentives.forms.management import BonusForm, DecisionForm
from incentives.models import Programme
from incentives.operations.claims import approve, reject
from incentives.operations.ledger import give_bonus
from incentives.queries.programmes import active_participants, claim_by_id, waiting_claims
from paja.access import check, get_or_404, or_404, role_required
from paja.forms import SelectChoice, given
from paja.perform import perform


@bp.get("/<int:programme_id>/claims")
@role_required()
def claims(programme_id: int) -> ResponseReturnValue:
    """Activities waiting for a decision, oldest first."""
    item = get_or_404(Programme, programme_id, Programme.can_manage)
    return render_template(
        "incentives/claims.html", programme=item, claims=waiting_claims(item),
        form=DecisionForm(formdata=None),
    )  # fmt: skip


@bp.post("/claims/<int:claim_id>/<any(approve, reject):decision>")
@role_required()
def decide(claim_id: int, decision: str) -> ResponseReturnValue:
    """Approve, or reject with a reason the participant sees."""
    claim = or_404(claim_by_id(claim_id))
    item = check(get_or_404(Programme, claim.participant.programme_id, None), Programme.can_manage)
    form = DecisionForm()
    if form.validate_on_submit():
        reason = form.reason.data or ""
        if decision == "approve":
            done = perform(lambda: approve(claim, current_user, reason))
        else:
            done = perform(lambda: reject(claim, current_user, reason))
        if done.ok:
            flash(_("Approved.") if decision == "approve" else _("Rejected."), "success")
    return redirect(url_for("incentives.claims", programme_id=item.id))


@bp.route("/<int:programme_id>/bonus", methods=["GET", "POST"])
@role_required()
def bonus(programme_id: int) -> ResponseReturnValue:
    """Give extra points, or correct with negative ones, always with a justification."""
    item = get_or_404(Programme, programme_id, Programme.can_manage)
    people = active_participants(item)
    form = BonusForm()
    form.participant.choices = [SelectChoice(p.id, p.user.name if p.user else "") for p in people]
    form.category.choices = [SelectChoice(c.id, c.name) for c in item.categories]
    if form.validate_on_submit():
        person = next(p for p in people if p.id == form.participant.data)
        category = next(c for c in item.categories if c.id == form.category.data)
        points, why = given(form.points.data), given(form.justification.data)
        if perform(lambda: give_bonus(person, category, points, why, current_user), form).ok:
            flash(_("The points are given."), "success")
            return redirect(url_for("incentives.bonus", programme_id=item.id))
    return render_template("incentives/bonus.html", programme=item, form=form)

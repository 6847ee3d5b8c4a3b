"""A participant's pages: the programmes, joining and leaving, logging, standing and boards."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from incentives import bp
from incentives.forms.participation import ClaimForm, JoinForm
from incentives.labels import Source, StandingView, Visibility
from incentives.models import ActivityType, Participant, Programme, manages
from incentives.operations.claims import Evidence, log_activity
from incentives.operations.ledger import helsinki_today
from incentives.operations.participation import join, leave
from incentives.queries.programmes import (
    claims_of,
    ledger_of,
    managed_organisations,
    participant_of,
    programmes_of,
    staff_organisations,
)
from incentives.queries.standings import (
    my_standing,
    reached_level,
    recent_gains,
    team_boards,
    top_board,
)
from paja.access import get_or_404, role_required
from paja.forms import ButtonForm, SelectChoice, given
from paja.page_cache import cached_page
from paja.perform import perform


@bp.get("/")
@role_required()
def index() -> ResponseReturnValue:
    """The programmes of the user's organisations."""
    programmes = programmes_of(current_user)
    return render_template(
        "incentives/index.html", programmes=programmes,
        managed={p.id for p in programmes if manages(p.organisation_id, current_user)},
        manageable=managed_organisations(current_user),
        staff=staff_organisations(current_user),
    )  # fmt: skip


def _join_form(programme: Programme, participant: Participant | None) -> JoinForm:
    """The join form with the programme's teams, filled with the current choice."""
    form = JoinForm(obj=participant if request.method == "GET" else None)
    form.team.choices = [SelectChoice(0, _("No team"))] + [
        SelectChoice(t.id, t.name) for t in programme.teams
    ]
    if request.method == "GET" and participant is not None:
        form.team.data = participant.team_id or 0
    return form


def _claim_form(programme: Programme) -> ClaimForm:
    """The form for logging one of the programme's logged activity types."""
    form = ClaimForm()
    form.activity.choices = [
        SelectChoice(a.id, f"{c.name}: {a.name} ({a.points})")
        for c in programme.categories for a in c.activity_types
        if a.source == Source.LOGGED and a.active
    ]  # fmt: skip
    if request.method == "GET":
        form.done_on.data = helsinki_today()
    return form


@bp.get("/<int:programme_id>")
@role_required()
def programme(programme_id: int) -> ResponseReturnValue:
    """The programme: its purpose and rules, and one's own standing, activities and points."""
    item = get_or_404(Programme, programme_id, Programme.can_view)
    return _programme_page(item, _join_form(item, participant_of(item, current_user)),
                           _claim_form(item))  # fmt: skip


def _programme_page(item: Programme, join_form: JoinForm, claim_form: ClaimForm) -> str:
    """The programme page with the given forms (kept as typed after an error)."""
    me = participant_of(item, current_user)
    standing = my_standing(me) if me is not None and me.active else []
    return render_template(
        "incentives/programme.html", programme=item, me=me, join_form=join_form,
        claim_form=claim_form, button=ButtonForm(), today=helsinki_today(), standing=standing,
        claims=claims_of(me) if me else [], ledger=ledger_of(me) if me else [],
        manager=item.can_manage(current_user),
        relative=item.standing_view == StandingView.RELATIVE,
    )  # fmt: skip


@bp.post("/<int:programme_id>/join")
@role_required()
def join_programme(programme_id: int) -> ResponseReturnValue:
    """Join (or change how one appears): by name, by a pseudonym, or off the boards."""
    item = get_or_404(Programme, programme_id, Programme.can_view)
    form = _join_form(item, None)
    if form.validate_on_submit():
        team = next((t for t in item.teams if t.id == form.team.data), None)
        visibility = Visibility(form.visibility.data)
        pseudonym = form.pseudonym.data or ""
        done = perform(lambda: join(item, current_user, visibility, pseudonym, team), form)
        if done.ok:
            flash(_("You take part in %(name)s.", name=item.name), "success")
            return redirect(url_for("incentives.programme", programme_id=item.id))
    return _programme_page(item, form, _claim_form(item))


@bp.post("/<int:programme_id>/leave")
@role_required()
def leave_programme(programme_id: int) -> ResponseReturnValue:
    """Leave: off every board at once."""
    item = get_or_404(Programme, programme_id, Programme.can_view)
    me = participant_of(item, current_user)
    if me is None or not me.active:
        abort(404)
    if ButtonForm().validate_on_submit() and perform(lambda: leave(me)).ok:
        flash(_("You left the programme and no board shows you any more."), "success")
    return redirect(url_for("incentives.programme", programme_id=item.id))


@bp.post("/<int:programme_id>/log")
@role_required()
def log(programme_id: int) -> ResponseReturnValue:
    """Log an activity with its evidence."""
    item = get_or_404(Programme, programme_id, Programme.can_view)
    me = participant_of(item, current_user)
    if me is None or not me.active:
        abort(403)
    form = _claim_form(item)
    if form.validate_on_submit():
        activity = get_or_404(ActivityType, form.activity.data, None)
        evidence = Evidence(given(form.done_on.data), (form.evidence_link.data or "").strip(),
                            (form.evidence_text.data or "").strip())  # fmt: skip
        done = perform(lambda: log_activity(me, activity, evidence, helsinki_today()), form)
        if done.ok:
            waiting = done.result.status == "pending"
            flash(_("Logged: a manager will look at it.") if waiting
                  else _("Logged and counted."), "success")  # fmt: skip
            return redirect(
                url_for("incentives.programme", programme_id=item.id) + "#my-activities"
            )
    return _programme_page(item, _join_form(item, me), form)


@bp.get("/<int:programme_id>/boards")
@role_required()
@cached_page
def boards(programme_id: int) -> ResponseReturnValue:
    """The boards: the top ten per category, teams, who reached a level, who is rising."""
    item = get_or_404(Programme, programme_id, Programme.can_view)
    wanted = request.args.get("level", 3, type=int)
    wanted = min(max(wanted or 3, 1), 100)
    return render_template(
        "incentives/boards.html", programme=item, top=top_board(item), teams=team_boards(item),
        reached=reached_level(item, wanted), wanted=wanted, rising=recent_gains(item),
    )  # fmt: skip

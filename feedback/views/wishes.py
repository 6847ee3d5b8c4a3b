"""Theme-wish boards: organisers manage them; anyone with the link suggests and votes."""

from __future__ import annotations

import secrets

from flask import Response as HttpResponse
from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response as BaseResponse

from feedback import bp
from feedback.exports import wish_rows
from feedback.forms.wishes import BoardForm, WishForm
from feedback.labels import WISH_STATUS_LABELS
from feedback.models import Wish, WishBoard, WishStatus
from feedback.operations import wishes as rules
from feedback.queries.wishes import board_by_token, boards_of, ranked, voted_by, wish_of
from paja.access import get_or_404, or_404, role_required
from paja.downloads import csv_file
from paja.extensions import limiter
from paja.forms import ButtonForm, given
from paja.models import Role
from paja.perform import perform

ORGANISERS = (Role.ADMIN, Role.ORGANISER)
VOTER_COOKIE = "paja_voter"


@bp.route("/boards/", methods=["GET", "POST"])
@role_required(*ORGANISERS)
def boards() -> ResponseReturnValue:
    """The organiser's boards, and a new one."""
    form = BoardForm()
    if form.validate_on_submit():
        created = perform(
            lambda: rules.create_board(
                current_user, given(form.title.data), form.description.data or ""
            ),
            form,
        )
        if created.ok:
            return redirect(url_for("feedback.board", board_id=created.result.id))
    return render_template("feedback/boards.html", boards=boards_of(current_user), form=form)


@bp.get("/boards/<int:board_id>")
@role_required(*ORGANISERS)
def board(board_id: int) -> ResponseReturnValue:
    """The ranked wishes, with status, merging and export."""
    item = get_or_404(WishBoard, board_id, WishBoard.can_manage)
    if request.args.get("format") == "csv":
        return csv_file(wish_rows(item), f"paja-wishes-{item.id}.csv")
    return render_template(
        "feedback/board.html",
        board=item,
        wishes=ranked(item),
        button=ButtonForm(),
        statuses=WISH_STATUS_LABELS,
    )


def _wish(board: WishBoard, wish_id: object) -> Wish:
    """A wish of this board, or 404."""
    return or_404(wish_of(board, wish_id))


@bp.post("/boards/<int:board_id>/wishes/<int:wish_id>/status")
@role_required(*ORGANISERS)
def wish_status(board_id: int, wish_id: int) -> ResponseReturnValue:
    """Set a wish's status."""
    item = get_or_404(WishBoard, board_id, WishBoard.can_manage)
    wish = _wish(item, wish_id)
    value = request.form.get("status", "")
    if ButtonForm().validate_on_submit() and value in {s.value for s in WishStatus}:
        perform(lambda: rules.set_wish_status(wish, WishStatus(value)))
    return redirect(url_for("feedback.board", board_id=item.id))


@bp.post("/boards/<int:board_id>/merge")
@role_required(*ORGANISERS)
def merge_wishes(board_id: int) -> ResponseReturnValue:
    """Merge a duplicate wish into another; votes combine without double counting."""
    item = get_or_404(WishBoard, board_id, WishBoard.can_manage)
    source = _wish(item, request.form.get("source"))
    target = _wish(item, request.form.get("target"))
    if ButtonForm().validate_on_submit() and perform(lambda: rules.merge(item, source, target)).ok:
        flash(_("The wishes are merged."), "success")
    return redirect(url_for("feedback.board", board_id=item.id))


@bp.post("/boards/<int:board_id>/<any(open, closed):state>")
@role_required(*ORGANISERS)
def board_state(board_id: int, state: str) -> ResponseReturnValue:
    """Open or close a board for new wishes and votes."""
    item = get_or_404(WishBoard, board_id, WishBoard.can_manage)
    if ButtonForm().validate_on_submit():
        perform(lambda: rules.set_board_open(item, state == "open"))
    return redirect(url_for("feedback.board", board_id=item.id))


def _voter() -> tuple[str, str | None]:
    """Who votes: the account, else the browser's cookie (a new one when missing)."""
    if current_user.is_authenticated:
        return f"user:{current_user.id}", None
    cookie = request.cookies.get(VOTER_COOKIE, "")
    if len(cookie) == 32 and cookie.isalnum():
        return f"visitor:{cookie}", None
    fresh = secrets.token_hex(16)
    return f"visitor:{fresh}", fresh


@bp.route("/w/<token>", methods=["GET", "POST"])
@limiter.limit("20 per 10 minutes", methods=["POST"])
def wishes(token: str) -> ResponseReturnValue:
    """The public board: the ranked wishes, voting, and a form for a new wish."""
    item = or_404(board_by_token(token))
    form = WishForm()
    if form.validate_on_submit():
        added = perform(
            lambda: rules.add_wish(item, given(form.text.data), form.name.data or ""), form
        )
        if added.ok:
            flash(_("Thank you! Your wish is on the board."), "success")
            return redirect(url_for("feedback.wishes", token=token))
    voter, fresh = _voter()
    page = render_template(
        "feedback/wishes.html",
        board=item,
        wishes=ranked(item),
        voted=voted_by(item, voter),
        button=ButtonForm(),
        form=form,
    )
    return _with_voter_cookie(HttpResponse(page), fresh)


@bp.post("/w/<token>/vote/<int:wish_id>")
def vote_wish(token: str, wish_id: int) -> ResponseReturnValue:
    """Vote for a wish (once per person)."""
    item = or_404(board_by_token(token))
    wish = _wish(item, wish_id)
    voter, fresh = _voter()
    if ButtonForm().validate_on_submit():
        counted = perform(lambda: rules.vote(item, wish, voter))
        if counted.ok:
            flash(
                _("Your vote is counted.")
                if counted.result
                else _("You have already voted for this wish."),
                "info",
            )
    target = url_for("feedback.wishes", token=token, _anchor=f"wish-{wish.id}")
    return _with_voter_cookie(redirect(target), fresh)


def _with_voter_cookie(response: BaseResponse, fresh: str | None) -> BaseResponse:
    """Remember a new anonymous voter for a year."""
    if fresh:
        response.set_cookie(
            VOTER_COOKIE,
            fresh,
            max_age=365 * 24 * 3600,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure,
        )
    return response

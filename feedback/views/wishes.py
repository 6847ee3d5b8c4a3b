"""Theme-wish boards: organisers manage them; anyone with the link suggests and votes."""

from __future__ import annotations

import csv
import io
import secrets

import sqlalchemy as sa
from flask import Response as HttpResponse
from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from feedback import bp
from feedback.forms import BoardForm, WishForm
from feedback.labels import WISH_STATUS_LABELS
from feedback.models import Wish, WishBoard, WishStatus
from feedback.wishes import add_wish, create_board, merge, ranked, set_wish_status, vote, voted_by
from paja.access import get_or_404, role_required
from paja.extensions import db
from paja.forms import ButtonForm
from paja.models import Role
from paja.views.util import perform

ORGANISERS = (Role.ADMIN, Role.ORGANISER)
VOTER_COOKIE = "paja_voter"


@bp.route("/boards/", methods=["GET", "POST"])
@role_required(*ORGANISERS)
def boards() -> ResponseReturnValue:
    """The organiser's boards, and a new one."""
    form = BoardForm()
    if form.validate_on_submit():
        created = perform(
            lambda: create_board(current_user, form.title.data, form.description.data or ""), form
        )
        if created.ok:
            return redirect(url_for("feedback.board", board_id=created.value.id))
    statement = sa.select(WishBoard).order_by(WishBoard.created_at.desc())
    if not current_user.has_role(Role.ADMIN):
        statement = statement.where(WishBoard.owner_id == current_user.id)
    return render_template(
        "feedback/boards.html", boards=db.session.scalars(statement).all(), form=form
    )


@bp.get("/boards/<int:board_id>")
@role_required(*ORGANISERS)
def board(board_id: int) -> ResponseReturnValue:
    """The ranked wishes, with status, merging and export."""
    item = get_or_404(WishBoard, board_id, "manage")
    if request.args.get("format") == "csv":
        return _csv(item)
    return render_template(
        "feedback/board.html",
        board=item,
        wishes=ranked(item),
        button=ButtonForm(),
        statuses=WISH_STATUS_LABELS,
    )


def _csv(board: WishBoard) -> HttpResponse:
    """The ranked wishes as CSV."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([_("Wish"), _("Votes"), _("Status"), _("Name")])
    for item in ranked(board):
        writer.writerow(
            [
                item.wish.text,
                item.votes,
                WISH_STATUS_LABELS[item.wish.status],
                item.wish.author_name,
            ]
        )
    return HttpResponse(
        "\ufeff" + buffer.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename=paja-wishes-{board.id}.csv"},
    )


def _wish(board: WishBoard, wish_id: int | str | None) -> Wish:
    """A wish of this board, or 404."""
    wish = db.session.get(Wish, int(wish_id)) if str(wish_id or "").isdigit() else None
    if wish is None or wish.board_id != board.id:
        abort(404)
    return wish


@bp.post("/boards/<int:board_id>/wishes/<int:wish_id>/status")
@role_required(*ORGANISERS)
def wish_status(board_id: int, wish_id: int) -> ResponseReturnValue:
    """Set a wish's status."""
    item = get_or_404(WishBoard, board_id, "manage")
    wish = _wish(item, wish_id)
    value = request.form.get("status", "")
    if ButtonForm().validate_on_submit() and value in {s.value for s in WishStatus}:
        perform(lambda: set_wish_status(wish, WishStatus(value)))
    return redirect(url_for("feedback.board", board_id=item.id))


@bp.post("/boards/<int:board_id>/merge")
@role_required(*ORGANISERS)
def merge_wishes(board_id: int) -> ResponseReturnValue:
    """Merge a duplicate wish into another; votes combine without double counting."""
    item = get_or_404(WishBoard, board_id, "manage")
    source, target = (
        _wish(item, request.form.get("source")),
        _wish(item, request.form.get("target")),
    )
    if ButtonForm().validate_on_submit() and perform(lambda: merge(item, source, target)).ok:
        flash(_("The wishes are merged."), "success")
    return redirect(url_for("feedback.board", board_id=item.id))


@bp.post("/boards/<int:board_id>/<any(open, closed):state>")
@role_required(*ORGANISERS)
def board_state(board_id: int, state: str) -> ResponseReturnValue:
    """Open or close a board for new wishes and votes."""
    item = get_or_404(WishBoard, board_id, "manage")
    if ButtonForm().validate_on_submit():
        item.is_open = state == "open"
        db.session.commit()
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


def _public_board(token: str) -> WishBoard:
    """The board behind a public link."""
    item = db.session.scalar(sa.select(WishBoard).where(WishBoard.token == token))
    if item is None:
        abort(404)
    return item


@bp.route("/w/<token>", methods=["GET", "POST"])
def wishes(token: str) -> ResponseReturnValue:
    """The public board: the ranked wishes, voting, and a form for a new wish."""
    item = _public_board(token)
    form = WishForm()
    if form.validate_on_submit():
        added = perform(lambda: add_wish(item, form.text.data, form.name.data or ""), form)
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
    item = _public_board(token)
    wish = _wish(item, wish_id)
    voter, fresh = _voter()
    if ButtonForm().validate_on_submit():
        counted = perform(lambda: vote(item, wish, voter))
        if counted.ok:
            flash(
                _("Your vote is counted.")
                if counted.value
                else _("You have already voted for this wish."),
                "info",
            )
    target = url_for("feedback.wishes", token=token, _anchor=f"wish-{wish.id}")
    return _with_voter_cookie(redirect(target), fresh)


def _with_voter_cookie(response: HttpResponse, fresh: str | None) -> HttpResponse:
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

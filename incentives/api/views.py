"""The incentives API: programmes of one's organisations, one's own standing and the boards,
for those who may read the programme (its organisation's members)."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_smorest import abort

from incentives.api import PROGRAMMES_READ, blp
from incentives.api.schemas import BoardSchema, ProgrammePage, StandingSchema
from incentives.models import Programme
from incentives.queries.api import boards_of, programme_by_id, programmes_after, told_standing
from incentives.queries.programmes import participant_of
from paja.api import PageArgs, id_after, page_of, problems
from paja.api_tokens import api_token, personal_user, token_reaches, token_required


@blp.get("/programmes")
@blp.doc(security=[{"token": [PROGRAMMES_READ]}])
@token_required(PROGRAMMES_READ)
@blp.arguments(PageArgs, location="query", as_kwargs=True)
@blp.response(200, ProgrammePage)
@problems(blp, 400, 401, 403)
def list_programmes(limit: int, cursor: str | None) -> Any:
    """Programmes: an organisation token's organisation's; a personal token's, those of the
    organisations its holder belongs to."""
    token = api_token()
    rows = programmes_after(token.user, token.organisation_id, id_after(cursor), limit)
    return page_of(rows, limit, key=lambda programme: str(programme.id))


def _readable_programme(programme_id: int) -> Programme:
    """A programme the token may read (an organisation's token: that organisation's)."""
    programme = programme_by_id(programme_id)
    if programme is None or not token_reaches(programme.organisation_id, programme.can_view):
        abort(404)
    return programme


@blp.get("/programmes/<int:programme_id>/standing")
@blp.doc(security=[{"token": [PROGRAMMES_READ]}])
@token_required(PROGRAMMES_READ)
@blp.response(200, StandingSchema(many=True))
@problems(blp, 401, 403, 404)
def get_standing(programme_id: int) -> Any:
    """Your points, level and place per category and in total (needs a personal token)."""
    holder = personal_user()
    programme = _readable_programme(programme_id)
    me = participant_of(programme, holder)
    if me is None or not me.active:
        abort(404, message=_("You do not take part in this programme."))
    return told_standing(me)


@blp.get("/programmes/<int:programme_id>/boards")
@blp.doc(security=[{"token": [PROGRAMMES_READ]}])
@token_required(PROGRAMMES_READ)
@blp.response(200, BoardSchema(many=True))
@problems(blp, 401, 403, 404)
def get_boards(programme_id: int) -> Any:
    """Per category, the ten best, the teams (three or more) and who is rising; only those
    who chose to appear, by the name they chose."""
    return boards_of(_readable_programme(programme_id))

"""What the incentives API answers: what the pages show, no more."""

from __future__ import annotations

import marshmallow as ma

from paja.api import page_schema
from paja.links import absolute_url


class CategorySchema(ma.Schema):
    """A category points are counted in."""

    id = ma.fields.Integer(required=True)
    name = ma.fields.String(required=True, metadata={"description": "In the client's language."})


class ProgrammeSchema(ma.Schema):
    """An incentive programme of one's organisation."""

    id = ma.fields.Integer(required=True)
    name = ma.fields.String(required=True)
    organisation = ma.fields.String(attribute="organisation.name", required=True)
    purpose = ma.fields.String(required=True)
    starts_on = ma.fields.Date(required=True)
    ends_on = ma.fields.Date(required=True)
    standing_view = ma.fields.String(
        required=True,
        metadata={"description": "neighbours: places are told; relative: a top share only."},
    )
    categories = ma.fields.List(ma.fields.Nested(CategorySchema), required=True)
    url = ma.fields.Function(
        lambda p: absolute_url("incentives.programme", programme_id=p.id), required=True
    )


ProgrammePage = page_schema(ProgrammeSchema, "ProgrammePage")


class PlaceSchema(ma.Schema):
    """A place on a board: the rank and the name shown (a pseudonym if so chosen)."""

    rank = ma.fields.Integer(required=True)
    name = ma.fields.String(allow_none=True, required=True)


class StandingSchema(ma.Schema):
    """One's points, level and place in a category (or in total, with category null). The
    place is a rank with neighbours, or a top share, as the programme tells it; nothing
    before the first point."""

    category = ma.fields.Nested(CategorySchema, allow_none=True, required=True)
    points = ma.fields.Integer(required=True)
    level = ma.fields.Integer(required=True)
    rank = ma.fields.Integer(allow_none=True, required=True)
    of = ma.fields.Integer(allow_none=True, required=True)
    share = ma.fields.Integer(
        allow_none=True, required=True, metadata={"description": "Top 10, 25 or 50 per cent."}
    )
    neighbours = ma.fields.List(ma.fields.Nested(PlaceSchema), required=True)


class TeamSchema(ma.Schema):
    """A team with at least three on the boards: its average points per member."""

    name = ma.fields.String(required=True)
    members = ma.fields.Integer(required=True)
    average = ma.fields.Float(required=True)


class GainSchema(ma.Schema):
    """Someone rising: the points gained in the last 30 days."""

    name = ma.fields.String(attribute="shown_name", allow_none=True, required=True)
    points = ma.fields.Integer(required=True)


class BoardSchema(ma.Schema):
    """A category's boards: the ten best, the teams, who is rising."""

    category = ma.fields.Nested(CategorySchema, required=True)
    top = ma.fields.List(ma.fields.Nested(PlaceSchema), required=True)
    teams = ma.fields.List(ma.fields.Nested(TeamSchema), required=True)
    rising = ma.fields.List(ma.fields.Nested(GainSchema), required=True)

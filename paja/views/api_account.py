"""The shell's part of the REST API: the token holder's own account."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask_smorest import Blueprint

from paja.api import API_PREFIX, problems
from paja.api_tokens import ACCOUNT_SCOPE, personal_user, token_required

blp = Blueprint("api_account", __name__, url_prefix=API_PREFIX, description="Your own account.")


class MembershipSchema(ma.Schema):
    """An organisation the person belongs to."""

    id = ma.fields.Integer(attribute="organisation.id", required=True)
    name = ma.fields.String(attribute="organisation.name", required=True)


class AccountSchema(ma.Schema):
    """The token holder's account."""

    id = ma.fields.Integer(required=True)
    name = ma.fields.String(required=True)
    email = ma.fields.String(required=True)
    language = ma.fields.String(attribute="locale", allow_none=True, required=True)
    roles = ma.fields.Function(
        lambda user: sorted(user.roles),
        required=True,
        metadata={"type": "array", "items": {"type": "string"}},
    )
    organisations = ma.fields.List(
        ma.fields.Nested(MembershipSchema), attribute="memberships", required=True
    )


@blp.get("/me")
@blp.doc(security=[{"token": [ACCOUNT_SCOPE]}])
@token_required(ACCOUNT_SCOPE)
@blp.response(200, AccountSchema)
@problems(blp, 401, 403)
def me() -> Any:
    """Who the personal token belongs to: name, address, language, roles, organisations."""
    return personal_user()

"""API tokens for tests: a person's token carrying the scopes asked for."""

from __future__ import annotations

from paja.api_tokens import SCOPES, create_token
from paja.extensions import db
from paja.models import Organisation, User


def token_for(user: User, *scopes: str, organisation: Organisation | None = None) -> dict[str, str]:
    """The Authorization header of a new token of the user (every scope when none named)."""
    _token, text = create_token(user, "Testi", list(scopes or SCOPES), organisation)
    db.session.commit()
    return {"Authorization": f"Bearer {text}"}

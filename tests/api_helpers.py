"""API tokens for tests: a person's token carrying the scopes asked for."""

from __future__ import annotations

from flask.testing import FlaskClient

from paja.api_tokens import SCOPES, create_token
from paja.extensions import db
from paja.models import Organisation, User


def token_for(user: User, *scopes: str, organisation: Organisation | None = None) -> dict[str, str]:
    """The Authorization header of a new token of the user (every scope when none named)."""
    _token, text = create_token(user, "Testi", list(scopes or SCOPES), organisation)
    db.session.commit()
    return {"Authorization": f"Bearer {text}"}


def all_pages(
    client: FlaskClient, path: str, headers: dict[str, str] | None = None, limit: int = 7
) -> list[dict]:
    """Every item of a list, following next_cursor a few items at a time."""
    items: list[dict] = []
    cursor = ""
    for _ in range(100):
        joiner = "&" if "?" in path else "?"
        response = client.get(f"{path}{joiner}limit={limit}&cursor={cursor}", headers=headers)
        assert response.status_code == 200, response.get_json()
        page = response.get_json()
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return items
    raise AssertionError("the cursor never ended")

"""A separate process sending reset requests, for the test that limits hold across workers."""

from __future__ import annotations


def send_reset_requests(database: str, storage: str, count: int) -> list[int]:
    """Build an app as a gunicorn worker would and send `count` reset requests; their statuses."""
    from tests.conftest import make_app

    app = make_app(
        SQLALCHEMY_DATABASE_URI=database, RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI=storage
    )
    with app.app_context():
        client = app.test_client()
        return [
            client.post("/auth/forgot-password", data={"email": f"x{n}@example.fi"}).status_code
            for n in range(count)
        ]

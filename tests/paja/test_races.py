"""Racing requests keep the rules: one account per email, however many submit at once.

These tests commit for real, so each runs on a database of its own: a new SQLite file, or a
new PostgreSQL database copied from a migrated template (see `racing_app`).
"""

import sqlalchemy as sa
from flask import Flask

from paja.extensions import db
from paja.models import User
from tests.racing import race

RACERS = 12


def test_racing_signups_with_one_email_create_one_account(racing_app: Flask) -> None:
    password = "kolme-iloista-kissaa"
    requests = [
        {"name": f"Kilpailija {n}", "email": "RACE-same@example.fi".swapcase() if n % 2 else "race-same@example.fi",
         "password": password, "confirm": password}
        for n in range(RACERS)
    ]  # fmt: skip
    codes = race(racing_app, "/auth/signup", requests)
    assert sorted(codes) == [200] * (RACERS - 1) + [302]  # one redirect in, the others told why
    with racing_app.app_context():
        count = db.session.scalar(
            sa.select(sa.func.count()).select_from(User).where(User.email == "race-same@example.fi")
        )
    assert count == 1

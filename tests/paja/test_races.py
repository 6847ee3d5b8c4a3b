"""Racing requests keep the rules: one account per email, however many submit at once.

These tests commit for real, so each runs on a database of its own: a new SQLite file, or a
new PostgreSQL database copied from a migrated template (see `racing_app`).
"""

import sqlalchemy as sa
from flask import Flask

from paja.extensions import db
from paja.models import User
from paja.signups import PendingSignup, start_signup
from tests.racing import race

RACERS = 12


def test_racing_confirmations_of_one_email_create_one_account(racing_app: Flask) -> None:
    password = "kolme-iloista-kissaa"
    with racing_app.test_request_context():
        for n in range(RACERS):  # several sign-ups of one address, each with its own link
            start_signup("race-same@example.fi", f"Kilpailija {n}", password, "fi")
        db.session.commit()
        tokens = list(db.session.scalars(sa.select(PendingSignup.token)))
    links = [f"/auth/confirm/{token}" for token in tokens]
    codes = race(racing_app, links, [{}] * RACERS)
    assert sorted(codes) == [200] * (RACERS - 1) + [302]  # one in, the others told why
    with racing_app.app_context():
        count = db.session.scalar(
            sa.select(sa.func.count()).select_from(User).where(User.email == "race-same@example.fi")
        )
    assert count == 1

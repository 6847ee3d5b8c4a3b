"""Benchmark: 200 racing registrations for 30 seats (run by `make bench`, not by `make test`).

Prints `name: value unit` lines: registration_race_correct (1 when exactly 30 got a seat and
170 wait, else 0) and registrations_per_s, for the database in TEST_DATABASE_URL (or SQLite).
"""

from __future__ import annotations

import tempfile
import threading
import time
from pathlib import Path

import sqlalchemy as sa
from flask_migrate import upgrade

from paja.extensions import db
from tests.conftest import TEST_DATABASE_URL, make_app
from tests.trainings.factories import create_session
from trainings.models import Registration, RegistrationStatus

RACERS, SEATS = 200, 30


def main() -> None:
    """Race the registrations over HTTP (the test client in threads) and print the figures."""
    folder = Path(tempfile.mkdtemp())
    sqlite = TEST_DATABASE_URL.startswith("sqlite")
    url = f"sqlite:///{folder / 'bench.sqlite3'}" if sqlite else TEST_DATABASE_URL
    app = make_app(SQLALCHEMY_DATABASE_URI=url)
    with app.app_context():
        upgrade()
        session_id = create_session(capacity=SEATS).id
    barrier = threading.Barrier(RACERS + 1)
    codes: list[int] = []

    def run(n: int) -> None:
        client = app.test_client()
        barrier.wait()
        data = {"name": f"Henkilö {n}", "email": f"bench{n}@example.fi"}
        codes.append(
            client.post(f"/trainings/sessions/{session_id}/register", data=data).status_code
        )

    threads = [threading.Thread(target=run, args=(n,)) for n in range(RACERS)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    with app.app_context():
        counts = dict(
            db.session.execute(
                sa.select(Registration.status, sa.func.count())
                .where(Registration.session_id == session_id)
                .group_by(Registration.status)
            ).all()
        )
        db.engine.dispose()
    correct = codes.count(302) == RACERS and counts == {
        RegistrationStatus.CONFIRMED: SEATS,
        RegistrationStatus.WAITING: RACERS - SEATS,
    }
    backend = "sqlite" if sqlite else "postgresql"
    print(f"registration_race_correct[{backend}]: {int(correct)} bool")
    print(f"registrations_per_s[{backend}]: {RACERS / elapsed:.0f} req/s")


if __name__ == "__main__":
    main()

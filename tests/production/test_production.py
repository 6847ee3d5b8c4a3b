"""Production as documented: gunicorn.conf.py with two workers and the job worker, production
settings, on this run's database (SQLite or PostgreSQL). Pages answer, racing registrations
never overbook, their mails leave through the queue, and each worker stays small."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import sqlalchemy as sa
from flask import Flask

from paja.extensions import db
from tests.production.server import Server, serve
from tests.production.visitor import Visitor
from tests.trainings.factories import create_offering, create_session
from trainings.models import Registration, RegistrationStatus

RACERS, SEATS = 12, 4
WORKER_MB_LIMIT = 150


def race_for_seats(server: Server, session_id: int) -> list[int]:
    """Each racer opens the session page, then all send the form at once; their statuses."""
    barrier = threading.Barrier(RACERS)
    codes = [0] * RACERS
    page = f"/trainings/sessions/{session_id}"

    def run(index: int) -> None:
        visitor = Visitor(server.port, address=f"198.51.100.{index + 1}")
        token = visitor.get(page).csrf_token()
        form = {"csrf_token": token, "name": f"Kilpailija {index}",
                "email": f"race{index}@example.fi"}  # fmt: skip
        barrier.wait(timeout=30)
        codes[index] = visitor.post(f"{page}/register", form, referer=page).status

    threads = [threading.Thread(target=run, args=(index,)) for index in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return codes


def wait_for_mail(folder: Path, count: int) -> list[Path]:
    """The mails the job worker has written, once there are `count` (or after 30 s)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        mails = sorted(folder.glob("*.eml")) if folder.exists() else []
        if len(mails) >= count:
            return mails
        time.sleep(0.2)
    return sorted(folder.glob("*.eml")) if folder.exists() else []


def test_production_serves_races_and_mails(racing_app: Flask, tmp_path: Path) -> None:
    with racing_app.app_context():
        offering = create_offering()
        session_id, slug = create_session(offering, capacity=SEATS).id, offering.slug
        database_url = db.engine.url.render_as_string(hide_password=False)
    with serve(database_url, tmp_path) as server:
        visitor = Visitor(server.port)
        for path in ("/", "/trainings/", f"/trainings/{slug}", "/courses/", "/trainings/events/"):
            answer = visitor.get(path)
            assert answer.status == 200, (path, answer.text[:500])
            assert "max-age" in answer.headers["Strict-Transport-Security"]
        assert Visitor(server.port, host="paja.evil.example").get("/").status == 400
        assert Visitor(server.port).get("/healthz").status == 200

        codes = race_for_seats(server, session_id)
        assert codes == [302] * RACERS, (tmp_path / "gunicorn.log").read_text()[-4000:]
        mails = wait_for_mail(server.mail_folder, RACERS)
        assert len(mails) == RACERS, (tmp_path / "gunicorn.log").read_text()[-3000:]
        assert all(b"https://paja.test/" in mail.read_bytes() for mail in mails)

        children = server.children()
        assert sum("paja jobs" in command for command in children.values()) == 1
        workers = [pid for pid, command in children.items() if "paja jobs" not in command]
        assert len(workers) == 2
        for pid in workers:
            assert server.resident_mb(pid) < WORKER_MB_LIMIT
    with racing_app.app_context():
        statuses = db.session.scalars(
            sa.select(Registration.status).where(Registration.session_id == session_id)
        ).all()
    assert sorted(statuses) == sorted(
        [RegistrationStatus.CONFIRMED] * SEATS + [RegistrationStatus.WAITING] * (RACERS - SEATS)
    )
    assert not server.children()  # the job worker stopped with gunicorn

"""Mail leaves through a job queue: the request does not wait, failures are retried and shown
to admins, who can run a job that gave up once more."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

import paja.job_failures
import paja.mail
from paja.database import utcnow
from paja.extensions import db
from paja.job_failures import JobFailure, purge_failures
from paja.jobs import RETRIES, queue_of
from paja.mail import outbox
from paja.models import Role
from tests import factories
from tests.conftest import Auth, make_file_app
from tests.queue import work_through


def ask_for_reset_link(app: Flask) -> None:
    """Create an account and ask for its password link (a request that mails)."""
    with app.app_context():
        factories.create_user(email="kaisa@example.fi")
    response = app.test_client().post("/auth/forgot-password", data={"email": "kaisa@example.fi"})
    assert response.status_code in {200, 302}


def test_the_request_returns_before_the_mail_is_sent(queued_app: Flask) -> None:
    ask_for_reset_link(queued_app)
    with queued_app.app_context():
        huey = queue_of(queued_app).huey
        assert outbox() == [] and huey.pending_count() == 1
        assert work_through(huey) == 1
        assert [mail.to for mail in outbox()] == ["kaisa@example.fi"]


def test_a_failing_mail_is_retried_then_shown_to_admins_and_run_again(
    queued_app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    ask_for_reset_link(queued_app)
    real_deliver = paja.mail.deliver

    def refuse(mail: Any) -> None:
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(paja.mail, "deliver", refuse)
    with queued_app.app_context():
        huey = queue_of(queued_app).huey
        assert work_through(huey) == 1 + RETRIES
        failures = db.session.scalars(sa.select(JobFailure).order_by(JobFailure.id)).all()
        assert [failure.final for failure in failures] == [False] * RETRIES + [True]
        assert failures[-1].description.startswith("kaisa@example.fi: ")
        assert "mail server down" in failures[-1].error
        assert outbox() == []
        last = failures[-1].id
        admin_email = factories.create_user(roles={Role.ADMIN}).email
    client = queued_app.test_client()
    client.post("/auth/login", data={"email": admin_email, "password": factories.PASSWORD})
    page = client.get("/admin/jobs").get_data(as_text=True)
    assert page.count("kaisa@example.fi") == 1 + RETRIES and "Gave up" not in page  # Finnish
    assert "Luovuttiin" in page and "Yritetään uudelleen" in page

    monkeypatch.setattr(paja.mail, "deliver", real_deliver)
    client.post(f"/admin/jobs/{last}/run", follow_redirects=True)
    with queued_app.app_context():
        assert work_through(queue_of(queued_app).huey) == 1
        assert [mail.to for mail in outbox()] == ["kaisa@example.fi"]
    again = client.post(f"/admin/jobs/{last}/run", follow_redirects=True)
    assert "vain kerran" in again.get_data(as_text=True)
    with queued_app.app_context():
        assert queue_of(queued_app).huey.pending_count() == 0


def test_a_job_that_will_be_retried_cannot_be_run_again(client: FlaskClient, auth: Auth) -> None:
    failure = factories.create_job_failure(final=False)
    auth.login(Role.ADMIN)
    page = client.post(f"/admin/jobs/{failure.id}/run", follow_redirects=True)
    assert "vain kerran" in page.get_data(as_text=True)
    assert db.session.get(JobFailure, failure.id).run_again_at is None


def test_a_mail_of_a_rolled_back_change_is_never_queued(app: Flask) -> None:
    anni = factories.create_user(email="anni@example.fi")
    paja.mail.send_mail(anni.email, "password_reset", "fi", user=anni, link="https://x")
    db.session.rollback()
    assert outbox() == []


def test_records_older_than_thirty_days_are_purged(app: Flask) -> None:
    old, new = factories.create_job_failure(), factories.create_job_failure()
    old.at = utcnow() - timedelta(days=31)
    db.session.commit()
    assert purge_failures(utcnow()) == 1
    assert db.session.get(JobFailure, new.id) is not None


def test_the_jobs_page_lists_many_failures_in_bounded_queries(
    client: FlaskClient, auth: Auth, count_queries: Any
) -> None:
    auth.login(Role.ADMIN)
    for number in range(60):
        factories.create_job_failure(to=f"person{number}@example.fi")
    with count_queries() as few:
        client.get("/admin/jobs")
    for number in range(60, 120):
        factories.create_job_failure(to=f"person{number}@example.fi")
    with count_queries() as many:
        page = client.get("/admin/jobs?page=2").get_data(as_text=True)
    assert "person59@example.fi" in page and len(many) == len(few)


def test_the_worker_command_refuses_immediate_mode(app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=["jobs"])
    assert result.exit_code != 0 and "immediate" in result.output


def test_an_unknown_queue_address_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="JOBS_URL"):
        make_file_app(tmp_path, migrate=False, JOBS_URL="ftp://queue")


def test_a_failure_that_cannot_be_recorded_is_still_retried(
    queued_app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    ask_for_reset_link(queued_app)

    def down(*args: Any) -> None:
        raise ConnectionRefusedError("everything is down")

    monkeypatch.setattr(paja.mail, "deliver", down)
    monkeypatch.setattr(paja.job_failures, "describe", down)  # recording fails too
    with queued_app.app_context():
        assert work_through(queue_of(queued_app).huey) == 1 + RETRIES
        assert db.session.scalar(sa.select(sa.func.count()).select_from(JobFailure)) == 0

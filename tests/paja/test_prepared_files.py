"""Large documents are made by a job: the request returns at once, the page says the file is on
its way, and only the person who asked for it can open it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from paja.database import utcnow
from paja.extensions import db
from paja.job_failures import JobFailure
from paja.jobs import queue_of
from paja.models import Role
from paja.prepared_files import FILE_KINDS, FileKind, FileStatus, PreparedFile, purge_files
from tests import factories
from tests.conftest import Auth
from tests.paja.files import made_file
from tests.queue import work_through
from tests.trainings.event_factories import create_event, create_organiser, days_of, register
from trainings.prepared import BADGES


def test_badges_are_made_off_the_request_and_kept_for_the_organiser(queued_app: Flask) -> None:
    with queued_app.app_context():
        organiser = create_organiser()
        email = organiser.email
        [day] = days_of(create_event(organiser, days=1, capacity=40))
        day_id = day.id
        for number in range(40):
            register(day.event, [day], name=f"Osallistuja {number}")
        assert work_through(queue_of(queued_app).huey) == 40  # their confirmation mails
    client = queued_app.test_client()
    client.post("/auth/login", data={"email": email, "password": factories.PASSWORD})
    asked = client.post(f"/trainings/events/days/{day_id}/badges")
    page = client.get(asked.location).get_data(as_text=True)
    assert "Tiedosto on tulossa" in page and "/download" not in page
    assert client.get(f"{asked.location}/download").status_code == 404
    with queued_app.app_context():
        assert work_through(queue_of(queued_app).huey) == 1
    page = client.get(asked.location).get_data(as_text=True)
    assert "Tiedosto on valmis." in page
    download = client.get(f"{asked.location}/download")
    assert download.mimetype == "application/pdf" and download.data.startswith(b"%PDF")
    listed = client.get("/files/").get_data(as_text=True)
    assert asked.location in listed and "valmis" in listed


def test_nobody_else_opens_a_file(client: FlaskClient, auth: Auth) -> None:
    owner = factories.create_user(roles={Role.ORGANISER})
    prepared = factories.create_prepared_file(owner)
    auth.login(Role.ADMIN)  # not even an admin: the file is the owner's
    assert client.get(f"/files/{prepared.token}").status_code == 403
    assert client.get(f"/files/{prepared.token}/download").status_code == 403
    assert prepared.token not in client.get("/files/").get_data(as_text=True)
    assert client.get("/files/not-a-token").status_code == 404
    auth.logout()
    assert client.get(f"/files/{prepared.token}/download").status_code == 302  # to log in


def test_a_file_whose_builder_fails_says_so(
    client: FlaskClient, auth: Auth, monkeypatch: pytest.MonkeyPatch
) -> None:
    organiser = auth.login(create_organiser())
    [day] = days_of(create_event(organiser, days=1))

    def broken(day_id: int) -> bytes:
        raise RuntimeError("out of paper")

    monkeypatch.setitem(FILE_KINDS, BADGES, FileKind(broken, "application/pdf"))
    asked = client.post(f"/trainings/events/days/{day.id}/badges")
    page = client.get(asked.location).get_data(as_text=True)
    assert "Tiedostoa ei saatu tehtyä" in page
    failure = db.session.scalars(sa.select(JobFailure)).one()
    assert "out of paper" in failure.error and "Nimikyltit" in failure.description


def test_the_file_page_speaks_the_askers_language(client: FlaskClient, auth: Auth) -> None:
    organiser = create_organiser()
    organiser.locale = "sv"
    db.session.commit()
    auth.login(organiser)
    [day] = days_of(create_event(organiser, days=1))
    register(day.event, [day], name="Åsa Öhman")
    asked = client.post(f"/trainings/events/days/{day.id}/badges")
    prepared = db.session.scalars(sa.select(PreparedFile)).one()
    assert prepared.locale.startswith("sv") and prepared.title.startswith("Namnbrickor: ")
    assert "Filen är klar." in client.get(asked.location).get_data(as_text=True)
    assert made_file(client, asked, ready="Filen är klar.").data.startswith(b"%PDF")


def test_files_are_deleted_after_a_day(app: Flask) -> None:
    owner = factories.create_user()
    old, new = factories.create_prepared_file(owner), factories.create_prepared_file(owner)
    old.created_at = utcnow() - timedelta(hours=25)
    db.session.commit()
    assert purge_files(utcnow()) == 1
    assert db.session.get(PreparedFile, new.id) is not None


def test_my_files_runs_bounded_queries(client: FlaskClient, auth: Auth, count_queries: Any) -> None:
    owner = auth.login(Role.TRAINER)
    factories.create_prepared_file(owner)
    with count_queries() as few:
        client.get("/files/")
    for _ in range(40):
        factories.create_prepared_file(owner, ready=False)
    with count_queries() as many:
        page = client.get("/files/").get_data(as_text=True)
    assert page.count("tekeillä") == 40 and len(many) == len(few)
    assert (
        db.session.scalar(
            sa.select(sa.func.count()).where(PreparedFile.status == FileStatus.PREPARING)
        )
        == 40
    )

"""Every form an anonymous visitor can repeat is rate-limited, per address, across processes."""

import multiprocessing
import threading
from pathlib import Path

import pytest
from flask import Flask

from paja.extensions import limiter
from paja.ratelimits import SQLiteStorage
from tests.factories import PASSWORD, create_user
from tests.paja.limits_worker import send_reset_requests


def test_too_many_login_attempts_get_429(limited_app: Flask) -> None:
    with limited_app.app_context():
        client = limited_app.test_client()
        data = {"email": "ei@example.fi", "password": "väärä-salasana"}
        codes = [client.post("/auth/login", data=data).status_code for _ in range(21)]
        assert codes[:20] == [200] * 20
        assert codes[20] == 429
        response = client.post("/auth/login", data=data)
        assert "Liian monta yritystä" in response.get_data(as_text=True)
        assert int(response.headers["Retry-After"]) > 0
        assert client.get("/auth/login").status_code == 200  # reading the page is not limited


def test_password_reset_requests_are_limited(limited_app: Flask) -> None:
    with limited_app.app_context():
        client = limited_app.test_client()
        codes = [
            client.post("/auth/forgot-password", data={"email": f"x{n}@example.fi"}).status_code
            for n in range(6)
        ]
        assert codes == [302] * 5 + [429]


def test_limits_hold_across_worker_processes(limited_app: Flask, tmp_path: Path) -> None:
    database = limited_app.config["SQLALCHEMY_DATABASE_URI"]
    storage = limited_app.config["RATELIMIT_STORAGE_URI"]
    assert storage.startswith("paja-sqlite:///")  # the default kind, no server needed
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        results = pool.starmap(
            send_reset_requests, [(database, storage, 5), (database, storage, 5)]
        )
    codes = sorted(results[0] + results[1])
    assert codes == [302] * 5 + [429] * 5  # 5 per 15 minutes in all, not 5 per process


def test_the_order_form_is_limited(limited_app: Flask) -> None:
    with limited_app.app_context():
        client = limited_app.test_client()
        codes = [client.post("/trainings/missing/order", data={}).status_code for _ in range(6)]
        assert codes[-1] == 429
        assert codes[:5] == [404] * 5


def test_anonymous_answers_and_wishes_are_limited(limited_app: Flask) -> None:
    with limited_app.app_context():
        client = limited_app.test_client()
        answers = [client.post("/feedback/a/unknown", data={}).status_code for _ in range(11)]
        wishes = [client.post("/feedback/w/unknown", data={}).status_code for _ in range(21)]
        assert answers == [404] * 10 + [429]
        assert wishes == [404] * 20 + [429]


def test_current_password_checks_are_limited_per_account(limited_app: Flask) -> None:
    with limited_app.app_context():
        user = create_user()
        client = limited_app.test_client()
        client.post("/auth/login", data={"email": user.email, "password": PASSWORD})
        wrong = {"current_password": "arvaus-numero-1", "password": "uusi-salasana-joka-kelpaa"}
        codes = [client.post("/account/password", data=wrong).status_code for _ in range(11)]
        assert codes == [200] * 10 + [429]


def test_every_other_form_has_the_default_limit(limited_app: Flask) -> None:
    with limited_app.app_context():
        client = limited_app.test_client()
        codes = [
            client.post("/language", data={"language": "sv", "next": "/"}).status_code
            for _ in range(61)
        ]
        assert codes == [302] * 60 + [429]
        assert client.get("/").status_code == 200  # reading pages is not counted


def test_behind_a_proxy_each_visitor_is_counted_by_their_own_address(tmp_path: Path) -> None:
    from tests.conftest import make_file_app

    app = make_file_app(
        tmp_path,
        PAJA_PROXIES=1,
        RATELIMIT_ENABLED=True,
        RATELIMIT_STORAGE_URI=f"paja-sqlite:///{tmp_path / 'limits.sqlite3'}",
    )
    try:
        with app.app_context():
            client = app.test_client()

            def ask(visitor: str) -> int:
                headers = {"X-Forwarded-For": visitor}
                data = {"email": "x@example.fi"}
                return client.post("/auth/forgot-password", data=data, headers=headers).status_code

            assert [ask("10.0.0.1") for _ in range(6)] == [302] * 5 + [429]
            assert ask("10.0.0.2") == 302  # another visitor behind the same proxy
    finally:
        limiter.reset()
        limiter.enabled = False


@pytest.mark.nodb
def test_workers_opening_a_new_counter_file_at_once_all_count(tmp_path: Path) -> None:
    for attempt in range(20):  # a fresh file each time: the moment it is switched to WAL
        path = tmp_path / f"ratelimits-{attempt}.sqlite3"
        barrier, counted = threading.Barrier(8), []

        def first_request(
            path: Path = path, barrier: threading.Barrier = barrier, counted: list = counted
        ) -> None:
            storage = SQLiteStorage(f"paja-sqlite://{path}")
            barrier.wait()
            counted.append(storage.incr("first-requests", 60))

        threads = [threading.Thread(target=first_request) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(counted) == list(range(1, 9))  # no "database is locked"


def test_the_api_is_limited_per_token_with_a_problem_document(limited_app: Flask) -> None:
    from paja.api import API_RATE
    from tests.api_helpers import token_for

    allowed = int(API_RATE.split()[0])
    with limited_app.app_context():
        client = limited_app.test_client()
        busy, other = token_for(create_user()), token_for(create_user())
        codes = [client.get("/api/v1/me", headers=busy).status_code for _ in range(allowed + 1)]
        assert codes == [200] * allowed + [429]
        refused = client.get("/api/v1/me", headers={**busy, "Accept-Language": "en"})
        assert refused.mimetype == "application/problem+json"
        assert refused.get_json()["detail"] == "Too many requests: wait a moment and try again."
        assert int(refused.headers["Retry-After"]) > 0
        assert client.get("/api/v1/me", headers=other).status_code == 200  # its own count

"""Racing requests: POST forms from many threads at the same moment."""

from __future__ import annotations

import threading
from collections.abc import Callable

from flask import Flask

from paja.extensions import db
from paja.models import User
from tests.conftest import Auth


def race(
    app: Flask,
    path: str | list[str],
    forms: list[dict],
    login: User | list[User] | None = None,
) -> list[int]:
    """POST each form from its own thread (logged in as `login`, or as its own user of a
    list), all released at once, to the path (or to its own path of a list); return the
    status codes in order."""
    barrier = threading.Barrier(len(forms))
    codes: list[int] = [0] * len(forms)

    def run(index: int, data: dict) -> None:
        client = app.test_client()
        who = login[index] if isinstance(login, list) else login
        if who is not None:
            Auth(client).login(who)
        barrier.wait()
        target = path if isinstance(path, str) else path[index]
        codes[index] = client.post(target, data=data).status_code

    threads = [threading.Thread(target=run, args=(i, data)) for i, data in enumerate(forms)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return codes


def race_json(app: Flask, path: str, bodies: list[dict], headers: dict[str, str]) -> list[int]:
    """POST each JSON body to the API from its own thread with the same token, all released
    at once; return the status codes in order."""
    barrier = threading.Barrier(len(bodies))
    codes: list[int] = [0] * len(bodies)

    def run(index: int, body: dict) -> None:
        client = app.test_client()
        barrier.wait()
        codes[index] = client.post(path, json=body, headers=headers).status_code

    threads = [threading.Thread(target=run, args=(i, body)) for i, body in enumerate(bodies)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return codes


def race_rounds(app: Flask, round_: Callable[[], object], rounds: int = 4) -> list[BaseException]:
    """Run a job worker's round in several threads at once, each in its own app context and
    transaction (committed); return what went wrong (a lost SQLite lock counts too)."""
    barrier = threading.Barrier(rounds)
    errors: list[BaseException] = []

    def run() -> None:
        with app.app_context():
            barrier.wait()
            try:
                round_()
                db.session.commit()
            except BaseException as error:
                errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(rounds)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors

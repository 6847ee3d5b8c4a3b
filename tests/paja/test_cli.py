"""The paja command: init, demo and create-user."""

from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

from paja.demo import DEMO_PASSWORD, DEMO_USERS, load_demo
from paja.extensions import db
from paja.models import Membership, Organisation, Role, User
from tests.conftest import make_file_app


@pytest.fixture
def file_app(tmp_path: Path) -> Flask:
    """An app on a new, empty SQLite file."""
    return make_file_app(tmp_path, migrate=False)


def row_counts() -> tuple[int, ...]:
    return tuple(
        db.session.scalar(sa.select(sa.func.count()).select_from(model))
        for model in (User, Organisation, Membership)
    )


def test_init_demo_and_create_user(file_app: Flask) -> None:
    runner = file_app.test_cli_runner()
    result = runner.invoke(args=["init"])
    assert result.exit_code == 0, result.output
    assert "up to date" in result.output
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    assert DEMO_PASSWORD in result.output
    for person in DEMO_USERS:
        assert person.email in result.output
    with file_app.app_context():
        first = row_counts()
    assert runner.invoke(args=["demo"]).exit_code == 0
    with file_app.app_context():
        assert (
            row_counts() == first == (24, 5, 21)
        )  # plus trainers, customers, TJS and ministry staff
    result = runner.invoke(
        args=["create-user", "Jaana@Example.fi", "--name", "Jaana Pohjola", "--role", "trainer"],
        input="vahva-salasana-jaanalle\nvahva-salasana-jaanalle\n",
    )
    assert result.exit_code == 0, result.output
    with file_app.app_context():
        user = db.session.scalar(sa.select(User).where(User.email == "jaana@example.fi"))
        assert user.roles == {Role.TRAINER}
        assert user.check_password("vahva-salasana-jaanalle")
    result = runner.invoke(
        args=["create-user", "jaana@example.fi", "--name", "Toinen"],
        input="vahva-salasana-jaanalle\nvahva-salasana-jaanalle\n",
    )
    assert result.exit_code == 1
    assert "already exists" in result.output


def test_create_user_refuses_a_weak_password_and_unknown_role(file_app: Flask) -> None:
    runner = file_app.test_cli_runner()
    runner.invoke(args=["init"])
    result = runner.invoke(
        args=["create-user", "a@example.fi", "--name", "A"], input="salasana1\nsalasana1\n"
    )
    assert result.exit_code == 1
    assert "at least 12 characters" in result.output
    result = runner.invoke(args=["create-user", "a@example.fi", "--name", "A", "--role", "king"])
    assert result.exit_code == 2


def test_demo_data_comes_from_the_seeds_and_loads_once(app: Flask) -> None:
    load_demo()
    first = row_counts()
    load_demo()
    assert row_counts() == first
    names = set(db.session.scalars(sa.select(Organisation.name)))
    assert {
        "Hämeen ELY-keskus",
        "Tuusulan kunta",
        "Paperinkeräys Oy",
        "TJS Opintokeskus",
        "Sisäministeriö",
    } <= names
    for person in DEMO_USERS:
        user = db.session.scalar(sa.select(User).where(User.email == person.email))
        assert person.role in user.roles
        assert user.check_password(DEMO_PASSWORD)

"""Fixtures: one app per run, a rolled-back transaction per test, clients, auth, query counts."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask, g, has_app_context, has_request_context, request
from flask.testing import FlaskClient
from flask_migrate import upgrade
from flask_sqlalchemy.session import Session

from paja import create_app
from paja.database import READING, WRITES_KEY
from paja.extensions import db, limiter
from paja.mail import Mail, outbox
from paja.models import Role, User
from paja.page_cache import page_cache
from tests import factories

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "sqlite://")
# Cheap hashing keeps tests fast; production uses werkzeug's default scrypt cost.
TEST_CONFIG: dict[str, Any] = {
    "TESTING": True,
    # The Open Badges signing key of the run: made on first use, never in the checkout.
    "OB3_KEY_FILE": str(Path(tempfile.mkdtemp(prefix="paja-ob3-")) / "ob3-ed25519.pem"),
    "SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
    "SQLALCHEMY_DATABASE_URI": TEST_DATABASE_URL,
    "WTF_CSRF_ENABLED": False,
    "MAIL_BACKEND": "memory",
    "RATELIMIT_ENABLED": False,
    "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",
    "SERVER_NAME": "localhost",
    "PAJA_BASE_URL": "http://localhost",
    "RATELIMIT_STORAGE_URI": "memory://",
    "CACHE_URL": "memory",
}
SQL_NOISE = (
    "SAVEPOINT",
    "RELEASE SAVEPOINT",
    "ROLLBACK TO SAVEPOINT",
    "BEGIN",
    "COMMIT",
    "ROLLBACK",
)


class ConnectionBoundSession(Session):
    """Flask-SQLAlchemy's session, but using the test's connection when one is bound."""

    def get_bind(self, *args: Any, **kwargs: Any) -> Any:
        """The bound connection, else the usual engine."""
        return self.bind or super().get_bind(*args, **kwargs)


class RequestScopedClient(FlaskClient):
    """A test client whose requests run as in production: each in its own app context.

    So each request has its own `g` and database session, and what a view flushed
    without committing is lost when the request ends.
    """

    def open(self, *args: Any, **kwargs: Any) -> Any:
        """Run the request in a fresh app context; the test then sees committed data anew."""
        in_test_context = has_app_context()
        if in_test_context:
            db.session.commit()  # the test's own savepoint must not enclose the request's
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        if in_test_context:
            db.session.expire_all()
        return response


def reset_schema() -> None:
    """Drop every table and build the schema from the Alembic migrations."""
    with db.engine.begin() as connection:
        db.metadata.drop_all(connection)
        connection.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
    upgrade()


_apps: list[Flask] = []


def pytest_report_header() -> str:
    """Say which database the run uses."""
    return f"paja test database: {sa.make_url(TEST_DATABASE_URL).get_backend_name()}"


def make_app(**overrides: Any) -> Flask:
    """An app with the test configuration plus overrides (its engine is closed at the end)."""
    app = create_app({**TEST_CONFIG, **overrides})
    _watch_reads(app)
    app.test_client_class = RequestScopedClient
    _apps.append(app)
    return app


@pytest.fixture(scope="session", autouse=True)
def _close_engines() -> Iterator[None]:
    """Close every test app's database connections when the run ends."""
    yield
    for app in _apps:
        with app.app_context():
            db.engine.dispose()


def make_file_app(folder: Path, migrate: bool = True, **overrides: Any) -> Flask:
    """A separate app on its own SQLite file (for tests that need real commits or other config)."""
    app = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{folder / 'paja.sqlite3'}", **overrides)
    if migrate:
        with app.app_context():
            upgrade()
    return app


@pytest.fixture(scope="session")
def _race_template() -> Iterator[sa.URL]:
    """A migrated PostgreSQL database that race tests copy (copying beats migrating anew)."""
    url = sa.make_url(TEST_DATABASE_URL)
    template = url.set(database=f"{url.database}_race_template")
    with _server(url) as server:
        server.execute(sa.text(f'DROP DATABASE IF EXISTS "{template.database}"'))
        server.execute(sa.text(f'CREATE DATABASE "{template.database}"'))
    app = make_app(SQLALCHEMY_DATABASE_URI=template.render_as_string(hide_password=False))
    with app.app_context():
        upgrade()
        db.engine.dispose()  # a template may have no connections while it is copied
    yield template
    with _server(url) as server:
        server.execute(sa.text(f'DROP DATABASE IF EXISTS "{template.database}"'))


@contextmanager
def _server(url: sa.URL) -> Iterator[sa.Connection]:
    """A connection for CREATE and DROP DATABASE (outside any transaction)."""
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


@pytest.fixture
def racing_app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Flask]:
    """An app whose requests commit, for race tests, on a database of its own: a new SQLite
    file, or a new PostgreSQL database copied from a migrated template and dropped after."""
    if TEST_DATABASE_URL.startswith("sqlite"):
        yield make_file_app(tmp_path)
        return
    template: sa.URL = request.getfixturevalue("_race_template")
    race = template.set(database=f"{template.database[: -len('template')]}{uuid.uuid4().hex[:12]}")
    with _server(template) as server:
        server.execute(sa.text(f'CREATE DATABASE "{race.database}" TEMPLATE "{template.database}"'))
    app = make_app(SQLALCHEMY_DATABASE_URI=race.render_as_string(hide_password=False))
    try:
        yield app
    finally:
        with app.app_context():
            db.engine.dispose()
        with _server(template) as server:
            server.execute(sa.text(f'DROP DATABASE IF EXISTS "{race.database}" WITH (FORCE)'))


@pytest.fixture
def queued_app(tmp_path: Path) -> Flask:
    """An app on its own SQLite file whose jobs wait in a SQLite queue until worked through
    (tests.queue.work_through), as in production."""
    return make_file_app(tmp_path, JOBS_URL=f"sqlite:///{tmp_path / 'jobs.sqlite3'}")


@pytest.fixture
def limited_app(tmp_path: Path) -> Iterator[Flask]:
    """An app with rate limits on; the shared limiter is switched off again afterwards."""
    app = make_file_app(
        tmp_path,
        RATELIMIT_ENABLED=True,
        RATELIMIT_STORAGE_URI=f"paja-sqlite:///{tmp_path / 'ratelimits.sqlite3'}",
    )
    try:
        yield app
    finally:
        limiter.reset()
        limiter.enabled = False


@pytest.fixture(scope="session")
def app() -> Flask:
    """The application, with a freshly migrated database."""
    app = make_app()
    with app.app_context():
        reset_schema()
    return app


DISPATCHING = "paja_test_dispatching"


def _watch_reads(app: Flask) -> None:
    """Note while the app dispatches a request (not the request context pytest-flask pushes
    around every test, in which the test's own factories write)."""

    @app.before_request
    def dispatching() -> None:
        setattr(g, DISPATCHING, True)

    @app.teardown_request
    def dispatched(error: BaseException | None) -> None:
        g.pop(DISPATCHING, None)


@sa.event.listens_for(sa.engine.Engine, "before_cursor_execute")
def _no_write_in_a_read(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
    """Fail a GET that writes unmarked: on SQLite its transaction began as a reader, and a
    reader that turns writer can fail with "database is locked" under load."""
    if not has_request_context() or not g.get(DISPATCHING):
        return
    if request.method not in READING or g.get(WRITES_KEY):
        return
    if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
        raise AssertionError(f"{request.method} {request.path} writes: mark its view @writes")


@pytest.fixture(autouse=True)
def _transaction(request: pytest.FixtureRequest) -> Iterator[None]:
    """Run each database test inside a transaction that is rolled back afterwards."""
    if "app" not in request.fixturenames or request.node.get_closest_marker("nodb"):
        yield
        return
    app: Flask = request.getfixturevalue("app")
    with app.app_context():
        connection = db.engine.connect()
        transaction = connection.begin()
        db.session.remove()
        factory = db.session.session_factory
        original_options = dict(factory.kw)
        factory.class_ = ConnectionBoundSession
        db.session.configure(bind=connection, join_transaction_mode="create_savepoint")
        outbox().clear()
        page_cache().renew()  # pages cached by an earlier test show its rolled-back rows
        try:
            yield
        finally:
            db.session.remove()
            factory.class_ = Session
            factory.kw = original_options
            transaction.rollback()
            connection.close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client that does not preserve request contexts (each request has its own)."""
    return app.test_client()


@pytest.fixture
def mails(app: Flask) -> list[Mail]:
    """The messages sent during the test."""
    return outbox()


class Auth:
    """Log the test client in as a user or as a fresh user holding a role."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client

    def login(self, who: User | Role | None = None) -> User:
        """Log in (without going through the password form, for speed)."""
        user = (
            who if isinstance(who, User) else factories.create_user(roles={who or Role.PARTICIPANT})
        )
        with self.client.session_transaction() as session:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True
        return user

    def logout(self) -> None:
        """Forget the login."""
        with self.client.session_transaction() as session:
            session.clear()


@pytest.fixture
def auth(client: FlaskClient) -> Auth:
    """Log in as any role: `auth.login(Role.ADMIN)`."""
    return Auth(client)


@pytest.fixture
def count_queries(app: Flask) -> Callable[..., Any]:
    """A context manager collecting the SQL statements run inside it (not BEGIN etc.); pages
    are rendered anew unless `kept=True` (what a page costs, not what its cached copy costs)."""

    @contextmanager
    def counter(kept: bool = False) -> Iterator[list[str]]:
        statements: list[str] = []
        if not kept:
            page_cache().renew()

        def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            if not statement.lstrip().upper().startswith(SQL_NOISE):
                statements.append(statement)

        sa.event.listen(db.engine, "before_cursor_execute", record)
        try:
            yield statements
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", record)

    return counter

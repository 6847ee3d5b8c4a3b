"""The declarative base, naming conventions and column types shared by all models."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum
from functools import wraps
from typing import Any, TypeVar

import sqlalchemy as sa
from flask import g, has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase

F = TypeVar("F", bound=Callable[..., Any])
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base class of every model; constraint names follow NAMING_CONVENTION."""

    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


def string_enum(enum: type[StrEnum], length: int = 20) -> sa.Enum:
    """A portable string column holding an enum's values (not its names)."""
    return sa.Enum(
        enum,
        native_enum=False,
        length=length,
        values_callable=lambda members: [m.value for m in members],
    )


class UTCDateTime(sa.TypeDecorator[datetime]):
    """A timezone-aware datetime stored as UTC on every database (SQLite included)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        """Refuse naive datetimes and store UTC."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware datetime (UTC)")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        """Give back an aware UTC datetime."""
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def render_migration_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    """Write UTCDateTime into migrations as a plain timezone-aware DateTime."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def utcnow() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)


@event.listens_for(Engine, "connect")
def _sqlite_on_connect(dbapi_connection: Any, connection_record: Any) -> None:
    """Make SQLite enforce foreign keys and let SQLAlchemy manage transactions."""
    module = type(dbapi_connection).__module__
    if not module.startswith("sqlite3"):
        return
    # pysqlite's own transaction handling breaks SAVEPOINT; SQLAlchemy emits BEGIN itself.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer (files only)
    cursor.close()


READING = frozenset({"GET", "HEAD", "OPTIONS"})
WRITES_KEY = "paja_writes"


def writes(view: F) -> F:
    """Mark a GET view that writes (an audit entry for a download): its transaction starts
    as a writer. Put it above the access decorators, which begin the transaction."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        setattr(g, WRITES_KEY, True)
        return view(*args, **kwargs)

    return wrapped  # type: ignore[return-value]


@event.listens_for(Engine, "begin")
def _sqlite_on_begin(connection: sa.Connection) -> None:
    """Start SQLite transactions of page reads as readers, every other one as a writer.

    In WAL mode readers never wait, so GET requests do not queue behind each other. A
    transaction that writes starts with BEGIN IMMEDIATE: two deferred transactions that both
    read and then write deadlock and fail at once with "database is locked"; immediate ones
    wait their turn (busy_timeout). Commands and jobs (no request) always write.
    """
    if connection.dialect.name != "sqlite":
        return
    reading = has_request_context() and request.method in READING and not g.get(WRITES_KEY)
    connection.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")

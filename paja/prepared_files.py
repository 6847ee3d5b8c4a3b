"""Large documents (a day's name badges, a session's certificates) made by a job, not while the
person waits: the request records what to make and returns; the file appears on the person's
own page (/files/<token>) when it is ready and is kept for FILE_HOURS.

Packages register kinds of files with `@file_kind`; a kind's builder gets the id the request
checked access to and returns the file's bytes.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

import sqlalchemy as sa
from flask_babel import force_locale, get_locale
from sqlalchemy.orm import Mapped, mapped_column

from paja.database import Base, UTCDateTime, string_enum, utcnow
from paja.extensions import db
from paja.jobs import job, queue
from paja.models import User
from paja.sql import changed

FILE_HOURS = 24


class FileStatus(StrEnum):
    """Where a prepared file stands."""

    PREPARING = "preparing"
    READY = "ready"
    FAILED = "failed"


@dataclass(frozen=True)
class FileKind:
    """How to make one kind of file."""

    build: Callable[[int], bytes]
    content_type: str


FILE_KINDS: dict[str, FileKind] = {}


Builder = Callable[[int], bytes]


def file_kind(name: str, content_type: str) -> Callable[[Builder], Builder]:
    """Register a builder: `build(key)` returns the bytes of a file of this kind."""

    def register(build: Builder) -> Builder:
        FILE_KINDS[name] = FileKind(build, content_type)
        return build

    return register


def _token() -> str:
    """An unguessable address part for one file."""
    return secrets.token_urlsafe(32)


class PreparedFile(Base):
    """A document being made, or made, for one person."""

    __tablename__ = "prepared_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(sa.String(64), unique=True, default=_token)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(sa.String(40))
    key: Mapped[int]
    title: Mapped[str] = mapped_column(sa.String(300))
    filename: Mapped[str] = mapped_column(sa.String(200))
    locale: Mapped[str] = mapped_column(sa.String(5))
    status: Mapped[FileStatus] = mapped_column(
        string_enum(FileStatus), default=FileStatus.PREPARING
    )
    data: Mapped[bytes | None] = mapped_column(sa.LargeBinary, deferred=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    ready_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def content_type(self) -> str:
        """The file's media type."""
        return FILE_KINDS[self.kind].content_type

    def belongs_to(self, user: User) -> bool:
        """Only the person who asked for a file sees it."""
        return user.is_authenticated and user.id == self.user_id


def prepare(user: User, kind: str, key: int, title: str, filename: str) -> PreparedFile:
    """Record a file to make and queue the job that makes it (access is checked by the view)."""
    if kind not in FILE_KINDS:
        raise LookupError(f"no file kind {kind!r}")
    prepared = PreparedFile(
        user_id=user.id,
        kind=kind,
        key=key,
        title=title,
        filename=filename,
        locale=str(get_locale() or "fi"),
    )
    db.session.add(prepared)
    db.session.flush()
    queue(make_file, prepared.id)
    return prepared


def _describe(file_id: int) -> str:
    """How admins see the job in the list of failures."""
    prepared = db.session.get(PreparedFile, file_id)
    return f"{prepared.title} ({prepared.filename})" if prepared else f"file {file_id}"


@job(describe=_describe)
def make_file(file_id: int) -> None:
    """Build a prepared file (a job); a file whose builder fails is marked failed."""
    prepared = db.session.get(PreparedFile, file_id)
    if prepared is None or prepared.status == FileStatus.READY:
        return  # deleted meanwhile, or made by an earlier attempt
    try:
        with force_locale(prepared.locale):
            data = FILE_KINDS[prepared.kind].build(prepared.key)
    except Exception:
        db.session.rollback()
        changed(
            sa.update(PreparedFile)
            .where(PreparedFile.id == file_id)
            .values(status=FileStatus.FAILED)
        )
        db.session.commit()
        raise
    prepared.data, prepared.status, prepared.ready_at = data, FileStatus.READY, utcnow()


def file_by_token(token: str) -> PreparedFile | None:
    """The file with that address part, if any."""
    return db.session.scalar(sa.select(PreparedFile).where(PreparedFile.token == token))


def files_of(user: User) -> list[PreparedFile]:
    """A person's files of the last FILE_HOURS, newest first."""
    return list(
        db.session.scalars(
            sa.select(PreparedFile)
            .where(PreparedFile.user_id == user.id)
            .order_by(PreparedFile.created_at.desc(), PreparedFile.id.desc())
        )
    )


def purge_files(now: datetime) -> int:
    """Delete files older than FILE_HOURS; returns how many."""
    cutoff = now - timedelta(hours=FILE_HOURS)
    return changed(sa.delete(PreparedFile).where(PreparedFile.created_at < cutoff))

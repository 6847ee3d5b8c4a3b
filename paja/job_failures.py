"""Failed runs of background jobs, as admins see them at /admin/jobs.

Every failed attempt is recorded; one with no retries left is final and can be run once more
from its stored message. Records are deleted after FAILURE_RETENTION_DAYS (`paja purge`),
since a mail's record holds its recipient and text.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from flask_sqlalchemy.pagination import Pagination
from huey import Huey
from huey.api import Task
from sqlalchemy.orm import Mapped, mapped_column

from paja.database import Base, UTCDateTime, utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.jobs import describe, queue_named, queue_of
from paja.queries import paginate
from paja.sql import changed

FAILURE_RETENTION_DAYS = 30


class JobFailure(Base):
    """One failed attempt of a background job."""

    __tablename__ = "job_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.String(300))
    error: Mapped[str] = mapped_column(sa.String(500))
    final: Mapped[bool] = mapped_column(default=False)
    message: Mapped[bytes] = mapped_column(sa.LargeBinary, deferred=True)
    run_again_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


def record_failure(huey: Huey, task: Task, error: BaseException | None, final: bool) -> None:
    """Note a failed attempt (and, when it was the last, keep the job to run it again)."""
    text = f"{type(error).__name__}: {error}" if error is not None else "?"
    db.session.add(
        JobFailure(
            name=task.name[:200],
            description=describe(task)[:300],
            error=text[:500],
            final=final,
            message=huey.serialize_task(task),
        )
    )


def failures() -> Pagination:
    """A page of failed attempts, newest first."""
    return paginate(sa.select(JobFailure).order_by(JobFailure.at.desc(), JobFailure.id.desc()))


def counts() -> dict[str, int]:
    """Jobs waiting in the queue and jobs waiting for a retry."""
    huey = queue_of(current_app).huey
    return {"queued": huey.pending_count(), "scheduled": huey.scheduled_count()}


def recent_failures(user: object, now: datetime) -> dict[str, Any]:
    """For the admin's start page: failed attempts of the last week, and those given up."""
    week = now - timedelta(days=7)
    failed, given_up = db.session.execute(
        sa.select(
            sa.func.count(JobFailure.id),
            sa.func.count(JobFailure.id).filter(
                JobFailure.final.is_(True), JobFailure.run_again_at.is_(None)
            ),
        ).where(JobFailure.at >= week)
    ).one()
    return {"failed": failed, "given_up": given_up}


def run_again(failure: JobFailure) -> None:
    """Queue a job that gave up once more (after the transaction commits)."""
    refusal = _("Only a job that gave up can be run again, and only once.")
    if not failure.final or failure.run_again_at is not None:
        raise RuleViolation(refusal)
    claimed = changed(
        sa.update(JobFailure)
        .where(JobFailure.id == failure.id, JobFailure.run_again_at.is_(None))
        .values(run_again_at=utcnow())
    )
    if not claimed:
        raise RuleViolation(refusal)
    task = queue_of(current_app).huey.deserialize_task(failure.message)
    queue_named(task.name, task.args)


def purge_failures(now: datetime) -> int:
    """Delete records older than the retention time; returns how many."""
    cutoff = now - timedelta(days=FAILURE_RETENTION_DAYS)
    return changed(sa.delete(JobFailure).where(JobFailure.at < cutoff))

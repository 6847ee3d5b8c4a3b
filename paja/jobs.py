"""Work done off the request (mail, bulk files), in a Huey queue.

`JOBS_URL` says where queued jobs wait: `immediate` runs each job at once in the process that
queued it (development and tests); `sqlite:///path` is a file on this machine that
`paja jobs` works through (the production default; `gunicorn.conf.py` starts it beside the
web workers, so one machine needs no other server); `redis://host:6379/0` lets workers on
several machines share one queue. A job is queued only when the transaction that asked for
it commits, runs in its own app context and transaction, and is retried when it fails; each
failure is recorded for admins (`/admin/jobs`), who can run a job that gave up once more.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, current_app
from huey import Huey, MemoryHuey, RedisHuey, SqliteHuey, crontab
from huey import signals as huey_signals
from huey.api import Task, TaskWrapper
from sqlalchemy import event
from sqlalchemy.orm import Session

from paja.extensions import db

JOBS_KEY = "paja.jobs"
PENDING_KEY = "paja.pending_jobs"
RETRIES = 5  # after the first attempt
RETRY_DELAY = 300  # seconds between attempts: 25 minutes in all before a job gives up


@dataclass(frozen=True)
class Job:
    """A function that may run off the request, and how admins see one of its runs."""

    function: Callable[..., None]
    describe: Callable[..., str]


@dataclass
class Queue:
    """One app's Huey instance and its tasks by job name."""

    huey: Huey
    tasks: dict[str, TaskWrapper]


JOBS: dict[str, Job] = {}


def job_name(function: Callable[..., object]) -> str:
    """The name a job is queued under: its module and function."""
    return f"{function.__module__}.{function.__qualname__}"


def job(describe: Callable[..., str]) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a function as a job; `describe(*args)` names one run of it for admins."""

    def register(function: Callable[..., None]) -> Callable[..., None]:
        JOBS[job_name(function)] = Job(function, describe)
        return function

    return register


PERIODIC: dict[str, tuple[int, Callable[[], None]]] = {}


def every(minutes: int) -> Callable[[Callable[[], None]], Callable[[], None]]:
    """Register a function the job worker runs every `minutes`, in its own transaction."""

    def register(function: Callable[[], None]) -> Callable[[], None]:
        PERIODIC[job_name(function)] = (minutes, function)
        return function

    return register


def queue(function: Callable[..., None], *args: Any) -> None:
    """Run a job once the current transaction commits (at once when none is open)."""
    queue_named(job_name(function), args)


def queue_named(name: str, args: tuple[Any, ...]) -> None:
    """Run the job of that name once the current transaction commits."""
    if name not in JOBS:
        raise LookupError(f"{name} is not registered with @job")
    session = db.session()
    if session.in_transaction():
        session.info.setdefault(PENDING_KEY, []).append((name, args))
    else:
        queue_of(current_app).tasks[name](*args)


@event.listens_for(Session, "after_commit")
def _queue_pending(session: Session) -> None:
    """Queue the jobs a committed transaction asked for."""
    pending = session.info.pop(PENDING_KEY, [])
    if pending:
        tasks = queue_of(current_app).tasks
        for name, args in pending:
            tasks[name](*args)


@event.listens_for(Session, "after_soft_rollback")
def _drop_pending(session: Session, previous_transaction: Any) -> None:
    """Forget the jobs of a rolled-back transaction (not of a rolled-back savepoint)."""
    if previous_transaction.parent is None:
        session.info.pop(PENDING_KEY, None)


def queue_of(app: Flask) -> Queue:
    """The app's job queue."""
    jobs: Queue = app.extensions[JOBS_KEY]
    return jobs


def describe(task: Task) -> str:
    """How admins see one run of a job."""
    spec = JOBS.get(task.name)
    return spec.describe(*task.args) if spec else task.name


def _huey(url: str) -> Huey:
    """A Huey instance for a JOBS_URL."""
    if url == "immediate":
        return MemoryHuey("paja", immediate=True, results=False)
    scheme = urlsplit(url).scheme
    if scheme == "sqlite":
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        return SqliteHuey("paja", filename=str(path), results=False)
    if scheme in {"redis", "rediss", "unix"}:
        return RedisHuey("paja", url=url, results=False)
    raise ValueError(f"JOBS_URL must be immediate, sqlite:///… or redis://…, not {url!r}")


def _runner(app: Flask, spec: Job) -> Callable[..., None]:
    """Run a job in its own app context and transaction."""

    def run(*args: Any) -> None:
        with app.app_context():
            try:
                spec.function(*args)
                db.session.commit()
            except BaseException:
                db.session.rollback()
                raise

    return run


def init_jobs(app: Flask) -> None:
    """Give the app its queue, with every registered job (call after every package loaded)."""
    from paja.job_failures import record_failure

    huey = _huey(app.config["JOBS_URL"])
    tasks = {
        name: huey.task(retries=RETRIES, retry_delay=RETRY_DELAY, name=name)(_runner(app, spec))
        for name, spec in JOBS.items()
    }

    for name, (minutes, function) in PERIODIC.items():
        spec = Job(function, lambda *args, name=name: name)
        huey.periodic_task(crontab(minute=f"*/{minutes}"), name=name)(_runner(app, spec))

    @huey.signal(huey_signals.SIGNAL_ERROR)
    def failed(signal: str, task: Task, error: BaseException | None = None) -> None:
        # Should recording fail too (the database may be what failed), Huey logs it and
        # still retries the job.
        with app.app_context():
            record_failure(huey, task, error, final=not task.retries)
            db.session.commit()

    app.extensions[JOBS_KEY] = Queue(huey, tasks)

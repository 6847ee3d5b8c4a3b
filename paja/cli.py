"""The `paja` command: Flask's CLI plus init, demo, purge, backup, restore and create-user."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext
from flask_babel import force_locale

from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import Role

PURGERS = "paja.purgers"  # app.extensions key: name -> function(now) returning a count


def _create_app() -> Flask:
    """The app for CLI commands."""
    from paja import create_app

    return create_app()


@click.command("init")
@with_appcontext
def init_command() -> None:
    """Create or upgrade the database schema (Alembic migrations)."""
    from flask_migrate import upgrade

    upgrade()
    click.echo("Database schema is up to date.")


@click.command("demo")
@with_appcontext
def demo_command() -> None:
    """Load demo organisations and one account per role (idempotent)."""
    from paja.demo import DEMO_PASSWORD, load_demo

    summary = load_demo()
    db.session.commit()
    click.echo(f"Demo data: {summary}.")
    click.echo(f"Demo accounts (password {DEMO_PASSWORD}):")
    from paja.demo import DEMO_USERS

    for person in DEMO_USERS:
        click.echo(f"  {person.role:<12} {person.email}")


@click.command("purge")
@with_appcontext
def purge_command() -> None:
    """Delete personal data past its retention time (run daily, e.g. from cron)."""
    from paja.database import utcnow

    now = utcnow()
    for name, purger in current_app.extensions.get(PURGERS, {}).items():
        count = purger(now)
        db.session.commit()
        click.echo(f"{name}: {count} deleted")


@click.command("generate")
@click.option("--scale", type=click.IntRange(1, 100), default=1, show_default=True,
              help="1 is about the demo's size, 100 about a big provider's year.")  # fmt: skip
@with_appcontext
def generate_command(scale: int) -> None:
    """Add realistic data in bulk, for benchmarks (not for production databases)."""
    import time

    from paja.generate import generate

    started = time.perf_counter()
    counts = generate(scale)
    for name, count in counts.items():
        click.echo(f"{name}: {count}")
    click.echo(f"generated at scale {scale} in {time.perf_counter() - started:.1f} s")


@click.command("jobs")
@click.option("--workers", type=click.IntRange(1, 16), default=2, show_default=True,
              help="Jobs run at the same time (threads).")  # fmt: skip
@with_appcontext
def jobs_command(workers: int) -> None:
    """Work through the job queue (mail, bulk files) until stopped; JOBS_URL says where."""
    from huey.consumer import Consumer

    from paja.jobs import queue_of

    huey = queue_of(current_app).huey
    if huey.immediate:
        raise click.ClickException("JOBS_URL is 'immediate': jobs already run where queued.")
    # SIGTERM (systemd's and gunicorn.conf.py's stop) lets jobs under way finish first.
    Consumer(
        huey,
        workers=workers,
        worker_type="thread",
        periodic=True,  # the rounds registered with paja.jobs.every (each claims its work)
        graceful_signal="TERM",
        shutdown_timeout=25,
    ).run()


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def backup_command(file: Path) -> None:
    """Write a consistent copy of the database to FILE (safe while Paja runs)."""
    from paja.backup import BackupError, backup

    try:
        backup(file)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Backup written to {file} ({file.stat().st_size} bytes).")


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.confirmation_option(prompt="This replaces every row in the database. Go on?")
@with_appcontext
def restore_command(file: Path) -> None:
    """Replace the whole database with the backup in FILE (stop Paja first)."""
    from paja.backup import BackupError, restore

    try:
        restore(file)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Database restored from {file}.")


@click.command("create-user")
@click.argument("email")
@click.option("--name", prompt=True, help="The person's full name.")
@click.option(
    "--role",
    "roles",
    multiple=True,
    type=click.Choice([role.value for role in Role]),
    default=[Role.PARTICIPANT.value],
    show_default=True,
    help="A role to give; repeat for several.",
)
@click.password_option(help="Asked without echo when not given.")
@with_appcontext
def create_user_command(email: str, name: str, roles: tuple[str, ...], password: str) -> None:
    """Create an account with the given roles."""
    from paja.operations import create_user

    try:
        with force_locale("en"):  # the command line speaks English, like its --help
            user = create_user(email, name, password, roles={Role(role) for role in roles})
    except RuleViolation as error:
        raise click.ClickException(error.message) from None
    db.session.commit()
    click.echo(f"Created {user.email} with roles {', '.join(sorted(user.roles))}.")


def register_commands(app: Flask) -> None:
    """Attach the commands to the app's CLI."""
    for command in (
        init_command,
        demo_command,
        purge_command,
        create_user_command,
        backup_command,
        generate_command,
        jobs_command,
        restore_command,
    ):
        app.cli.add_command(command)


@click.group(cls=FlaskGroup, create_app=_create_app)
def main() -> None:
    """Paja: manage the application."""

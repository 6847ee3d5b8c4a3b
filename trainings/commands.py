"""`paja trainings feedback` and `paja trainings reminders`: the job worker's rounds, for cron."""

from __future__ import annotations

import click

from paja.database import utcnow
from paja.extensions import db
from trainings import bp
from trainings.operations.feedback import send_due_feedback
from trainings.operations.reminders import remind_customers


@bp.cli.command("feedback")
def feedback_command() -> None:
    """Invite the attendees of ended sessions to give feedback (the job worker does this
    every 5 minutes; run it from cron where no worker runs)."""
    invited = send_due_feedback(utcnow())
    db.session.commit()
    click.echo(f"feedback links: {invited} people invited")


@bp.cli.command("reminders")
def reminders_command() -> None:
    """Remind customer contacts of their workshops starting soon, with the participant list
    (the job worker does this every hour)."""
    sent = remind_customers(utcnow())
    db.session.commit()
    click.echo(f"customer reminders: {sent} sent")

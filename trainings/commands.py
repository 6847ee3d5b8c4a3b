"""`paja trainings feedback`: send the feedback links of sessions that have ended."""

from __future__ import annotations

import click

from paja.database import utcnow
from paja.extensions import db
from trainings import bp
from trainings.operations.feedback import send_due_feedback


@bp.cli.command("feedback")
def feedback_command() -> None:
    """Invite the attendees of ended sessions to give feedback (the job worker does this
    every 5 minutes; run it from cron where no worker runs)."""
    invited = send_due_feedback(utcnow())
    db.session.commit()
    click.echo(f"feedback links: {invited} people invited")

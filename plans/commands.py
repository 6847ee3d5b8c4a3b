"""`paja plans remind`: the daily mail to owners of calendar entries due soon."""

from __future__ import annotations

import click

from paja.database import utcnow
from paja.extensions import db
from paja.i18n import wall_clock
from plans import bp
from plans.operations.reminders import send_reminders


@bp.cli.command("remind")
@click.option("--days", default=3, show_default=True, help="How many days ahead to look.")
def remind_command(days: int) -> None:
    """Mail the owners of calendar entries due in the coming days (run daily)."""
    sent = send_reminders(wall_clock(utcnow()).date(), days)
    db.session.commit()
    click.echo(f"plan reminders: {sent} mails")

"""Daily reminders to the owners of calendar entries due in the coming days."""

from __future__ import annotations

from datetime import date
from itertools import groupby

from paja.extensions import db
from paja.mail import send_mail
from plans.models import Entry
from plans.queries.calendar import due_for_reminder


def send_reminders(today: date, days: int = 3) -> int:
    """Mail each owner one list of their entries due soon (each entry once); how many mails."""
    sent = 0
    entries = [e for e in due_for_reminder(today, days) if e.owner and e.plan.can_view(e.owner)]
    for _owner_id, group in groupby(entries, key=lambda e: e.owner_id):
        mine: list[Entry] = list(group)
        owner = mine[0].owner
        assert owner is not None
        send_mail(owner.email, "plan_reminder", owner.locale, person=owner, entries=mine)
        for entry in mine:
            entry.reminded_on = today
        sent += 1
    db.session.flush()
    return sent

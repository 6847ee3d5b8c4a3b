"""Recurring entries: dates in Helsinki wall-clock time, so 10:00 stays 10:00 across DST."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice

from dateutil.rrule import MONTHLY, WEEKLY, rrule

from paja.i18n import helsinki

MAX_OCCURRENCES = 60


@dataclass(frozen=True)
class Repeat:
    """How an entry repeats: weekly or monthly, until a day or so many times in all."""

    every: str  # "week" or "month"
    until: date | None = None
    count: int | None = None


def occurrences(first: datetime, repeat: Repeat | None) -> list[datetime]:
    """The UTC start of each occurrence; `first` is a Helsinki wall-clock time (naive).

    Monthly entries on the 29th to 31st skip months without that day (as calendar apps do).
    """
    if repeat is None:
        return [helsinki(first)]
    rule = rrule(
        WEEKLY if repeat.every == "week" else MONTHLY,
        dtstart=first,
        until=datetime.combine(repeat.until, first.time()) if repeat.until else None,
        count=None if repeat.until else min(repeat.count or MAX_OCCURRENCES, MAX_OCCURRENCES),
    )
    return [helsinki(start) for start in islice(rule, MAX_OCCURRENCES)]

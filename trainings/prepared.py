"""Documents of trainings made in the background: a network day's name badges."""

from __future__ import annotations

from paja.extensions import db
from paja.prepared_files import file_kind
from trainings.event_pdf import badges_pdf
from trainings.models import TrainingSession
from trainings.queries.groups import seated

BADGES = "badges"


@file_kind(BADGES, "application/pdf")
def badges_file(day_id: int) -> bytes:
    """Name badges for everyone with a seat on the day, eight to an A4 sheet."""
    day = db.session.get_one(TrainingSession, day_id)
    return badges_pdf(day, seated(day))

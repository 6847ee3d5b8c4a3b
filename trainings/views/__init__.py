"""Views of the trainings package (registered on the blueprint when imported)."""

from trainings.views import (  # noqa: F401
    admin,
    calendars,
    catalogue,
    event_admin,
    event_agenda,
    event_days,
    events,
    feedback,
    invoices,
    ordering,
    orders,
    participants,
    session_changes,
    sessions,
    trainers,
)

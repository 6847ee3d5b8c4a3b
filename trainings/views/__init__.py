"""Views of the trainings package (registered on the blueprint when imported)."""

from trainings.views import (  # noqa: F401
    admin,
    calendars,
    catalogue,
    feedback,
    ordering,
    orders,
    participants,
    sessions,
    trainers,
)

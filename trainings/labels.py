"""Translated names of the trainings package's enums."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

from trainings.models import (
    AgendaKind,
    DeliveryMode,
    OrderStatus,
    RegistrationStatus,
    SessionStatus,
)

STATUS_LABELS = {
    OrderStatus.REQUESTED: _l("requested"),
    OrderStatus.CONFIRMED: _l("confirmed"),
    OrderStatus.DELIVERED: _l("delivered"),
    OrderStatus.INVOICED: _l("invoiced"),
    OrderStatus.CANCELLED: _l("cancelled"),
}
MODE_LABELS = {
    DeliveryMode.ONSITE: _l("On site"),
    DeliveryMode.REMOTE: _l("Remote"),
    DeliveryMode.HYBRID: _l("Hybrid"),
}
SESSION_STATUS_LABELS = {
    SessionStatus.SCHEDULED: _l("scheduled"),
    SessionStatus.DELIVERED: _l("delivered"),
    SessionStatus.CANCELLED: _l("cancelled"),
}
REGISTRATION_LABELS = {
    RegistrationStatus.CONFIRMED: _l("confirmed"),
    RegistrationStatus.WAITING: _l("on the waiting list"),
    RegistrationStatus.CANCELLED: _l("cancelled"),
}
AGENDA_LABELS = {
    AgendaKind.INTRODUCTION: lazy_pgettext("agenda item", "Introduction"),
    AgendaKind.PRESENTATION: _l("Presentation"),
    AgendaKind.QUESTIONS: _l("Questions and discussion"),
    AgendaKind.GROUPS: _l("Small-group discussion"),
    AgendaKind.BREAK: _l("Break"),
    AgendaKind.OTHER: _l("Other"),
}
# What a change to a scheduled session touched, as its mails list it.
CHANGE_LABELS = {
    "starts_at": _l("start time"),
    "ends_at": _l("end time"),
    "registration_closes_at": _l("registration deadline"),
    "place": _l("place"),
    "meeting_url": _l("meeting link"),
    "capacity": _l("number of seats"),
    "trainers": _l("trainers"),
}

"""The trainings models."""

from trainings.models.catalogue import Channel, DeliveryMode, Offering, Trainer
from trainings.models.events import (
    AgendaItem,
    AgendaKind,
    Event,
    PresentingProject,
    SharedLink,
    SmallGroup,
    group_members,
)
from trainings.models.invoices import Invoice, InvoiceCounter
from trainings.models.orders import Order, OrderEvent, OrderLine, OrderStatus
from trainings.models.sessions import (
    CalendarFeed,
    Registration,
    RegistrationStatus,
    SessionStatus,
    TrainingSession,
)

__all__ = [
    "AgendaItem",
    "AgendaKind",
    "CalendarFeed",
    "Channel",
    "DeliveryMode",
    "Event",
    "Invoice",
    "InvoiceCounter",
    "Offering",
    "Order",
    "OrderEvent",
    "OrderLine",
    "OrderStatus",
    "PresentingProject",
    "Registration",
    "RegistrationStatus",
    "SessionStatus",
    "SharedLink",
    "SmallGroup",
    "Trainer",
    "TrainingSession",
    "group_members",
]

"""The trainings models."""

from trainings.models.catalogue import Channel, DeliveryMode, Offering, Trainer
from trainings.models.orders import Order, OrderEvent, OrderLine, OrderStatus
from trainings.models.sessions import (
    CalendarFeed,
    Registration,
    RegistrationStatus,
    SessionStatus,
    TrainingSession,
)

__all__ = [
    "CalendarFeed",
    "Channel",
    "DeliveryMode",
    "Offering",
    "Order",
    "OrderEvent",
    "OrderLine",
    "OrderStatus",
    "Registration",
    "RegistrationStatus",
    "SessionStatus",
    "Trainer",
    "TrainingSession",
]

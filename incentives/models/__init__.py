"""The incentives models: programmes, participants and claims, the ledger and recognitions."""

from incentives.models.ledger import LedgerEntry, Recognition, Score
from incentives.models.participation import Claim, Participant
from incentives.models.programmes import (
    ActivityType,
    Category,
    Programme,
    ProgrammeManager,
    Team,
    manages,
    programme_courses,
    programme_offerings,
)

__all__ = [
    "ActivityType",
    "Category",
    "Claim",
    "LedgerEntry",
    "Participant",
    "Programme",
    "ProgrammeManager",
    "Recognition",
    "Score",
    "Team",
    "manages",
    "programme_courses",
    "programme_offerings",
]

"""The plans models: plans and their people, sections, comments and calendar entries."""

from plans.models.calendar import Entry, PersonalFeed
from plans.models.comments import Comment, mentions
from plans.models.plans import RANKS, Plan, PlanMember, new_token
from plans.models.sections import Answers, PlanSection, SectionVersion

__all__ = [
    "RANKS",
    "Answers",
    "Comment",
    "Entry",
    "PersonalFeed",
    "Plan",
    "PlanMember",
    "PlanSection",
    "SectionVersion",
    "mentions",
    "new_token",
]

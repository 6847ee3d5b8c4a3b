"""Reading a section's answers: which questions are answered, how complete a plan is."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from plans.worksheet import SECTIONS, Kind, Question, Section


@dataclass(frozen=True)
class Completeness:
    """How many questions are answered of how many."""

    done: int
    total: int

    @property
    def percent(self) -> int:
        """The share answered, as a whole percentage."""
        return round(100 * self.done / self.total) if self.total else 100

    def __add__(self, other: Completeness) -> Completeness:
        return Completeness(self.done + other.done, self.total + other.total)


def is_answered(question: Question, value: Any) -> bool:
    """Whether a question has an answer (a range or a frequency needs all of its parts)."""
    if question.kind in (Kind.AGE,):
        return isinstance(value, list) and len(value) == 2 and None not in value
    if question.kind in (Kind.FREQUENCY, Kind.HORIZON):
        return isinstance(value, dict) and all(v not in (None, "") for v in value.values())
    return bool(value)


def section_completeness(section: Section, answers: Mapping[str, Any]) -> Completeness:
    """How many of a section's questions are answered."""
    done = sum(is_answered(q, answers.get(q.key)) for q in section.questions)
    return Completeness(done, len(section.questions))


def plan_completeness(answers_by_section: Mapping[str, Mapping[str, Any]]) -> Completeness:
    """How many of the whole worksheet's questions are answered."""
    total = Completeness(0, 0)
    for section in SECTIONS:
        total += section_completeness(section, answers_by_section.get(section.key, {}))
    return total


def goals(answers_by_section: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """The plan's main goal and sub-goals, for calendar entries to serve."""
    section = answers_by_section.get("7", {})
    main = section.get("7b") or ""
    return [goal for goal in [main, *section.get("7c", [])] if goal]


def frequency(answers_by_section: Mapping[str, Mapping[str, Any]]) -> tuple[int, str] | None:
    """How many entries the plan means to publish a week or a month (section 9a)."""
    value = answers_by_section.get("9", {}).get("9a")
    if isinstance(value, dict) and value.get("times") and value.get("per") in ("week", "month"):
        return int(value["times"]), str(value["per"])
    return None


def horizon(answers_by_section: Mapping[str, Mapping[str, Any]]) -> tuple[date, int] | None:
    """The calendar's first day and its length in months (section 14a)."""
    value = answers_by_section.get("14", {}).get("14a")
    if isinstance(value, dict) and value.get("start") and value.get("months"):
        try:
            return date.fromisoformat(value["start"]), int(value["months"])
        except (TypeError, ValueError):
            return None
    return None

"""Every reaction of incentives to what happens elsewhere, in one place: automatic points.

Points come, once per event, to participants of running programmes that count the kind:

- a session's attendance is saved: attending a workshop linked to the programme counts,
  unmarking takes the points back;
- a course linked to the programme is completed;
- the skill check after a linked course is above the one before it;
- a logged-in person answers a session's feedback survey;
- a section of one's own social-media plan is completed (emptied again: taken back);
- a calendar entry one owns is marked published (moved back: taken back).
"""

from __future__ import annotations

from courses.models import Attempt, Enrolment
from courses.signals import completed, skill_checked
from feedback.models import Response
from feedback.signals import answered
from incentives.operations import automatic
from paja.models import User
from plans.models import Entry, Plan
from plans.signals import entry_status_changed, section_saved
from trainings.models import TrainingSession
from trainings.signals import attendance_marked


def on_attendance_marked(session: TrainingSession, **_: object) -> None:
    """Points for attending, or taken back."""
    automatic.attendance(session)


def on_completed(enrolment: Enrolment, **_: object) -> None:
    """Points for a completed course."""
    automatic.course_completed(enrolment)


def on_skill_checked(attempt: Attempt, **_: object) -> None:
    """Points for growth between the skill checks."""
    automatic.skill_growth(attempt)


def on_answered(response: Response, user: User | None = None, **_: object) -> None:
    """Points for answering a session's feedback."""
    automatic.feedback_answered(response, user)


def on_section_saved(plan: Plan, key: str = "", complete: bool = False, **_: object) -> None:
    """Points for a completed plan section, or taken back."""
    automatic.plan_section(plan, key, complete)


def on_entry_status_changed(entry: Entry, **_: object) -> None:
    """Points for a published entry, or taken back."""
    automatic.entry_published(entry)


def connect() -> None:
    """Connect the receivers (the app factory calls this; connecting twice changes nothing)."""
    attendance_marked.connect(on_attendance_marked)
    completed.connect(on_completed)
    skill_checked.connect(on_skill_checked)
    answered.connect(on_answered)
    section_saved.connect(on_section_saved)
    entry_status_changed.connect(on_entry_status_changed)

"""Every reaction of courses to what happens in trainings and feedback, in one place.

- Someone registers for a session: they are enrolled on the courses linked to its workshop.
- A session's attendance is saved: those present get an attendance certificate, those
  unmarked lose theirs.
- A survey is answered: an enrolment whose course needed that feedback is checked for
  completion, and a completed enrolment gets its course certificate.
"""

from __future__ import annotations

from courses.certificates import issue_for_attendance
from courses.operations import complete_after_feedback, enrol_registrant
from feedback.models import Response
from feedback.signals import answered
from trainings.models import Registration, TrainingSession
from trainings.signals import attendance_marked, registered


def on_registered(registration: Registration, **_: object) -> None:
    """Enrol the registrant on the courses of the session's workshop."""
    enrol_registrant(registration)


def on_attendance_marked(session: TrainingSession, **_: object) -> None:
    """Issue (or revoke) attendance certificates as marked."""
    issue_for_attendance(session)


def on_answered(response: Response, **_: object) -> None:
    """Complete the enrolments that waited for this feedback."""
    complete_after_feedback(response)


def connect() -> None:
    """Connect the receivers (the app factory calls this; connecting twice changes nothing)."""
    registered.connect(on_registered)
    attendance_marked.connect(on_attendance_marked)
    answered.connect(on_answered)

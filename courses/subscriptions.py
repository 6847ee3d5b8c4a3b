"""Every reaction of courses to what happens elsewhere, in one place.

When is a certificate issued? Exactly here:

- a session's attendance is saved: everyone marked present gets an attendance certificate,
  and anyone whose attendance was unmarked has theirs revoked (marking it again re-issues);
- an enrolment is complete (its required modules are done, and where the course asks for
  them, the skill check after the course is taken and the course feedback is answered):
  it gets a course-completion certificate.

And when is a certificate mailed? Once the session has ended (its feedback round, or
attendance saved after the end), to each attendee without an account: a link to the
certificate and to claim it into an account.

And what leads to completion or enrolment from outside courses:

- someone registers for a session: they are enrolled on the courses linked to its workshop;
- a survey is answered: enrolments whose course waited for that feedback are checked for
  completion (which then issues the certificate above).

And who may answer a course's feedback survey by its link: the course's participants.
"""

from __future__ import annotations

from datetime import datetime

from courses.models import Enrolment
from courses.operations.certificate_mail import mail_certificates
from courses.operations.certificates import issue_for_attendance, issue_for_enrolment
from courses.operations.enrolments import complete_after_feedback, enrol_registrant
from courses.queries.enrolments import is_participant_asked
from courses.signals import completed
from feedback.models import Response, Survey
from feedback.signals import answered, may_answer
from paja.database import utcnow
from paja.models import User
from trainings.models import Registration, TrainingSession
from trainings.signals import attendance_marked, registered, session_ended


def on_attendance_marked(session: TrainingSession, **_: object) -> None:
    """Issue attendance certificates to those present; revoke those of the unmarked; after
    the end, mail the new ones of people without an account."""
    issue_for_attendance(session)
    mail_certificates(session, utcnow())


def on_session_ended(session: TrainingSession, now: datetime, **_: object) -> None:
    """Mail their certificates to attendees without an account."""
    mail_certificates(session, now)


def on_completed(enrolment: Enrolment, **_: object) -> None:
    """Issue the course-completion certificate."""
    issue_for_enrolment(enrolment)


def on_registered(registration: Registration, **_: object) -> None:
    """Enrol the registrant on the courses of the session's workshop."""
    enrol_registrant(registration)


def on_answered(response: Response, user: User | None = None, **_: object) -> None:
    """Complete the answering account's enrolments that waited for this feedback."""
    if user is not None:
        complete_after_feedback(response.survey_id, user)


def on_may_answer(survey: Survey, user: User, **_: object) -> bool:
    """A course's participants may answer its feedback survey."""
    return is_participant_asked(survey, user)


def connect() -> None:
    """Connect the receivers (the app factory calls this; connecting twice changes nothing)."""
    attendance_marked.connect(on_attendance_marked)
    session_ended.connect(on_session_ended)
    completed.connect(on_completed)
    registered.connect(on_registered)
    answered.connect(on_answered)
    may_answer.connect(on_may_answer)

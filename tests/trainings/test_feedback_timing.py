"""The feedback link goes out when a session has ended, not when attendance is saved: once."""

from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient

from paja.database import utcnow
from paja.extensions import db
from paja.jobs import PERIODIC
from paja.mail import Mail, outbox
from tests.conftest import Auth
from tests.racing import race_rounds
from tests.trainings.factories import create_registration, create_session, create_trainer
from trainings.models import Registration, SessionStatus
from trainings.operations.feedback import attach_survey, send_due_feedback

CERTIFICATE_LINK = "/courses/certificates/mailed/"


def attended_an_ended_session() -> Registration:
    """A person marked present at a session that ended an hour ago, not yet sent its link."""
    session = create_session(starts_in=timedelta(hours=-3))
    attach_survey(session)
    registration = create_registration(session)
    registration.attended = True
    session.status = SessionStatus.DELIVERED
    db.session.commit()
    return registration


def test_attendance_at_the_start_waits_for_the_end_then_sends_once(
    app: Flask, client: FlaskClient, auth: Auth, mails: list[Mail]
) -> None:
    trainer = create_trainer()
    session = create_session(trainers=(trainer,), starts_in=timedelta(minutes=-10))
    attach_survey(session)
    present, absent = create_registration(session), create_registration(session)
    db.session.commit()
    auth.login(trainer.user)
    path = f"/trainings/sessions/{session.id}/attendance"
    assert client.post(path, data={"present": [str(present.id)]}).status_code == 302
    assert mails == []  # the session is still running: no feedback request mid-session
    assert send_due_feedback(utcnow()) == 0
    assert mails == []
    session.ends_at = utcnow() - timedelta(minutes=1)  # the session is over
    db.session.commit()
    assert send_due_feedback(utcnow()) == 1
    db.session.commit()
    certificate_mails = [mail for mail in mails if CERTIFICATE_LINK in mail.body]
    assert [mail.to for mail in mails if mail not in certificate_mails] == [present.email]
    assert [mail.to for mail in certificate_mails] == [present.email]  # no account: by mail
    assert absent.email not in {mail.to for mail in mails}
    assert send_due_feedback(utcnow()) == 0  # once
    client.post(path, data={"present": [str(present.id), str(absent.id)]})
    # Saving attendance again sends no second feedback round; the person now marked present
    # gets their certificate.
    assert [(mail.to, CERTIFICATE_LINK in mail.body) for mail in mails[2:]] == [
        (absent.email, True)
    ]


def test_the_job_worker_and_the_command_send_the_round(app: Flask, mails: list[Mail]) -> None:
    assert "trainings.operations.feedback.feedback_round" in PERIODIC
    registration = attended_an_ended_session()
    result = app.test_cli_runner().invoke(args=["trainings", "feedback"])
    assert result.exit_code == 0
    assert "1 people invited" in result.output
    assert [mail.to for mail in mails] == [registration.email]


def test_racing_rounds_send_the_feedback_once(racing_app: Flask) -> None:
    with racing_app.app_context():
        email = attended_an_ended_session().email
        outbox().clear()
    errors = race_rounds(racing_app, lambda: send_due_feedback(utcnow()))
    assert errors == []
    with racing_app.app_context():
        assert [mail.to for mail in outbox()] == [email]

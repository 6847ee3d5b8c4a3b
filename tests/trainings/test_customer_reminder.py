"""A few days before an ordered workshop its customer contact gets the details and who comes,
once, from the job worker's round or the command."""

from datetime import timedelta

from flask import Flask

from paja.database import utcnow
from paja.extensions import db
from paja.jobs import PERIODIC
from paja.mail import Mail, outbox
from tests.racing import race_rounds
from trainings.models import Order, RegistrationStatus, TrainingSession
from trainings.operations.reminders import remind_customers


def ordered_session(starts_in: timedelta) -> tuple[Order, TrainingSession]:
    """A confirmed order's session starting after `starts_in`, with two seated and one waiting."""
    from tests.trainings.factories import (
        create_order,
        create_registration,
        create_session,
        create_trainer,
    )

    order = create_order()
    session = create_session(
        organisation=order.organisation, starts_in=starts_in, trainers=(create_trainer(),)
    )
    session.order_id = order.id
    for name in ("Åsa Öhman", "Mikko Laine"):
        create_registration(session).name = name
    create_registration(session, status=RegistrationStatus.WAITING).name = "Jonossa Oleva"
    db.session.commit()
    return order, session


def test_the_contact_gets_the_participant_list_three_days_before_once(
    app: Flask, mails: list[Mail]
) -> None:
    order, soon = ordered_session(timedelta(days=2))
    _, later = ordered_session(timedelta(days=10))  # too early for a reminder
    mails.clear()
    assert remind_customers(utcnow()) == 1
    db.session.commit()
    [mail] = mails
    assert mail.to == order.contact.email
    assert mail.subject.startswith("Koulutuksesi lähestyy")
    registered, waiting = mail.body.split("Jonossa (1):")
    assert "Ilmoittautuneet (2):" in registered
    assert "- Åsa Öhman" in registered and "- Mikko Laine" in registered
    assert "- Jonossa Oleva" in waiting
    assert f"invite={soon.invite_token}" in mail.body
    assert soon.trainers[0].name in mail.body
    assert remind_customers(utcnow()) == 0  # once
    assert remind_customers(utcnow() + timedelta(days=8)) == 1  # the later one, when due
    assert later.id != soon.id


def test_a_cancelled_or_open_session_sends_no_reminder(app: Flask, mails: list[Mail]) -> None:
    from tests.trainings.factories import create_session

    _, cancelled = ordered_session(timedelta(days=1))
    cancelled.status = "cancelled"
    create_session(starts_in=timedelta(days=1))  # an open session has no customer
    db.session.commit()
    mails.clear()
    assert remind_customers(utcnow()) == 0
    assert mails == []


def test_the_job_worker_and_the_command_send_the_reminders(app: Flask, mails: list[Mail]) -> None:
    assert "trainings.operations.reminders.reminder_round" in PERIODIC
    ordered_session(timedelta(days=1))
    mails.clear()
    result = app.test_cli_runner().invoke(args=["trainings", "reminders"])
    assert result.exit_code == 0
    assert "1 sent" in result.output
    assert len(mails) == 1


def test_racing_rounds_remind_once(racing_app: Flask) -> None:
    with racing_app.app_context():
        order, _ = ordered_session(timedelta(days=1))
        email = order.contact.email
        outbox().clear()
    errors = race_rounds(racing_app, lambda: remind_customers(utcnow()))
    assert errors == []
    with racing_app.app_context():
        assert [mail.to for mail in outbox()] == [email]

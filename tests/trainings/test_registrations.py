"""Registration: seats, the waiting list, promotion, deadlines and cancellation."""

from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient

from paja.errors import RuleViolation
from paja.extensions import db
from paja.mail import Mail
from paja.models import Role
from tests import factories
from tests.conftest import Auth
from tests.trainings.factories import create_registration, create_session
from trainings.models import RegistrationStatus, SessionStatus
from trainings.operations.registrations import cancel_registration, register


def test_seats_then_waiting_list_in_order(app: Flask, mails: list[Mail]) -> None:
    session = create_session(capacity=2)
    results = [register(session, f"Henkilö {n}", f"h{n}@example.fi") for n in range(4)]
    assert [r.status for r in results] == ["confirmed", "confirmed", "waiting", "waiting"]
    assert session.seats_taken == 2
    db.session.commit()
    assert [m.subject.split(":")[0] for m in mails] == ["Olet ilmoittautunut"] * 2 + [
        "Jonotuslistalla"
    ] * 2


def test_cancelling_promotes_the_first_waiting(app: Flask, mails: list[Mail]) -> None:
    session = create_session(capacity=1)
    first = register(session, "Eka", "eka@example.fi")
    second = register(session, "Toka", "toka@example.fi")
    third = register(session, "Kolmas", "kolmas@example.fi")
    db.session.commit()
    mails.clear()
    promoted = cancel_registration(first)
    db.session.commit()
    assert promoted is not None and promoted.id == second.id
    assert second.status == RegistrationStatus.CONFIRMED
    assert third.status == RegistrationStatus.WAITING
    assert session.seats_taken == 1
    assert {m.to: m.subject for m in mails} == {
        "eka@example.fi": f"Ilmoittautuminen peruttu: {session.offering.title}",
        "toka@example.fi": f"Paikka vapautui sinulle: {session.offering.title}",
    }


def test_cancelling_from_the_waiting_list_promotes_nobody(app: Flask) -> None:
    session = create_session(capacity=1)
    register(session, "Eka", "eka@example.fi")
    waiting = register(session, "Toka", "toka@example.fi")
    assert cancel_registration(waiting) is None
    assert session.seats_taken == 1
    assert cancel_registration(waiting) is None  # twice is harmless


def test_one_live_registration_per_email(app: Flask) -> None:
    session = create_session()
    first = register(session, "Eka", "Eka@Example.fi")
    with pytest.raises(RuleViolation, match="on jo ilmoittautunut"):
        register(session, "Eka taas", "eka@example.fi")
    cancel_registration(first)
    again = register(session, "Eka taas", "eka@example.fi")
    assert again.confirmed
    assert session.seats_taken == 1


def test_registration_closes_at_the_deadline(app: Flask) -> None:
    closed = create_session(starts_in=timedelta(hours=2), closes_before=timedelta(hours=3))
    with pytest.raises(RuleViolation, match="päättynyt"):
        register(closed, "Myöhässä", "late@example.fi")
    cancelled = create_session()
    cancelled.status = SessionStatus.CANCELLED
    with pytest.raises(RuleViolation, match="ei voi ilmoittautua"):
        register(cancelled, "Turha", "x@example.fi")


def test_register_over_http_keeps_input_and_marks_field(client: FlaskClient) -> None:
    session = create_session()
    create_registration(session, status=RegistrationStatus.CONFIRMED)
    page = client.post(
        f"/trainings/sessions/{session.id}/register", data={"name": "Maija", "email": "ei-osoite"}
    )
    text = page.get_data(as_text=True)
    assert "Kirjoita kelvollinen sähköpostiosoite" in text
    assert 'value="Maija"' in text
    response = client.post(
        f"/trainings/sessions/{session.id}/register",
        data={"name": "Maija", "email": "m@example.fi"},
    )
    assert response.status_code == 302


def test_logged_in_user_registers_and_cancels_from_the_account(
    client: FlaskClient, auth: Auth
) -> None:
    user = auth.login(Role.PARTICIPANT)
    session = create_session(capacity=1)
    client.post(f"/trainings/sessions/{session.id}/register")
    page = client.get(f"/trainings/sessions/{session.id}").get_data(as_text=True)
    assert "Olet ilmoittautunut: vahvistettu." in page
    assert session.meeting_url in page  # registered participants see the link
    registration = session_registration(session, user.id)
    response = client.post(
        f"/trainings/registrations/{registration.id}/cancel", follow_redirects=True
    )
    assert "Ilmoittautumisesi on peruttu." in response.get_data(as_text=True)
    assert registration.status == RegistrationStatus.CANCELLED
    assert session.seats_taken == 0


def test_cancel_by_the_emailed_link(client: FlaskClient, mails: list[Mail]) -> None:
    session = create_session(capacity=1)
    client.post(
        f"/trainings/sessions/{session.id}/register",
        data={"name": "Matti", "email": "matti@example.fi"},
    )
    (mail,) = mails
    token_link = next(line for line in mail.body.splitlines() if "/trainings/cancel/" in line)
    path = token_link.split("http://localhost", 1)[1]
    assert "haluatko perua ilmoittautumisesi" in client.get(path).get_data(as_text=True)
    client.post(path)
    assert session.seats_taken == 0
    assert client.get("/trainings/cancel/not-a-real-token").status_code == 404


def test_someone_elses_registration_cannot_be_cancelled(client: FlaskClient, auth: Auth) -> None:
    session = create_session()
    other = create_registration(session, user=factories.create_user())
    auth.login(Role.ADMIN)
    assert client.post(f"/trainings/registrations/{other.id}/cancel").status_code == 403
    assert other.status == RegistrationStatus.CONFIRMED


def session_registration(session, user_id):
    from trainings.models import Registration

    return db.session.scalar(
        db.select(Registration).where(
            Registration.session_id == session.id, Registration.user_id == user_id
        )
    )

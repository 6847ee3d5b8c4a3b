"""Changing a scheduled session: who may change what, and who is told, once, with a calendar."""

from datetime import timedelta

import icalendar
from flask.testing import FlaskClient

from paja.i18n import wall_clock
from paja.mail import Mail
from paja.models import Role
from tests import factories
from tests.conftest import Auth
from tests.trainings.factories import create_registration, create_session, create_trainer
from trainings.models import RegistrationStatus, TrainingSession

NEW_LINK = "https://meet.example.fi/uusi"


def form_of(session: TrainingSession, **changes: object) -> dict[str, object]:
    """The change form as it comes filled, with some values changed."""
    data: dict[str, object] = {
        "starts_at": wall_clock(session.starts_at).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": wall_clock(session.ends_at).strftime("%Y-%m-%dT%H:%M"),
        "registration_closes_at": wall_clock(session.registration_closes_at).strftime(
            "%Y-%m-%dT%H:%M"
        ),
        "place": session.place,
        "meeting_url": session.meeting_url,
        "capacity": str(session.capacity),
        "trainers": [str(t.id) for t in session.trainers],
    }
    return {**data, **changes}


def event_of(mail: Mail) -> icalendar.Event:
    """The calendar event attached to a mail."""
    [attachment] = mail.attachments
    return icalendar.Calendar.from_ical(attachment.data).walk("VEVENT")[0]


def test_moving_a_session_tells_each_person_once_with_the_updated_event(
    client: FlaskClient, auth: Auth, mails: list[Mail]
) -> None:
    trainer = create_trainer()
    session = create_session(trainers=(trainer,))
    seated = create_registration(session)
    waiting = create_registration(session, status=RegistrationStatus.WAITING)
    gone = create_registration(session, status=RegistrationStatus.CANCELLED)
    auth.login(Role.ADMIN)
    later = wall_clock(session.starts_at + timedelta(hours=1))
    ends = wall_clock(session.ends_at + timedelta(hours=1))
    data = form_of(session, starts_at=later.strftime("%Y-%m-%dT%H:%M"),
                   ends_at=ends.strftime("%Y-%m-%dT%H:%M"), meeting_url=NEW_LINK)  # fmt: skip
    response = client.post(f"/trainings/sessions/{session.id}/edit", data=data)
    assert response.status_code == 302
    assert session.meeting_url == NEW_LINK and session.calendar_sequence == 1
    by_person = {mail.to: mail for mail in mails}
    assert len(mails) == len(by_person) == 3  # once each
    assert set(by_person) == {seated.email, waiting.email, trainer.user.email}
    assert gone.email not in by_person
    told = by_person[seated.email]
    assert told.subject.startswith("Koulutustilaisuus muuttui")
    assert "alkamisaika, päättymisaika, kokouslinkki" in told.body
    assert NEW_LINK in told.body  # a seat holder sees the new link
    assert NEW_LINK not in by_person[waiting.email].body  # the waiting list does not
    event = event_of(told)
    assert str(event["uid"]) == f"paja-session-{session.id}@localhost"
    assert event["sequence"] == 1
    assert event.decoded("dtstart") == session.starts_at.replace(microsecond=0)
    assert "Kouluttamasi koulutustilaisuus on muuttunut" in by_person[trainer.user.email].body


def test_seats_cannot_drop_below_those_taken_and_nothing_is_told(
    client: FlaskClient, auth: Auth, mails: list[Mail]
) -> None:
    session = create_session(capacity=5, trainers=(create_trainer(),))
    for _ in range(3):
        create_registration(session)
    auth.login(Role.ADMIN)
    page = client.post(
        f"/trainings/sessions/{session.id}/edit", data=form_of(session, capacity="2")
    )
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Paikan on jo saanut 3 henkilöä; paikkamäärä ei voi olla pienempi." in text
    assert 'value="2"' in text  # what was typed stays
    assert session.capacity == 5 and session.calendar_sequence == 0
    assert mails == []


def test_a_trainer_changes_the_link_only_and_others_not_at_all(
    client: FlaskClient, auth: Auth, mails: list[Mail]
) -> None:
    trainer = create_trainer()
    session = create_session(trainers=(trainer,))
    create_registration(session)
    starts = session.starts_at
    auth.login(trainer.user)
    page = client.get(f"/trainings/sessions/{session.id}/edit").get_data(as_text=True)
    assert 'name="meeting_url"' in page and 'name="starts_at"' not in page
    later = wall_clock(starts + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    data = {"meeting_url": NEW_LINK, "starts_at": later, "capacity": "1"}
    assert client.post(f"/trainings/sessions/{session.id}/edit", data=data).status_code == 302
    assert session.meeting_url == NEW_LINK
    assert session.starts_at == starts and session.capacity == 10  # the rest is not theirs
    assert len(mails) == 2
    auth.login(create_trainer().user)  # another session's trainer
    assert client.get(f"/trainings/sessions/{session.id}/edit").status_code == 403
    auth.login(factories.create_user(roles={Role.CUSTOMER}))
    assert client.post(f"/trainings/sessions/{session.id}/edit", data=data).status_code == 403


def test_trainers_added_and_removed_get_the_event_or_its_cancellation(
    client: FlaskClient, auth: Auth, mails: list[Mail]
) -> None:
    leaving, coming = create_trainer(), create_trainer()
    session = create_session(trainers=(leaving,))
    auth.login(Role.ADMIN)
    data = form_of(session, trainers=[str(coming.id)])
    assert client.post(f"/trainings/sessions/{session.id}/edit", data=data).status_code == 302
    assert [t.id for t in session.trainers] == [coming.id]
    by_person = {mail.to: mail for mail in mails}
    assert by_person[coming.user.email].subject.startswith("Koulutat: ")
    removed = by_person[leaving.user.email]
    assert removed.subject.startswith("Et enää kouluta: ")
    assert str(event_of(removed)["status"]) == "CANCELLED"
    assert icalendar.Calendar.from_ical(removed.attachments[0].data)["method"] == "CANCEL"


def test_saving_without_changes_tells_nobody(
    client: FlaskClient, auth: Auth, mails: list[Mail]
) -> None:
    session = create_session(trainers=(create_trainer(),))
    create_registration(session)
    auth.login(Role.ADMIN)
    response = client.post(f"/trainings/sessions/{session.id}/edit", data=form_of(session))
    assert response.status_code == 302
    assert mails == [] and session.calendar_sequence == 0

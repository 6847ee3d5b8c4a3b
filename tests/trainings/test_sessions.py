"""Sessions: who sees a private session and its meeting link, calendars, participants, attendance."""

from datetime import datetime, timedelta

import icalendar
from flask.testing import FlaskClient
from flask_babel import force_locale

from paja.i18n import helsinki, when
from paja.models import Role
from tests import factories
from tests.conftest import Auth
from tests.trainings.factories import create_registration, create_session, create_trainer
from trainings.models import RegistrationStatus, SessionStatus

LINK = "https://meet.example.fi/paja"


def test_private_session_needs_the_invitation(client: FlaskClient, auth: Auth) -> None:
    organisation = factories.create_organisation()
    session = create_session(organisation=organisation)
    assert client.get(f"/trainings/sessions/{session.id}").status_code == 404
    assert client.get(f"/trainings/sessions/{session.id}?invite=wrong").status_code == 404
    page = client.get(f"/trainings/sessions/{session.id}?invite={session.invite_token}")
    assert page.status_code == 200
    response = client.post(
        f"/trainings/sessions/{session.id}/register?invite={session.invite_token}",
        data={"name": "Kunnan Työntekijä", "email": "tyontekija@example.fi"},
    )
    assert response.status_code == 302
    assert session.seats_taken == 1
    assert (
        client.post(
            f"/trainings/sessions/{session.id}/register",
            data={"name": "X", "email": "x@example.fi"},
        ).status_code
        == 404
    )
    member = auth.login(Role.CUSTOMER)
    organisation_member = factories.create_organisation(members=(member,))
    own = create_session(organisation=organisation_member)
    assert client.get(f"/trainings/sessions/{own.id}").status_code == 200


def test_meeting_link_is_shown_only_to_those_who_may_see_it(
    client: FlaskClient, auth: Auth
) -> None:
    trainer = create_trainer()
    session = create_session(trainers=(trainer,), meeting_url=LINK)
    assert LINK not in client.get(f"/trainings/sessions/{session.id}").get_data(as_text=True)
    ics = client.get(f"/trainings/sessions/{session.id}.ics").get_data(as_text=True)
    assert LINK not in ics
    outsider = auth.login(Role.PARTICIPANT)
    assert LINK not in client.get(f"/trainings/sessions/{session.id}").get_data(as_text=True)
    waiting = create_registration(session, user=outsider, status=RegistrationStatus.WAITING)
    assert LINK not in client.get(f"/trainings/sessions/{session.id}").get_data(as_text=True)
    waiting.status = RegistrationStatus.CONFIRMED
    assert LINK in client.get(f"/trainings/sessions/{session.id}").get_data(as_text=True)
    assert LINK in client.get(f"/trainings/sessions/{session.id}.ics").get_data(as_text=True)
    for viewer in (trainer.user, factories.create_user(roles={Role.ADMIN})):
        auth.login(viewer)
        assert LINK in client.get(f"/trainings/sessions/{session.id}").get_data(as_text=True)


def test_join_button_becomes_prominent_15_minutes_before(client: FlaskClient, auth: Auth) -> None:
    user = auth.login(Role.PARTICIPANT)
    later = create_session(starts_in=timedelta(minutes=20), closes_before=timedelta(minutes=5))
    soon = create_session(starts_in=timedelta(minutes=14), closes_before=timedelta(minutes=5))
    for session in (later, soon):
        create_registration(session, user=user)
    assert "Liity koulutustilaisuuteen" not in client.get(
        f"/trainings/sessions/{later.id}"
    ).get_data(as_text=True)
    assert "Liity koulutustilaisuuteen" in client.get(f"/trainings/sessions/{soon.id}").get_data(
        as_text=True
    )


def test_ics_parses_with_the_right_times(client: FlaskClient) -> None:
    session = create_session()
    response = client.get(f"/trainings/sessions/{session.id}.ics")
    assert response.mimetype == "text/calendar"
    calendar = icalendar.Calendar.from_ical(response.data)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == session.starts_at.replace(microsecond=0)
    assert event.decoded("dtend") == session.ends_at.replace(microsecond=0)
    assert str(event["summary"]) == session.offering.title
    assert str(event["url"]).endswith(f"/trainings/sessions/{session.id}")


def test_calendar_feed_lists_my_sessions_and_can_be_revoked(
    client: FlaskClient, auth: Auth
) -> None:
    user = auth.login(Role.PARTICIPANT)
    mine = create_session(meeting_url=LINK)
    create_registration(mine, user=user)
    create_session()  # not mine
    client.post("/trainings/calendar/renew")
    page = client.get("/trainings/my-sessions").get_data(as_text=True)
    token = page.split("/trainings/calendar/")[1].split(".ics")[0]
    auth.logout()
    feed = icalendar.Calendar.from_ical(client.get(f"/trainings/calendar/{token}.ics").data)
    events = feed.walk("VEVENT")
    assert [str(e["uid"]) for e in events] == [f"paja-session-{mine.id}@localhost"]
    assert LINK in str(events[0]["location"])
    auth.login(user)
    client.post("/trainings/calendar/renew")
    assert client.get(f"/trainings/calendar/{token}.ics").status_code == 404


def test_trainer_sees_participants_marks_attendance(client: FlaskClient, auth: Auth) -> None:
    trainer = create_trainer()
    session = create_session(trainers=(trainer,), starts_in=timedelta(days=2))
    present = create_registration(session)
    absent = create_registration(session)
    waiting = create_registration(session, status=RegistrationStatus.WAITING)
    auth.login(trainer.user)
    page = client.get(f"/trainings/sessions/{session.id}/participants").get_data(as_text=True)
    assert present.email in page and waiting.email in page
    assert 'name="present"' not in page  # not before the session starts
    session.starts_at -= timedelta(days=3)
    session.ends_at -= timedelta(days=3)
    client.post(
        f"/trainings/sessions/{session.id}/attendance",
        data={"present": [str(present.id), str(waiting.id)]},
    )
    assert (present.attended, absent.attended, waiting.attended) == (True, False, None)
    assert session.status == SessionStatus.DELIVERED
    csv_text = client.get(f"/trainings/sessions/{session.id}/participants?format=csv").get_data(
        as_text=True
    )
    assert f"{present.name};{present.email};vahvistettu;kyllä" in csv_text
    assert f"{waiting.name};{waiting.email};jonotuslistalla;" in csv_text


def test_customer_sees_participants_of_own_sessions_only(client: FlaskClient, auth: Auth) -> None:
    customer = auth.login(Role.CUSTOMER)
    own = create_session(organisation=factories.create_organisation(members=(customer,)))
    other = create_session(organisation=factories.create_organisation())
    assert client.get(f"/trainings/sessions/{own.id}/participants").status_code == 200
    assert client.get(f"/trainings/sessions/{other.id}/participants").status_code == 403
    assert client.post(f"/trainings/sessions/{own.id}/attendance").status_code == 403


def test_my_sessions_for_a_trainer(client: FlaskClient, auth: Auth) -> None:
    trainer = create_trainer()
    session = create_session(trainers=(trainer,))
    auth.login(trainer.user)
    page = client.get("/trainings/my-sessions").get_data(as_text=True)
    assert session.offering.title in page
    assert "sinä koulutat" in page


def test_admin_schedules_an_open_session(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    trainer = create_trainer()
    from tests.trainings.factories import create_offering

    offering = create_offering(modes=("remote",))
    data = {"offering": offering.id, "starts_at": "2030-05-20T09:00", "ends_at": "2030-05-20T11:00",
            "registration_closes_at": "2030-05-19T12:00", "mode": "remote", "meeting_url": "http://insecure.example",
            "capacity": "30", "trainers": [trainer.id]}  # fmt: skip
    page = client.post("/trainings/sessions/new", data=data).get_data(as_text=True)
    assert "Kokouslinkin on alettava https://." in page
    response = client.post("/trainings/sessions/new", data={**data, "meeting_url": LINK})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    with client.application.test_request_context(), force_locale("fi"):
        typed = when(helsinki(datetime(2030, 5, 20, 9, 0)))  # Babel's own words for the time
    assert typed in page  # shown in Helsinki time, as typed


def test_admin_cancels_a_session_and_everyone_is_told(
    client: FlaskClient, auth: Auth, mails
) -> None:
    auth.login(Role.ADMIN)
    session = create_session()
    people = [
        create_registration(session),
        create_registration(session, status=RegistrationStatus.WAITING),
    ]
    page = client.post(
        f"/trainings/sessions/{session.id}/cancel", data={"note": ""}, follow_redirects=True
    )
    assert "Kerro perumisen syy." in page.get_data(as_text=True)
    assert session.status == SessionStatus.SCHEDULED
    client.post(f"/trainings/sessions/{session.id}/cancel", data={"note": "Kouluttaja sairastui"})
    assert session.status == SessionStatus.CANCELLED
    assert sorted(m.to for m in mails) == sorted(p.email for p in people)
    assert "Kouluttaja sairastui" in mails[0].body
    page = client.post(
        f"/trainings/sessions/{session.id}/register", data={"name": "X", "email": "x@example.fi"}
    )
    assert "Ilmoittautuminen tähän koulutustilaisuuteen on päättynyt." in page.get_data(
        as_text=True
    )
    assert session.seats_taken == 1


def test_participant_page_title_is_plain_text(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    session = create_session()
    page = client.get(f"/trainings/sessions/{session.id}/participants").get_data(as_text=True)
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title == f"Osallistujat · {session.offering.title} · Paja"

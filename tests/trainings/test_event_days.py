"""A network day's tools: exports, printouts, messages, small groups, directory, feedback."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import sqlalchemy as sa
from flask.testing import FlaskClient
from openpyxl import load_workbook
from pypdf import PdfReader

from paja.database import utcnow
from paja.extensions import db
from paja.mail import Mail
from paja.models import User
from tests.conftest import Auth
from tests.paja.files import made_file
from tests.trainings.event_factories import create_event, create_organiser, days_of, register
from tests.trainings.factories import without_certificates
from trainings.models import SharedLink, SmallGroup, group_members


def pdf_text(data: bytes) -> str:
    """All text of a PDF."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_exports_parse_back_with_the_network_day_fields(client: FlaskClient, auth: Auth) -> None:
    organiser = auth.login(create_organiser())
    event = create_event(organiser, days=1)
    [day] = days_of(event)
    register(event, [day], name="Åsa Öhman", organisation_name="OmaKehu", needs="Vegaani")
    register(event, [day], name="Mikko Laine", consent=False)
    text = client.get(f"/trainings/sessions/{day.id}/participants?format=csv").get_data(
        as_text=True
    )
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == ["Nimi", "Sähköposti", "Tila", "Osallistui", "Organisaatio", "Hanke",
                       "Tarpeet", "Näkyy listassa"]  # fmt: skip
    assert {(r[0], r[4], r[6], r[7]) for r in rows[1:]} == {
        ("Åsa Öhman", "OmaKehu", "Vegaani", "kyllä"), ("Mikko Laine", "Hanke Oy", "", "ei")}  # fmt: skip
    data = client.get(f"/trainings/sessions/{day.id}/participants?format=xlsx").data
    sheet = load_workbook(io.BytesIO(data)).active
    assert [list(r) for r in sheet.iter_rows(values_only=True)][1:] == [
        [c or None for c in r] for r in rows[1:]
    ]


def test_attendance_list_and_badges_carry_the_names(client: FlaskClient, auth: Auth) -> None:
    organiser = auth.login(create_organiser())
    event = create_event(organiser, days=1)
    [day] = days_of(event)
    names = ["Åsa Öhman-Łukasiewicz", "Juha Mäkinen", "Sanna Korhonen"]
    for name in names:
        register(event, [day], name=name)
    attendance = client.get(f"/trainings/events/days/{day.id}/attendance.pdf")
    badges = made_file(client, client.post(f"/trainings/events/days/{day.id}/badges"))
    assert attendance.mimetype == badges.mimetype == "application/pdf"
    for text in (pdf_text(attendance.data), pdf_text(badges.data)):
        assert [name for name in names if name not in text] == [], text
        assert event.title in text
    assert "Allekirjoitus" in pdf_text(attendance.data)
    # The badges carry the organising body's name, not the provider's address.
    assert event.organisation.name in pdf_text(badges.data)
    assert client.application.config["SELLER_ADDRESS"] not in pdf_text(badges.data)


def test_messaging_a_day_reaches_the_seats_and_optionally_the_queue(
    client: FlaskClient, auth: Auth, mails: list[Mail]
) -> None:
    organiser = auth.login(create_organiser())
    event = create_event(organiser, days=1, capacity=1)
    [day] = days_of(event)
    [seated] = register(event, [day])
    [queued] = register(event, [day])
    mails.clear()
    form = {"subject": "Pysäköinti", "body": "Pysäköinti on talon takana."}
    client.post(f"/trainings/events/days/{day.id}/message", data=form)
    assert [(m.to, m.subject) for m in mails] == [(seated.email, "Pysäköinti")]
    assert f"/trainings/events/me/{seated.personal_token}" in mails[0].body
    mails.clear()
    client.post(f"/trainings/events/days/{day.id}/message", data=form | {"waiting": "y"})
    assert sorted(m.to for m in mails) == sorted([seated.email, queued.email])
    page = client.post(f"/trainings/events/days/{day.id}/message", data={"subject": "", "body": ""})
    assert "Anna viestille aihe." in page.get_data(as_text=True)


def test_groups_spread_organisations_and_participants_see_their_own_once_published(
    client: FlaskClient, auth: Auth
) -> None:
    organiser = auth.login(create_organiser())
    event = create_event(organiser, days=1)
    [day] = days_of(event)
    people = [register(event, [day], organisation_name=f"Org {n % 3}")[0] for n in range(9)]
    client.post(
        f"/trainings/events/days/{day.id}/groups", data={"size": "3", "source": "registered"}
    )
    groups = db.session.execute(
        sa.select(group_members.c.group_id, group_members.c.registration_id)
    ).all()
    members: dict[int, set[str]] = {}
    for group_id, registration_id in groups:
        person = next(p for p in people if p.id == registration_id)
        members.setdefault(group_id, set()).add(person.organisation_name)
    assert sorted(len(m) for m in members.values()) == [3, 3, 3]  # three organisations each
    mine = client.get(f"/trainings/events/me/{people[0].personal_token}").get_data(as_text=True)
    assert "Pienryhmäsi" not in mine
    client.post(f"/trainings/events/days/{day.id}/groups/publish", data={"show": "1"})
    mine = client.get(f"/trainings/events/me/{people[0].personal_token}").get_data(as_text=True)
    assert "Pienryhmäsi: ryhmä" in mine


def test_moving_people_between_groups_and_into_a_new_one(client: FlaskClient, auth: Auth) -> None:
    organiser = auth.login(create_organiser())
    event = create_event(organiser, days=1)
    [day] = days_of(event)
    people = [register(event, [day])[0] for _ in range(4)]
    client.post(
        f"/trainings/events/days/{day.id}/groups", data={"size": "2", "source": "registered"}
    )

    def group_numbers() -> dict[int, int]:
        rows = db.session.execute(
            sa.select(group_members.c.registration_id, SmallGroup.number).join(SmallGroup)
        )
        return dict(rows.all())

    first = people[0]
    source = group_numbers()[first.id]
    target = 2 if source == 1 else 1
    moved = client.post(f"/trainings/events/days/{day.id}/groups/move",
                        data={"registration": first.id, "group": target}, follow_redirects=True)  # fmt: skip
    assert group_numbers()[first.id] == target
    # The pair it left is one person now: the organiser is warned.
    assert f"Ryhmässä {source} on nyt vain yksi henkilö" in moved.text
    client.post(f"/trainings/events/days/{day.id}/groups/move",
                data={"registration": first.id, "group": 3})  # fmt: skip
    assert group_numbers()[first.id] == 3
    response = client.post(f"/trainings/events/days/{day.id}/groups/move",
                           data={"registration": first.id, "group": 9})  # fmt: skip
    assert response.status_code == 302 and group_numbers()[first.id] == 3


def test_group_size_is_checked(client: FlaskClient, auth: Auth) -> None:
    organiser = auth.login(create_organiser())
    event = create_event(organiser, days=1)
    [day] = days_of(event)
    page = client.post(
        f"/trainings/events/days/{day.id}/groups", data={"size": "1", "source": "registered"}
    )
    assert "Ryhmässä on 2–50 henkilöä." in page.get_data(as_text=True)
    page = client.post(
        f"/trainings/events/days/{day.id}/groups", data={"size": "3", "source": "present"}
    )
    assert "Ryhmiin ei ole vielä ketään jaettavaksi." in page.get_data(as_text=True)


def test_the_directory_lists_consenting_people_to_that_days_participants_only(
    client: FlaskClient, auth: Auth
) -> None:
    event = create_event(days=2, capacity=2)
    first, second = days_of(event)
    [listed] = register(event, [first], name="Laura Listattu", consent=True)
    register(event, [first], name="Piia Piilossa", consent=False)
    [queued] = register(event, [first], name="Jonna Jonossa")
    [other_day] = register(event, [second], name="Toisen Päivän")
    client.post(f"/trainings/events/me/{listed.personal_token}/links",
                data={"url": "https://www.instagram.com/listattu"})  # fmt: skip
    mine = client.get(f"/trainings/events/me/{listed.personal_token}").get_data(as_text=True)
    assert "Keitä paikalla on" in mine
    assert "Laura Listattu" in mine and "Piia Piilossa" not in mine
    assert 'href="https://www.instagram.com/listattu"' in mine
    for outsider in (queued, other_day):
        page = client.get(f"/trainings/events/me/{outsider.personal_token}").get_data(as_text=True)
        assert "Laura Listattu" not in page
    public = client.get(f"/trainings/events/{event.id}").get_data(as_text=True)
    assert "Laura Listattu" not in public and "instagram.com/listattu" not in public
    auth.login(db.session.get(User, event.created_by_id))
    organisers = client.get(f"/trainings/events/days/{first.id}/directory").get_data(as_text=True)
    assert "Laura Listattu" in organisers and "Piia Piilossa" not in organisers
    assert "Jonna Jonossa" not in organisers


def test_feedback_links_go_out_when_the_day_is_delivered_with_the_wish_board(
    client: FlaskClient, auth: Auth, mails: list[Mail]
) -> None:
    organiser = auth.login(create_organiser())
    event = create_event(organiser, days=1)
    [day] = days_of(event)
    [came] = register(event, [day])
    register(event, [day])  # this one does not come
    day.starts_at = utcnow() - timedelta(hours=4)  # the day is over
    day.ends_at = utcnow() - timedelta(hours=1)
    day.registration_closes_at = day.starts_at
    db.session.commit()
    mails.clear()
    client.post(f"/trainings/sessions/{day.id}/attendance", data={"present": [str(came.id)]})
    [invitation] = without_certificates(mails)
    assert invitation.to == came.email
    assert f"/feedback/w/{event.wish_board.token}" in invitation.body
    manage = client.get(f"/trainings/events/{event.id}/manage").get_data(as_text=True)
    assert "ei vielä vastauksia" in manage
    assert client.get(f"/trainings/sessions/{day.id}/feedback").status_code == 200


def test_moving_without_choosing_a_group_is_explained(client: FlaskClient, auth: Auth) -> None:
    organiser = auth.login(create_organiser())
    event = create_event(organiser, days=1)
    [day] = days_of(event)
    [person] = register(event, [day])
    response = client.post(f"/trainings/events/days/{day.id}/groups/move",
                           data={"registration": person.id, "group": ""})  # fmt: skip
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Valitse ryhmä." in page


def test_a_participant_takes_back_their_own_link_only(client: FlaskClient) -> None:
    event = create_event(days=1)
    [day] = days_of(event)
    [mine] = register(event, [day], name="Oma Linkki")
    [theirs] = register(event, [day], name="Toinen Linkki")
    for person, url in ((mine, "https://x.com/oma"), (theirs, "https://x.com/toinen")):
        client.post(f"/trainings/events/me/{person.personal_token}/links", data={"url": url})
    own, other = (
        db.session.scalar(sa.select(SharedLink).where(SharedLink.email == person.email))
        for person in (mine, theirs)
    )
    mine_page = f"/trainings/events/me/{mine.personal_token}"
    assert client.post(f"{mine_page}/links/{other.id}/remove").status_code == 404  # an id typed in
    assert client.post(f"{mine_page}/links/{own.id}/remove").status_code == 302
    left = db.session.scalars(sa.select(SharedLink.url).where(SharedLink.event_id == event.id))
    assert list(left) == ["https://x.com/toinen"]

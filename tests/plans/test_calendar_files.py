"""The calendar as files: the .ics feeds carry planned entries; CSV goes out and comes back."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask.testing import FlaskClient
from icalendar import Calendar

from paja.extensions import db
from paja.links import base_url
from plans.labels import PlanRole, Status
from plans.models import Entry
from tests.conftest import Auth
from tests.plans.factories import colleague, entry, org_plan, personal_plan

UTC = ZoneInfo("UTC")


def events(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_the_plan_feed_parses_and_carries_scheduled_entries(client: FlaskClient) -> None:
    plan = org_plan()
    idea = entry(plan, datetime(2027, 3, 2, 10), topic="Viikon uutiset")
    approved = entry(
        plan, datetime(2027, 3, 4, 17), topic="Studia Generalia", status=Status.APPROVED
    )
    response = client.get(f"/plans/feed/{plan.feed_token}.ics")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    found = {str(e["uid"]): e for e in events(response.data)}
    assert set(found) == {
        f"paja-plan-entry-{idea.id}@localhost",
        f"paja-plan-entry-{approved.id}@localhost",
    }
    first = found[f"paja-plan-entry-{idea.id}@localhost"]
    assert first.decoded("dtstart") == datetime(2027, 3, 2, 8, tzinfo=UTC)
    assert str(first["status"]) == "TENTATIVE"
    assert str(first["summary"]) == "Facebook: Viikon uutiset"
    assert "Tila: Idea" in str(first["description"])
    assert str(found[f"paja-plan-entry-{approved.id}@localhost"]["status"]) == "CONFIRMED"
    assert str(first["url"]) == f"{base_url()}/plans/entries/{idea.id}"


def test_renewing_the_feed_retires_the_old_address(client: FlaskClient, auth: Auth) -> None:
    plan = org_plan()
    old = plan.feed_token
    auth.login(plan.owner)
    client.post(f"/plans/{plan.id}/feed")
    db.session.refresh(plan)
    assert plan.feed_token != old
    assert client.get(f"/plans/feed/{old}.ics").status_code == 404
    assert client.get(f"/plans/feed/{plan.feed_token}.ics").status_code == 200


def test_the_personal_feed_has_the_entries_one_owns_in_plans_one_sees(
    client: FlaskClient, auth: Auth
) -> None:
    plan = org_plan()
    editor = colleague(plan, PlanRole.EDITOR)
    mine = entry(plan, datetime(2099, 1, 5, 10), owner=editor, topic="Minun")
    entry(plan, datetime(2099, 1, 6, 10), owner=plan.owner, topic="Omistajan")
    auth.login(editor)
    client.post("/plans/my-feed")
    page = client.get("/plans/").get_data(as_text=True)
    token = page.split("/plans/my-feed/")[1].split(".ics")[0]
    found = events(client.get(f"/plans/my-feed/{token}.ics").data)
    assert [str(e["uid"]) for e in found] == [f"paja-plan-entry-{mine.id}@localhost"]
    plan.organisation.memberships = [
        m for m in plan.organisation.memberships if m.user_id != editor.id
    ]
    db.session.commit()
    assert events(client.get(f"/plans/my-feed/{token}.ics").data) == []
    assert client.get("/plans/my-feed/not-a-token.ics").status_code == 404


def test_csv_goes_out_and_comes_back_the_same(client: FlaskClient, auth: Auth) -> None:
    plan = org_plan()
    editor = colleague(plan, PlanRole.EDITOR)
    entry(plan, datetime(2027, 3, 2, 10), topic='=HYPERLINK("x")', owner=editor)
    entry(
        plan,
        datetime(2027, 4, 1, 17, 30),
        channel="instagram",
        topic="Välkky; ”lainaus”",
        status=Status.DRAFT,
    )
    auth.login(plan.owner)
    exported = client.get(f"/plans/{plan.id}/calendar.csv")
    assert exported.mimetype == "text/csv"
    text = exported.get_data(as_text=True)
    assert "'=HYPERLINK" in text  # defused for spreadsheets
    other = org_plan(
        owner=plan.owner, organisation=plan.organisation, roles={editor: PlanRole.EDITOR}
    )
    response = client.post(
        f"/plans/{other.id}/calendar/import",
        data={"file": (io.BytesIO(exported.data), "kalenteri.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    keys = lambda plan_id: [  # noqa: E731
        (e.starts_at, e.channel, e.topic, e.status, e.owner_id)
        for e in db.session.scalars(
            sa.select(Entry).where(Entry.plan_id == plan_id).order_by(Entry.starts_at)
        )
    ]
    db.session.expire_all()
    assert keys(other.id) == keys(plan.id)
    assert keys(other.id)[0][2] == '=HYPERLINK("x")'


BAD = (
    "date;time;channel;format;topic;owner_email;deadline;status\n"
    "2027-03-02;10:00;facebook;post;Hyvä rivi;;;idea\n"
    "2027-13-02;10:00;facebook;post;Huono päivä;;;idea\n"
    "2027-03-03;25:00;tiktok;reel;;ulkopuolinen@example.fi;2027-03-09;approved\n"
)


def test_a_bad_csv_lists_every_bad_row_and_imports_nothing(client: FlaskClient, auth: Auth) -> None:
    plan = org_plan()
    auth.login(plan.owner)
    response = client.post(
        f"/plans/{plan.id}/calendar/import",
        data={"file": (io.BytesIO(BAD.encode()), "kalenteri.csv")},
        content_type="multipart/form-data",
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Mitään ei tuotu." in page
    assert "Rivi 3: Päivämäärä 2027-13-02 ei ole päivämäärä" in page
    for problem in ("Kellonaika 25:00 ei ole kellonaika", "Kanava tiktok ei kuulu suunnitelmaan.",
                    "Muotoa reel ei tunneta.", "Aihe tarvitaan", "Tila approved:",
                    "ulkopuolinen@example.fi ei ole tämän suunnitelman muokkaaja.",
                    "Sisäinen määräpäivä ei saa olla julkaisupäivän jälkeen."):  # fmt: skip
        assert f"Rivi 4: {problem}" in page.replace("&#34;", '"')
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Entry)) == 0
    for data, message in (
        (b"\xff\xfe\x00bad", "UTF-8"),
        (b"", "Tiedosto on tyhjä."),
        (b"topic\nx\n", "Sarakkeita puuttuu: date, channel"),
    ):
        sent = client.post(
            f"/plans/{plan.id}/calendar/import",
            data={"file": (io.BytesIO(data), "x.csv")},
            content_type="multipart/form-data",
        )
        assert message in sent.get_data(as_text=True)


def test_personal_plan_entries_can_be_imported_by_the_owner(
    client: FlaskClient, auth: Auth
) -> None:
    plan = personal_plan()
    auth.login(plan.owner)
    csv = "date,channel,topic\n2027-05-02,x,Ensimmäinen twiitti\n"
    response = client.post(
        f"/plans/{plan.id}/calendar/import",
        data={"file": (io.BytesIO(csv.encode()), "k.csv")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert "1 merkintä tuotu." in response.get_data(as_text=True)


def test_a_moved_entry_is_a_new_version_and_an_empty_feed_is_valid(client: FlaskClient) -> None:
    from datetime import date

    from plans.operations.calendar import move_entry

    plan = org_plan()
    empty = Calendar.from_ical(client.get(f"/plans/feed/{plan.feed_token}.ics").data)
    assert empty.walk("VEVENT") == [] and len(empty.walk("VTIMEZONE")) == 1
    item = entry(plan, datetime(2027, 3, 2, 10), topic="Viikon uutiset")
    (before,) = events(client.get(f"/plans/feed/{plan.feed_token}.ics").data)
    move_entry(item, date(2027, 3, 5))
    db.session.commit()
    (after,) = events(client.get(f"/plans/feed/{plan.feed_token}.ics").data)
    assert str(after["uid"]) == str(before["uid"])
    assert after["sequence"] == before["sequence"] + 1
    assert item.changed_at is not None  # LAST-MODIFIED is now the move, not the creation
    assert after.decoded("last-modified") == item.changed_at.replace(microsecond=0)

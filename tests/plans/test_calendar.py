"""The publishing calendar: entries, approval by someone else, moving, repeats, warnings."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask.testing import FlaskClient

from paja.extensions import db
from plans.labels import PlanRole, Status
from plans.models import Entry, PlanSection
from plans.recurrence import Repeat, occurrences
from tests.conftest import Auth
from tests.plans.factories import colleague, entry, org_plan

HELSINKI = ZoneInfo("Europe/Helsinki")


def entries_of(plan_id: int) -> list[Entry]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            sa.select(Entry).where(Entry.plan_id == plan_id).order_by(Entry.starts_at)
        )
    )


def form(**values: str) -> dict[str, str]:
    return {"starts": "2027-03-02T10:00", "channel": "facebook", "format": "post",
            "topic": "Viikon uutiset", "owner": "0", "repeat": "", **values}  # fmt: skip


def test_an_editor_adds_an_entry_at_helsinki_time(client: FlaskClient, auth: Auth) -> None:
    plan = org_plan()
    auth.login(plan.owner)
    response = client.post(f"/plans/{plan.id}/entries/new", data=form(alt_text="Kuva pokaalista"))
    assert response.status_code == 302
    assert response.headers["Location"].endswith("month=2027-03")
    (made,) = entries_of(plan.id)
    assert made.starts_at == datetime(2027, 3, 2, 8, 0, tzinfo=ZoneInfo("UTC"))
    assert (made.status, made.author_id, made.alt_text) == (
        Status.IDEA,
        plan.owner.id,
        "Kuva pokaalista",
    )


def test_bad_entries_are_refused_and_what_was_typed_stays(client: FlaskClient, auth: Auth) -> None:
    plan = org_plan(channels=("facebook",))
    auth.login(plan.owner)
    page = client.post(
        f"/plans/{plan.id}/entries/new", data=form(channel="tiktok", topic="Tanssihaaste")
    ).get_data(as_text=True)
    assert "Valitse jokin luetelluista vaihtoehdoista." in page and 'value="Tanssihaaste"' in page
    late = client.post(f"/plans/{plan.id}/entries/new", data=form(deadline="2027-03-05")).get_data(
        as_text=True
    )
    assert "Sisäinen määräpäivä ei saa olla julkaisupäivän jälkeen." in late
    endless = client.post(f"/plans/{plan.id}/entries/new", data=form(repeat="week")).get_data(
        as_text=True
    )
    assert "Anna päättymispäivä tai kertojen määrä." in endless
    missing = client.post(f"/plans/{plan.id}/entries/new", data=form(starts="", topic="")).get_data(
        as_text=True
    )
    assert "Anna julkaisuaika." in missing and "Anna aihe." in missing
    assert entries_of(plan.id) == []


def test_approval_refuses_the_author_and_takes_another_editor(
    client: FlaskClient, auth: Auth
) -> None:
    plan = org_plan()
    editor = colleague(plan, PlanRole.EDITOR)
    made = entry(plan, datetime(2027, 3, 2, 10), author=editor)
    auth.login(editor)
    page = client.post(
        f"/plans/entries/{made.id}/status", data={"status": "approved"}, follow_redirects=True
    )
    assert "Kirjoitit tämän merkinnän: toisen muokkaajan on hyväksyttävä se." in page.get_data(
        as_text=True
    )
    assert entries_of(plan.id)[0].status == Status.IDEA
    refused = client.post(
        f"/plans/entries/{made.id}/status", data={"status": "published"}, follow_redirects=True
    )
    assert "Vain hyväksytyn merkinnän voi julkaista." in refused.get_data(as_text=True)
    auth.login(plan.owner)
    client.post(f"/plans/entries/{made.id}/status", data={"status": "approved"})
    approved = entries_of(plan.id)[0]
    assert (approved.status, approved.approved_by_id) == (Status.APPROVED, plan.owner.id)
    client.post(f"/plans/entries/{made.id}/status", data={"status": "published"})
    assert entries_of(plan.id)[0].status == Status.PUBLISHED


def test_changed_text_of_an_approved_entry_goes_back_to_review(
    client: FlaskClient, auth: Auth
) -> None:
    plan = org_plan()
    editor = colleague(plan, PlanRole.EDITOR)
    made = entry(plan, datetime(2027, 3, 2, 10), author=editor, status=Status.APPROVED)
    auth.login(plan.owner)
    client.post(f"/plans/entries/{made.id}", data=form(topic="Uusi otsikko"))
    changed = entries_of(plan.id)[0]
    assert (changed.status, changed.author_id, changed.approved_by_id) == (
        Status.REVIEW,
        plan.owner.id,
        None,
    )
    page = client.post(
        f"/plans/entries/{made.id}/status", data={"status": "approved"}, follow_redirects=True
    )
    assert "toisen muokkaajan on hyväksyttävä se" in page.get_data(as_text=True)


def test_without_required_approval_the_author_publishes(client: FlaskClient, auth: Auth) -> None:
    plan = org_plan(approval=False)
    made = entry(plan, datetime(2027, 3, 2, 10))
    auth.login(plan.owner)
    client.post(f"/plans/entries/{made.id}/status", data={"status": "published"})
    assert entries_of(plan.id)[0].status == Status.PUBLISHED


def test_moving_keeps_the_time_and_moves_the_deadline(client: FlaskClient, auth: Auth) -> None:
    plan = org_plan()
    made = entry(plan, datetime(2027, 3, 26, 10))
    made.deadline = date(2027, 3, 24)
    db.session.commit()
    auth.login(plan.owner)
    back = f"/plans/{plan.id}/calendar/week?day=2027-03-26"
    response = client.post(
        f"/plans/entries/{made.id}/move", data={"day": "2027-03-29", "back": back}
    )
    assert response.headers["Location"] == back
    moved = entries_of(plan.id)[0]
    # across the change to summer time: still 10.00 in Helsinki
    assert moved.starts_at.astimezone(HELSINKI).replace(tzinfo=None) == datetime(2027, 3, 29, 10)
    assert moved.deadline == date(2027, 3, 27)
    assert moved.sequence == 1
    elsewhere = client.post(
        f"/plans/entries/{made.id}/move",
        data={"day": "2027-04-01", "back": "https://evil.example/"},
    )
    assert elsewhere.headers["Location"] == f"/plans/entries/{made.id}"
    bad = client.post(
        f"/plans/entries/{made.id}/move", data={"day": "1.4.2027"}, follow_redirects=True
    )
    assert bad.status_code == 200
    assert entries_of(plan.id)[0].starts_at.astimezone(HELSINKI).date() == date(2027, 4, 1)


def test_weekly_repeats_keep_helsinki_time_across_the_dst_change() -> None:
    starts = occurrences(datetime(2026, 10, 13, 10), Repeat("week", count=4))
    local = [s.astimezone(HELSINKI) for s in starts]
    assert [d.date() for d in local] == [
        date(2026, 10, 13),
        date(2026, 10, 20),
        date(2026, 10, 27),
        date(2026, 11, 3),
    ]
    assert {d.hour for d in local} == {10}
    assert [s.hour for s in starts] == [7, 7, 8, 8]  # UTC: +3 in summer, +2 in winter


def test_monthly_repeats_skip_months_without_the_day_and_stop_at_the_end_day() -> None:
    starts = occurrences(datetime(2027, 1, 31, 9), Repeat("month", until=date(2027, 7, 1)))
    assert [s.astimezone(HELSINKI).date() for s in starts] == [
        date(2027, 1, 31),
        date(2027, 3, 31),
        date(2027, 5, 31),
    ]


def test_a_repeating_entry_makes_a_series_that_can_be_deleted_from_one_on(
    client: FlaskClient, auth: Auth
) -> None:
    plan = org_plan()
    auth.login(plan.owner)
    response = client.post(
        f"/plans/{plan.id}/entries/new",
        data=form(starts="2026-10-13T10:00", repeat="week", count="4", deadline="2026-10-12"),
        follow_redirects=True,
    )
    assert "4 merkintää lisätty." in response.get_data(as_text=True)
    made = entries_of(plan.id)
    assert len({e.series for e in made}) == 1 and made[0].series
    assert [e.deadline for e in made] == [
        date(2026, 10, 12),
        date(2026, 10, 19),
        date(2026, 10, 26),
        date(2026, 11, 2),
    ]
    client.post(f"/plans/entries/{made[2].id}/delete", data={"series": "1"})
    assert [e.id for e in entries_of(plan.id)] == [made[0].id, made[1].id]


def test_warnings_for_clashes_and_thin_weeks_over_the_horizon(
    client: FlaskClient, auth: Auth
) -> None:
    plan = org_plan()
    db.session.get(PlanSection, (plan.id, "9")).answers = {"9a": {"times": 1, "per": "week"}}  # type: ignore[union-attr]
    db.session.get(PlanSection, (plan.id, "14")).answers = {
        "14a": {"start": "2027-03-01", "months": 3}
    }  # type: ignore[union-attr]
    db.session.commit()
    start = date(2027, 3, 2)
    for week in range(13):
        if week != 5:
            entry(
                plan,
                datetime.combine(start + timedelta(weeks=week), datetime.min.time()).replace(
                    hour=10
                ),
            )
    entry(plan, datetime(2027, 3, 2, 10, 30), topic="Toinen samaan aikaan")
    entry(plan, datetime(2027, 3, 2, 10, 30), channel="instagram", topic="Eri kanava")
    auth.login(plan.owner)
    page = client.get(f"/plans/{plan.id}/calendar?month=2027-03").get_data(as_text=True)
    assert "Varoitukset ajalle" in page
    assert page.count("Kaksi merkintää kanavassa") == 1
    assert "Kaksi merkintää kanavassa Facebook tunnin sisällä" in page
    assert page.count("vähemmän kuin suunnitelman 1 viikossa") == 1
    assert "Viikolla, joka alkaa 5.4.2027, on merkintöjä (0)" in page


def test_the_month_view_runs_the_same_queries_for_10_and_5000_entries(
    client: FlaskClient, auth: Auth, count_queries
) -> None:
    plan = org_plan()
    auth.login(plan.owner)

    def fill(count: int) -> None:
        first = datetime(2027, 3, 1, 8, tzinfo=ZoneInfo("UTC"))
        db.session.execute(sa.insert(Entry), [
            {"plan_id": plan.id, "starts_at": first + timedelta(minutes=(n * 523) % (30 * 24 * 60)),
             "channel": "facebook", "format": "post", "topic": f"Aihe {n}", "text": "", "goal": "",
             "audience": "", "alt_text": "", "status": "idea", "owner_id": plan.owner_id,
             "author_id": plan.owner_id, "sequence": 0, "created_at": first}
            for n in range(count)
        ])  # fmt: skip
        db.session.commit()

    fill(10)
    with count_queries() as few:
        assert client.get(f"/plans/{plan.id}/calendar?month=2027-03").status_code == 200
    fill(4990)
    with count_queries() as many:
        page = client.get(f"/plans/{plan.id}/calendar?month=2027-03")
    assert page.status_code == 200
    assert page.get_data(as_text=True).count('class="plan-entry') == 2 * 5000  # grid and phone list
    assert len(many) == len(few)
    with count_queries() as listed:
        assert client.get(f"/plans/{plan.id}/calendar/list?page=3").status_code == 200
    assert len(listed) <= len(few) + 2


def test_week_and_list_views_show_the_entries(client: FlaskClient, auth: Auth) -> None:
    plan = org_plan()
    entry(plan, datetime(2027, 3, 3, 14), topic="Studia Generalia")
    auth.login(plan.owner)
    week = client.get(f"/plans/{plan.id}/calendar/week?day=2027-03-04").get_data(as_text=True)
    assert "Studia Generalia" in week and "keskiviikko 3.3.2027" in week
    listed = client.get(f"/plans/{plan.id}/calendar/list").get_data(as_text=True)
    assert "Studia Generalia" in listed and "1 merkintä" in listed
    odd = client.get(f"/plans/{plan.id}/calendar?month=99999-1")
    assert odd.status_code == 200

"""Daily reminders to the owners of calendar entries due in the coming days."""

from datetime import date, datetime, timedelta
from pathlib import Path

from paja.database import utcnow
from paja.extensions import db
from paja.i18n import wall_clock
from paja.mail import Mail
from plans.labels import PlanRole, Status
from plans.operations.reminders import send_reminders
from tests.conftest import make_file_app
from tests.plans.factories import colleague, entry, org_plan

TODAY = date(2027, 3, 1)


def at(days: int, hour: int = 10) -> datetime:
    return datetime.combine(TODAY + timedelta(days=days), datetime.min.time()).replace(hour=hour)


def test_each_owner_gets_one_mail_listing_their_entries_once(mails: list[Mail]) -> None:
    plan = org_plan()
    editor = colleague(plan, PlanRole.EDITOR)
    editor.locale = "sv"
    entry(plan, at(1), owner=editor, topic="Huomenna")
    entry(plan, at(3), owner=editor, topic="Kolmen päivän päästä")
    entry(plan, at(4), owner=editor, topic="Liian myöhään")
    entry(plan, at(2), owner=editor, topic="Jo julkaistu", status=Status.PUBLISHED)
    entry(plan, at(2), owner=plan.owner, topic="Omistajan")
    entry(plan, at(2), topic="Ei vastuuhenkilöä")
    late = entry(plan, at(10), owner=plan.owner, topic="Määräpäivä lähellä")
    late.deadline = TODAY + timedelta(days=2)
    db.session.commit()
    assert send_reminders(TODAY, days=3) == 2
    db.session.commit()  # the mails go when the reminders are recorded
    by_person = {m.to: m for m in mails}
    assert set(by_person) == {editor.email, plan.owner.email}
    swedish = by_person[editor.email]
    assert swedish.subject == "2 poster i din publiceringskalender är snart aktuella"
    assert "Huomenna" in swedish.body and "Kolmen päivän päästä" in swedish.body
    assert "Liian myöhään" not in swedish.body and "Jo julkaistu" not in swedish.body
    assert "Määräpäivä lähellä" in by_person[plan.owner.email].body
    mails.clear()
    assert send_reminders(TODAY, days=3) == 0  # each entry is reminded of once
    assert mails == []


def test_someone_who_left_the_organisation_is_not_reminded(mails: list[Mail]) -> None:
    plan = org_plan()
    editor = colleague(plan, PlanRole.EDITOR)
    entry(plan, at(1), owner=editor)
    plan.organisation.memberships = [
        m for m in plan.organisation.memberships if m.user_id != editor.id
    ]
    db.session.commit()
    assert send_reminders(TODAY) == 0


def test_the_daily_command_sends_and_reports(tmp_path: Path) -> None:
    app = make_file_app(tmp_path)
    with app.app_context():
        plan = org_plan()
        tomorrow = wall_clock(utcnow()) + timedelta(days=1)
        entry(plan, tomorrow.replace(hour=10, minute=0, second=0, microsecond=0), owner=plan.owner)
    result = app.test_cli_runner().invoke(args=["plans", "remind"])
    assert result.exit_code == 0, result.output
    assert "plan reminders: 1 mails" in result.output

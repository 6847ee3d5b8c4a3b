"""In a real browser: write a plan's section, comment with a mention, add a calendar entry and
move it with the keyboard, in Finnish and in Swedish; a trainer reads the plans shared with her."""

from __future__ import annotations

import re
from datetime import date, timedelta

import sqlalchemy as sa
from flask import Flask
from playwright.sync_api import Page, expect

from paja.extensions import db
from paja.mail import outbox
from plans.models import Entry, Plan
from tests.e2e.conftest import check_page, log_in

TITLE = "TJS Opintokeskuksen Facebook-suunnitelma"
WORDS = {
    "fi": {"save": "Tallenna osio", "saved": "Osio on tallennettu.", "send": "Lähetä",
           "posted": "Kommenttisi on julkaistu.", "new": "Uusi merkintä", "time": "Julkaisuaika",
           "topic": "Aihe", "entry": "Tallenna merkintä", "added": "1 merkintä lisätty.",
           "week": "Viikko", "move": "Siirrä", "day": "Siirrä päivälle", "moved": "Merkintä on siirretty",
           "comment": "Kommentti", "calendar": "Kalenteri"},
    "sv": {"save": "Spara avsnittet", "saved": "Avsnittet har sparats.", "send": "Skicka",
           "posted": "Din kommentar har publicerats.", "new": "Ny post", "time": "Publiceringstid",
           "topic": "Ämne", "entry": "Spara posten", "added": "1 post tillagd.",
           "week": "Vecka", "move": "Flytta", "day": "Flytta till dag", "moved": "Posten har flyttats",
           "comment": "Kommentar", "calendar": "Kalender"},
}  # fmt: skip


def plan_id(app: Flask) -> int:
    with app.app_context():
        found = db.session.scalar(sa.select(Plan.id).where(Plan.title == TITLE))
    assert found is not None
    return found


def entry_day(app: Flask, topic: str) -> date:
    with app.app_context():
        found = db.session.scalar(sa.select(Entry).where(Entry.topic == topic))
        assert found is not None
        return found.starts_at.date()


def write_comment_and_plan(page: Page, app: Flask, language: str, key: str, shot: int) -> None:
    """The section, the mention and a keyboard-moved entry, in one language."""
    w = WORDS[language]
    plan = plan_id(app)
    page.goto(f"/plans/{plan}/sections/{key}")
    check_page(page, f"{shot}-plan-section-{language}")
    page.locator("main textarea").first.fill(f"Kirjoitettu selaimessa ({language})")
    page.get_by_role("button", name=w["save"]).click()
    expect(page.get_by_role("status")).to_contain_text(w["saved"])
    with app.app_context():
        outbox().clear()
    page.get_by_label(w["comment"]).fill(f"@MattiJärvinen katsotko tämän ({language})?")
    page.get_by_role("button", name=w["send"]).click()
    expect(page.get_by_role("status")).to_contain_text(w["posted"])
    expect(page.locator("strong.mention", has_text="@MattiJärvinen").last).to_be_visible()
    with app.app_context():
        assert [m.to for m in outbox()] == ["matti.jarvinen@tjs.example"]
    check_page(page, f"{shot + 1}-plan-comment-{language}")

    topic = f"Selaimessa lisätty ({language})"
    page.goto(f"/plans/{plan}/calendar")
    check_page(page, f"{shot + 2}-plan-month-{language}")
    page.get_by_role("link", name=w["new"], exact=True).click()
    check_page(page, f"{shot + 3}-plan-entry-new-{language}")
    start = (date.today().replace(day=1) + timedelta(days=40)).replace(day=10)  # mid-month
    page.get_by_label(re.compile(f"^{w['time']}")).fill(f"{start.isoformat()}T11:00")
    page.get_by_label(re.compile(f"^{w['topic']}")).fill(topic)
    page.get_by_role("button", name=w["entry"]).click()
    expect(page.get_by_role("status")).to_contain_text(w["added"])

    page.goto(f"/plans/{plan}/calendar/week?day={start.isoformat()}")
    check_page(page, f"{shot + 4}-plan-week-{language}")
    summary = page.locator("summary", has_text=topic)
    summary.focus()
    page.keyboard.press("Enter")  # opens the move form, keyboard only
    target = start + timedelta(days=1)
    day_field = page.get_by_label(w["day"]).locator("visible=true").first
    expect(day_field).to_be_visible()
    page.keyboard.press("Tab")  # to the day field
    assert page.evaluate("document.activeElement.type") == "date"
    for _part in range(3):  # its parts are in the browser's own order: find the day's
        page.keyboard.press("ArrowUp")
        if day_field.input_value() == target.isoformat():
            break
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowRight")
    expect(day_field).to_have_value(target.isoformat())
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text(w["moved"])
    assert entry_day(app, topic) == target


def test_communications_officer_writes_plans_in_finnish_and_swedish(
    page: Page, live_app: Flask
) -> None:
    log_in(page, "marika.virtanen@tjs.example")
    page.goto("/plans/")
    check_page(page, "130-plans-fi")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    check_page(page, "131-plan-fi")
    write_comment_and_plan(page, live_app, "fi", "17", 132)
    page.get_by_role("button", name="Svenska").click()
    write_comment_and_plan(page, live_app, "sv", "19", 140)
    plan = plan_id(live_app)
    for path, name in ((f"/plans/{plan}/comments", "comments"), (f"/plans/{plan}/people", "people"),
                       (f"/plans/{plan}/calendar/list", "list"), (f"/plans/{plan}/print", "print"),
                       (f"/plans/{plan}/sections/7/history", "history")):  # fmt: skip
        page.goto(path)
        check_page(page, f"146-plan-{name}-sv")
    page.get_by_role("button", name="English").click()
    page.goto(f"/plans/{plan}")
    expect(page.get_by_role("heading", name="Sections")).to_be_visible()
    check_page(page, "147-plan-en")
    page.goto(f"/plans/{plan}/calendar")
    page.set_viewport_size({"width": 375, "height": 740})
    check_page(page, "148-plan-month-phone-en")
    page.set_viewport_size({"width": 1440, "height": 900})
    page.get_by_role("button", name="Suomi").click()


def test_trainer_reads_and_comments_the_plans_shared_with_her_session(page: Page) -> None:
    log_in(page, "pilvi.nummi@paja.example")
    page.goto("/plans/")
    expect(page.get_by_role("heading", name="Jaettu koulutustilaisuuksiini")).to_be_visible()
    page.get_by_role("link", name="Oma Twitter-suunnitelma").first.click()
    expect(page.get_by_text("Roolisi: Kommentoija")).to_be_visible()
    check_page(page, "149-shared-plan-fi")
    page.get_by_role("link", name=re.compile("^15\\. ")).click()
    page.get_by_label("Kommentti").fill("Hyvä suunnitelma, jatka samaan malliin!")
    page.get_by_role("button", name="Lähetä").click()
    expect(page.get_by_role("status")).to_contain_text("Kommenttisi on julkaistu.")
    check_page(page, "150-shared-plan-section-fi")

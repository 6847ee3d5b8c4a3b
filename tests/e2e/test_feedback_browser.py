"""In a real browser: answer a survey on a phone, then read the summaries as the trainer."""

import re

import sqlalchemy as sa
from flask import Flask
from playwright.sync_api import Page, expect

from paja.extensions import db
from tests.e2e.conftest import check_page, error_message, log_in
from trainings.models import TrainingSession


def survey_token(live_app: Flask) -> str:
    """The public link token of the open demo session's survey."""
    with live_app.app_context():
        session = db.session.scalar(
            sa.select(TrainingSession)
            .where(TrainingSession.organisation_id.is_(None))
            .order_by(TrainingSession.id)
        )
        return session.feedback_survey.public_token


def choose(page: Page, question: str, value: str) -> None:
    """Click a scale button by its number (its name may add what the end of the scale means)."""
    group = page.get_by_role("group", name=re.compile(f"^{question}"))
    group.locator("label").filter(has_text=re.compile(rf"^{value}(\D|$)")).click()


def test_answer_on_a_phone_and_read_the_summary(page: Page, live_app: Flask) -> None:
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"/feedback/a/{survey_token(live_app)}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Twitter-koulutus: perusteet")
    check_page(page, "50-survey-phone-fi")
    choose(page, "Kokonaisarvio", "5")
    page.get_by_role("button", name="Lähetä vastaukset").click()
    expect(error_message(page)).to_contain_text("Tähän kysymykseen tarvitaan vastaus.")
    expect(page.locator("#form-errors")).to_be_focused()
    check_page(page, "51-survey-errors-phone-fi")
    expect(
        page.get_by_role("group", name=re.compile("^Kokonaisarvio")).get_by_role(
            "radio", name=re.compile(r"^5\b")
        )
    ).to_be_checked()
    for name in ("Kuinka konkreettinen", "Kuinka rohkaiseva", "Kouluttajan asiantuntemus"):
        choose(page, name, "4")
    choose(page, "Kuinka todennäköisesti", "9")
    page.get_by_label("Mikä oli parasta?").fill("Konkreettiset esimerkit")
    page.get_by_role("button", name="Lähetä vastaukset").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kiitos!")
    check_page(page, "52-survey-thanks-phone-fi")

    page.set_viewport_size({"width": 1440, "height": 900})
    log_in(page, "pilvi.nummi@paja.example")
    page.goto("/trainings/feedback")
    expect(page.get_by_role("heading", level=1)).to_have_text("Koulutustilaisuuksieni palaute")
    check_page(page, "53-trainer-feedback-fi")
    page.get_by_role("link", name="Twitter-koulutus: perusteet").last.click()  # the delivered one
    expect(page.get_by_text("NPS").first).to_be_visible()
    check_page(page, "54-session-feedback-summary-fi")
    page.goto("/feedback/surveys/")
    check_page(page, "55-surveys-fi")
    page.get_by_role("link", name=re.compile("Twitter-koulutus: perusteet")).first.click()
    check_page(page, "56-survey-editor-fi")


def test_theme_wishes_on_the_public_board_and_for_the_organiser(
    page: Page, live_app: Flask
) -> None:
    from feedback.models import WishBoard

    with live_app.app_context():
        token = db.session.scalar(sa.select(WishBoard.token))
    page.goto(f"/feedback/w/{token}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Verkostopäivien teematoiveet")
    check_page(page, "60-wishes-fi")
    page.get_by_label(re.compile("^Toiveesi")).fill("Saavutettava somesisältö")
    page.get_by_label("Nimesi (vapaaehtoinen)").fill("Hanke X")
    page.get_by_role("button", name="Lisää toive").click()
    expect(page.get_by_role("status")).to_contain_text("Toiveesi on taululla")
    page.get_by_role("button", name=re.compile(r"^Äänestä\s*: Saavutettava")).click()
    expect(page.get_by_role("status")).to_contain_text("Äänesi on laskettu.")
    check_page(page, "61-wishes-voted-fi")
    log_in(page, "helena.koivisto@paja.example")
    page.goto("/feedback/boards/")
    page.get_by_role("link", name="Verkostopäivien teematoiveet").click()
    expect(
        page.get_by_role("cell", name=re.compile("^Somemainonta ja sen tulosten"))
    ).to_be_visible()
    check_page(page, "62-wish-board-organiser-fi")

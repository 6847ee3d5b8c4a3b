"""In a real browser: join a programme under a pseudonym, log an interview, a manager approves
it, the standing moves; then leave and vanish from the boards; in Finnish and Swedish."""

from __future__ import annotations

import re

import sqlalchemy as sa
from flask import Flask
from playwright.sync_api import Page, expect

from incentives.models import Programme
from paja.demo import DEMO_PASSWORD
from paja.extensions import db
from paja.models import Membership, Organisation
from paja.operations import create_user
from tests.e2e.conftest import check_page, log_in

NAME = "Välitön viestintä vaikuttaa"


def test_expert_joins_logs_gets_approved_and_leaves(page: Page, live_app: Flask) -> None:
    with live_app.test_request_context():
        user = create_user("veera.viestija.e2e@sm.example", "Veera Viestijä", DEMO_PASSWORD)
        ministry = db.session.scalar(
            sa.select(Organisation).where(Organisation.business_id == "2000001-6")
        )
        db.session.add(Membership(organisation=ministry, user=user))
        programme_id = db.session.scalar(sa.select(Programme.id).where(Programme.name == NAME))
        db.session.commit()
    log_in(page, "veera.viestija.e2e@sm.example")
    page.goto("/incentives/")
    check_page(page, "160-programmes-fi")
    page.get_by_role("link", name=NAME).click()
    expect(
        page.get_by_text(
            "tuloksia ei koskaan käytetä suoriutumisen arvioinnissa", exact=False
        ).first
    ).to_be_visible()
    check_page(page, "161-programme-join-fi")
    page.get_by_label("Nimimerkillä").check()
    page.get_by_label("Nimimerkki").fill("Viestintävelho")
    page.get_by_role("button", name="Liity ohjelmaan").click()
    expect(page.get_by_role("status")).to_contain_text("Osallistut ohjelmaan")
    option = page.locator("#activity option", has_text="Mediahaastattelu")
    page.locator("#activity").select_option(value=option.get_attribute("value"))
    page.get_by_label("Mitä teit").fill("Haastattelu MTV:n uutisissa kotoutumisesta")
    page.get_by_role("button", name="Kirjaa toiminta").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Kirjattu: ohjelman vastaava käsittelee sen."
    )
    expect(page.get_by_role("cell", name="Odottaa hyväksyntää")).to_be_visible()
    check_page(page, "162-programme-logged-fi")

    page.context.clear_cookies()
    log_in(page, "tiia.talvitie@paja.example")
    page.goto(f"/incentives/{programme_id}/claims")
    check_page(page, "163-claims-fi")
    card = page.locator("section.card", has_text="Haastattelu MTV:n uutisissa")
    card.get_by_label(re.compile("^Perustelu")).fill("Hieno avaus!")
    card.get_by_role("button", name=re.compile("^Hyväksy")).click()
    expect(page.get_by_role("status")).to_contain_text("Hyväksytty.")
    for path, name in ((f"/incentives/{programme_id}/edit", "settings"), (f"/incentives/{programme_id}/awards", "awards"),
                       (f"/incentives/{programme_id}/bonus", "bonus")):  # fmt: skip
        page.goto(path)
        check_page(page, f"164-programme-{name}-fi")

    page.context.clear_cookies()
    log_in(page, "veera.viestija.e2e@sm.example")
    page.goto(f"/incentives/{programme_id}")
    media = page.get_by_role("row", name=re.compile("^Media- ja sidosryhmäviestintä"))
    expect(media.get_by_role("cell").first).to_have_text("20")
    expect(page.get_by_text("Perustelu: Hieno avaus!")).to_be_visible()
    check_page(page, "165-programme-standing-fi")
    page.get_by_role("button", name="Svenska").click()
    expect(page.get_by_role("heading", name="Din ställning")).to_be_visible()
    check_page(page, "166-programme-standing-sv")
    page.goto(f"/incentives/{programme_id}/boards")
    expect(page.get_by_text("Viestintävelho").first).to_be_visible()
    check_page(page, "167-boards-sv")
    page.get_by_role("button", name="Suomi").click()
    page.goto(f"/incentives/{programme_id}")
    page.get_by_role("button", name="Poistu ohjelmasta").click()
    expect(page.get_by_role("status")).to_contain_text("Poistuit ohjelmasta")
    page.goto(f"/incentives/{programme_id}/boards")
    expect(page.get_by_text("Viestintävelho")).to_have_count(0)
    check_page(page, "168-boards-fi")

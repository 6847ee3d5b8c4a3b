"""In a real browser: register for two network days, then split a day into small groups."""

import re

import sqlalchemy as sa
from flask import Flask
from playwright.sync_api import Page, expect

from paja.extensions import db
from tests.e2e.conftest import check_page, error_message, field, log_in, wait_for_path
from trainings.demo.event_data import NEXT_TITLE, TITLE
from trainings.models import Event, Registration
from trainings.queries.events import days_of


def event_and_days(live_app: Flask, title: str) -> tuple[int, list[int]]:
    """A demo event's id and its days' ids."""
    with live_app.app_context():
        event = db.session.scalar(sa.select(Event).where(Event.title == title))
        return event.id, [day.id for day in days_of(event)]


def personal_token(live_app: Flask, email: str) -> str:
    """The personal page's key that the confirmation mail carries."""
    with live_app.app_context():
        return db.session.scalar(
            sa.select(Registration.personal_token).where(Registration.email == email).limit(1)
        )


def test_register_for_two_days_and_share_a_link(page: Page, live_app: Flask) -> None:
    event_id, _ = event_and_days(live_app, NEXT_TITLE)
    page.goto("/trainings/events/")
    check_page(page, "90-events-fi")
    page.get_by_role("link", name=NEXT_TITLE).click()
    wait_for_path(page, f"/trainings/events/{event_id}")
    expect(page.get_by_role("heading", name="Esittäytyvät hankkeet")).to_be_visible()
    check_page(page, "91-event-fi")
    page.get_by_role("checkbox", name=re.compile(r"^1\.6\.2027")).check()
    page.get_by_role("checkbox", name=re.compile(r"^8\.6\.2027")).check()
    field(page, "Nimi").fill("Riikka Rekisteröijä")
    field(page, "Sähköposti").fill("riikka@example.fi")
    page.get_by_role("button", name="Ilmoittaudu").click()
    expect(error_message(page)).to_contain_text("Kirjoita organisaatiosi nimi.")
    expect(field(page, "Nimi")).to_have_value("Riikka Rekisteröijä")
    expect(page.get_by_role("checkbox", name=re.compile(r"^8\.6\.2027"))).to_be_checked()
    check_page(page, "92-event-registration-errors-fi")
    field(page, "Organisaatio").fill("Yhdessä töihin -hanke")
    page.get_by_label("Ruokavalio tai saavutettavuustarpeet").fill("Kasvisruoka")
    page.get_by_label(re.compile("^Näytä nimeni")).check()
    page.get_by_role("button", name="Ilmoittaudu").click()
    wait_for_path(page, f"/trainings/events/{event_id}")  # the personal page is in the mail
    expect(page.locator(".flashes")).to_contain_text("linkki omalle sivullesi")
    page.goto(f"/trainings/events/me/{personal_token(live_app, 'riikka@example.fi')}")
    expect(page.get_by_role("heading", level=2, name=re.compile(r"^1\.6\.2027"))).to_be_visible()
    expect(page.get_by_role("heading", level=2, name=re.compile(r"^8\.6\.2027"))).to_be_visible()
    field(page, "Tilin osoite").fill("http://www.instagram.com/yhdessa")
    page.get_by_role("button", name="Jaa linkki").click()
    expect(error_message(page)).to_contain_text("https://")
    field(page, "Tilin osoite").fill("https://www.instagram.com/yhdessatoihin")
    page.get_by_role("button", name="Jaa linkki").click()
    expect(page.get_by_role("link", name=re.compile("^Instagram")).first).to_be_visible()
    expect(page.get_by_role("cell", name="Riikka Rekisteröijä").first).to_be_visible()
    check_page(page, "93-my-event-fi")

    page.set_viewport_size({"width": 375, "height": 740})  # a phone: nothing scrolls sideways
    check_page(page, "106-my-event-phone-fi")
    page.goto(f"/trainings/events/{event_id}")
    check_page(page, "107-event-phone-fi")
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"/trainings/events/{event_id}")
    page.get_by_role("button", name="Svenska").click()
    expect(page.get_by_role("heading", name="Projekt som presenterar sig")).to_be_visible()
    check_page(page, "94-event-sv")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="Presenting projects")).to_be_visible()
    check_page(page, "95-event-en")
    page.get_by_role("button", name="Suomi").click()


def test_organiser_generates_and_publishes_small_groups(page: Page, live_app: Flask) -> None:
    event_id, day_ids = event_and_days(live_app, TITLE)
    log_in(page, "helena.koivisto@paja.example")
    page.goto("/trainings/events/mine")
    check_page(page, "96-my-events-fi")
    page.get_by_role("link", name=TITLE).click()
    wait_for_path(page, f"/trainings/events/{event_id}/manage")
    expect(page.get_by_role("heading", name="Teematoiveet")).to_be_visible()
    check_page(page, "97-manage-event-fi")
    page.goto(f"/trainings/events/days/{day_ids[0]}/groups")
    check_page(page, "98-day-groups-fi")
    field(page, "Henkilöä ryhmässä").fill("4")
    page.get_by_label("Keitä ryhmiin jaetaan").select_option("present")
    page.get_by_role("button", name="Muodosta ryhmät").click()
    expect(page.locator(".flashes")).to_contain_text("Ryhmät on muodostettu.")
    expect(page.get_by_role("heading", name="Ryhmä 1", exact=True)).to_be_visible()
    page.get_by_role("button", name="Julkaise ryhmät").click()
    expect(page.locator(".flashes")).to_contain_text("Ryhmät on julkaistu")
    check_page(page, "99-day-groups-made-fi")
    page.goto(f"/trainings/sessions/{day_ids[0]}/participants")
    check_page(page, "100-day-participants-fi")
    page.get_by_role("button", name="Tee nimikyltit (PDF)").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nimikyltit: ")
    expect(page.get_by_text("Tiedosto on valmis.")).to_be_visible()
    check_page(page, "169-badges-file-fi")
    page.get_by_role("link", name="Omat tiedostot").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Omat tiedostot")
    check_page(page, "170-my-files-fi")
    page.goto(f"/trainings/sessions/{day_ids[0]}/participants")
    page.get_by_role("link", name="Keitä paikalla on").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Keitä paikalla on")
    check_page(page, "108-day-directory-fi")
    page.goto(f"/trainings/events/days/{day_ids[0]}")
    check_page(page, "101-day-edit-fi")
    page.goto(f"/trainings/events/days/{day_ids[0]}/message")
    check_page(page, "102-day-message-fi")
    page.goto("/trainings/events/new")
    check_page(page, "103-new-event-fi")
    page.goto(f"/trainings/events/{event_id}/manage")
    page.get_by_role("button", name="Svenska").click()
    expect(page.get_by_role("heading", name="Temaönskemål")).to_be_visible()
    check_page(page, "104-manage-event-sv")
    page.goto(f"/trainings/events/days/{day_ids[0]}/groups")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="Make the groups")).to_be_visible()
    check_page(page, "105-day-groups-en")
    page.get_by_role("button", name="Suomi").click()  # the switch was saved to the profile

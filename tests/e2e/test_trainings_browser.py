"""In a real browser: a new customer orders a workshop; admin confirms it; a participant registers."""

from datetime import date, timedelta

from flask import Flask
from playwright.sync_api import Page, expect

from tests.e2e.conftest import check_page, error_message, field, log_in, mailed_path, wait_for_path

PASSWORD = "kolme-iloista-kissaa"


def test_new_customer_orders_and_admin_confirms(page: Page, browser, live_app: Flask) -> None:
    page.goto("/trainings/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Koulutukset")
    expect(page.get_by_text("500,00 € (alv 0 %)").first).to_be_visible()
    check_page(page, "30-catalogue-fi")
    field(page, "Toteutus").select_option("remote")
    page.get_by_role("button", name="Näytä koulutukset").click()
    expect(page.get_by_role("link", name="Twitter-koulutus: perusteet")).to_be_visible()
    expect(page.get_by_role("link", name="Puolen päivän some haltuun -koulutus")).to_have_count(0)
    check_page(page, "31-catalogue-filtered-fi")
    page.get_by_role("link", name="Kahden tunnin somestartti").click()
    check_page(page, "32-offering-fi")
    page.get_by_role("link", name="Tilaa tämä koulutus").click()
    wait_for_path(page, "/trainings/somestartti/order")
    check_page(page, "33-order-form-fi")

    field(page, "Nimi").fill("Marja Kuntalainen")
    field(page, "Sähköposti").fill("marja.e2e@example.fi")
    field(page, "Salasana").fill(PASSWORD)
    field(page, "Salasana uudelleen").fill(PASSWORD)
    field(page, "Organisaation nimi").fill("Järvenpään kaupunki")
    field(page, "Y-tunnus").fill("7654321-2")
    field(page, "Arvioitu osallistujamäärä").fill("12")
    field(page, "Toivottu päivä").fill((date.today() - timedelta(days=1)).isoformat())
    field(page, "Toteutus").select_option("remote")
    page.get_by_label("Facebook").check()
    field(page, "Räätälöintitoiveet").fill("Kaavoituksen viestintä")
    field(page, "Verkkolaskuosoite").fill("003701120389")
    field(page, "Verkkolaskuoperaattori").fill("003721291126")
    page.get_by_role("button", name="Lähetä tilaus").click()
    expect(error_message(page)).to_contain_text("Ehdota tulevia päiviä.")
    expect(field(page, "Räätälöintitoiveet")).to_have_value("Kaavoituksen viestintä")
    expect(field(page, "Salasana")).to_have_value(PASSWORD)  # nothing typed is lost
    check_page(page, "34-order-form-error-fi")
    field(page, "Toivottu päivä").fill((date.today() + timedelta(days=40)).isoformat())
    page.get_by_role("button", name="Lähetä tilaus").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Katso sähköpostisi")
    page.goto(mailed_path(live_app, "marja.e2e@example.fi", "/auth/confirm/"))
    page.get_by_role("button", name="Luo tilini").click()
    expect(page.get_by_role("status").first).to_contain_text("Tervetuloa Pajaan")
    expect(page.get_by_text("627,50 €").first).to_be_visible()
    check_page(page, "35-order-fi")
    pdf = page.request.get(
        page.get_by_role("link", name="Tilausvahvistus (PDF)").get_attribute("href")
    )
    assert pdf.ok
    assert pdf.body().startswith(b"%PDF")
    order_url = page.url

    admin = browser.new_context(base_url=page.url.split("/trainings")[0], locale="fi-FI").new_page()
    log_in(admin, "admin@paja.example")
    admin.goto(order_url)
    start = date.today() + timedelta(days=40)
    field(admin, "Alkaa").fill(f"{start.isoformat()}T09:00")
    field(admin, "Päättyy").fill(f"{start.isoformat()}T11:00")
    admin.get_by_label("Pilvi Nummi").check()
    field(admin, "Kokouslinkki").fill("https://meet.jit.si/jarvenpaa-somestartti")
    check_page(admin, "36-order-confirm-admin-fi")
    admin.get_by_role("button", name="Vahvista tilaus").click()
    expect(admin.get_by_role("status")).to_contain_text("Tilaus on vahvistettu")
    check_page(admin, "37-order-confirmed-admin-fi")
    admin.context.close()

    page.reload()
    expect(page.get_by_text("vahvistettu").first).to_be_visible()
    page.get_by_role("link", name="Osallistujat").click()
    check_page(page, "38-participants-customer-fi")


def test_a_keyboard_user_orders_in_swedish_and_hears_every_problem_at_once(page: Page) -> None:
    page.goto("/trainings/somestartti/order")
    page.get_by_role("button", name="Svenska").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Beställ")
    field(page, "Namn").fill("Åsa Öhman")
    field(page, "Organisationens namn").fill("Borgå stad")
    field(page, "Beräknat antal deltagare").fill("")
    field(page, "Genomförande").select_option("onsite")
    page.get_by_role("button", name="Skicka beställningen").focus()
    page.keyboard.press("Enter")  # sent from the keyboard, without a mouse
    summary = error_message(page)
    expect(summary).to_be_focused()  # a screen reader starts reading the problems
    assert page.title().startswith("Fel: ")
    for message in (
        "Ange antalet deltagare.",
        "Skriv FO-numret.",
        "Ange adressen där utbildningen hålls.",
        "Ange e-fakturaadress och operatör, eller en postadress för fakturan.",
    ):
        expect(summary).to_contain_text(message)  # the form's and the rules' problems together
    expect(field(page, "Namn")).to_have_value("Åsa Öhman")
    check_page(page, "34b-order-form-errors-sv")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the first link in the summary leads to its field
    expect(page.locator(":focus")).to_have_attribute("aria-invalid", "true")


def test_participant_joins_the_waiting_list_of_a_full_session(page: Page) -> None:
    page.goto("/trainings/sessions/")
    check_page(page, "39-open-sessions-fi")
    page.get_by_role("link", name="Twitter-koulutus: perusteet").click()
    expect(page.get_by_text("0 paikkaa jäljellä")).to_be_visible()
    check_page(page, "40-session-full-fi")
    field(page, "Nimi").fill("Åsa Öhman")
    field(page, "Sähköposti").fill("asa.jono@example.fi")
    page.get_by_role("button", name="Liity jonotuslistalle").click()
    expect(page.get_by_role("status")).to_contain_text("Ilmoittautumisesi tiedot")
    check_page(page, "41-session-waiting-fi")
    log_in(page, "pilvi.nummi@paja.example")
    page.goto("/trainings/my-sessions")
    expect(page.get_by_text("sinä koulutat").first).to_be_visible()
    check_page(page, "42-my-sessions-trainer-fi")

"""In a real browser: sign up, log out, log in, switch languages, open the profile."""

import re

from flask import Flask
from playwright.sync_api import Page, expect

from paja.demo import DEMO_PASSWORD
from tests.e2e.conftest import (
    check_page,
    error_message,
    lang_of,
    log_in,
    mailed_path,
    wait_for_path,
)

PASSWORD = "kolme-iloista-kissaa"


def test_sign_up_log_out_log_in_languages_and_profile(page: Page, live_app: Flask) -> None:
    page.goto("/")
    assert lang_of(page) == "fi"
    expect(page.get_by_role("heading", level=1)).to_have_text("Somen työpajat ja koulutukset")
    check_page(page, "01-home-fi")

    page.get_by_role("navigation", name="Päävalikko").get_by_role(
        "link", name="Rekisteröidy"
    ).click()
    wait_for_path(page, "/auth/signup")
    check_page(page, "02-signup-fi")

    page.get_by_label("Nimi").fill("Åsa Öhman-Łukasiewicz")
    page.get_by_label("Sähköposti").fill("asa.e2e@example.fi")
    page.get_by_role("textbox", name="Salasana", exact=True).fill("salasana1234")
    page.get_by_label("Salasana uudelleen").fill("salasana1234")
    page.get_by_role("button", name="Luo tili").click()
    expect(error_message(page)).to_contain_text("liian yleinen tai helppo arvata")
    expect(page.get_by_label("Nimi")).to_have_value("Åsa Öhman-Łukasiewicz")
    expect(page.get_by_role("textbox", name="Salasana", exact=True)).to_have_attribute(
        "aria-invalid", "true"
    )
    check_page(page, "03-signup-errors-fi")

    page.get_by_role("textbox", name="Salasana", exact=True).fill(PASSWORD)
    page.get_by_label("Salasana uudelleen").fill(PASSWORD)
    page.get_by_role("button", name="Luo tili").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Katso sähköpostisi")
    check_page(page, "03b-signup-check-mail-fi")
    page.goto(mailed_path(live_app, "asa.e2e@example.fi", "/auth/confirm/"))
    check_page(page, "03c-signup-confirm-fi")
    page.get_by_role("button", name="Luo tilini").click()
    wait_for_path(page, "/")
    expect(page.get_by_role("status")).to_contain_text("Tervetuloa Pajaan, Åsa Öhman-Łukasiewicz!")
    check_page(page, "04-welcome-fi")

    page.get_by_role("button", name="Kirjaudu ulos").click()
    expect(page.get_by_role("status")).to_contain_text("Olet kirjautunut ulos.")

    page.get_by_role("navigation", name="Päävalikko").get_by_role(
        "link", name="Kirjaudu sisään"
    ).click()
    wait_for_path(page, "/auth/login")
    check_page(page, "05-login-fi")
    page.get_by_label("Sähköposti").fill("ASA.E2E@example.fi")
    page.get_by_label("Salasana").fill("väärä-salasana")
    page.get_by_role("button", name="Kirjaudu sisään").click()
    expect(error_message(page)).to_contain_text("Sähköposti tai salasana ei ole oikein.")
    check_page(page, "06-login-error-fi")
    page.get_by_label("Salasana").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu sisään").click()
    expect(page.get_by_role("status")).to_contain_text("Olet kirjautunut sisään.")

    page.get_by_role("button", name="Svenska").click()
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()
    check_page(page, "07-home-sv")

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("button", name="Åsa Öhman-Łukasiewicz").click()  # the own-pages menu
    page.get_by_role("link", name="Profile", exact=True).click()
    wait_for_path(page, "/account/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your profile")
    expect(page.get_by_label("Language")).to_have_value("en")  # the switch was saved to the profile
    check_page(page, "08-profile-en")

    page.get_by_label("Name").fill("Åsa Öhman")
    page.get_by_label("Language").select_option("sv")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Din profil har sparats.")
    expect(page.get_by_label("Namn")).to_have_value("Åsa Öhman")
    check_page(page, "09-profile-saved-sv")


def test_keyboard_user_can_skip_to_the_content(page: Page) -> None:
    page.goto("/auth/login")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Siirry sisältöön")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_the_keyboard_focus_is_always_seen(page: Page) -> None:
    page.goto("/auth/login")
    seen: list[str] = []
    while len(seen) < 80:  # every link, button and field of the page, once round
        page.keyboard.press("Tab")
        ring = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth,"
            " s.outlineColor]; }"
        )
        if ring[0] == "BODY":
            break
        seen.append(ring[0])
        assert ring[1:] == ["solid", "3px", "rgb(11, 83, 148)"], ring  # #0b5394: 8:1 on white
    assert {"INPUT", "BUTTON", "A"} <= set(seen)  # fields, the menu and language buttons


def test_admin_manages_users_and_organisations(page: Page) -> None:
    page.goto("/auth/login?next=/admin/users")
    page.get_by_label("Sähköposti").fill("admin@paja.example")
    page.get_by_label("Salasana").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Kirjaudu sisään").click()
    wait_for_path(page, "/admin/users")
    expect(page.get_by_role("cell", name="Tiia Talvitie")).to_be_visible()
    check_page(page, "10-admin-users-fi")

    page.get_by_label("Hae nimellä tai sähköpostilla").fill("talvitie")
    page.get_by_role("button", name="Hae").click()
    page.get_by_role("link", name="Tiia Talvitie").click()
    check_page(page, "11-admin-user-fi")
    page.get_by_role("checkbox", name="Kouluttaja").check()
    page.get_by_role("button", name="Tallenna roolit").click()
    expect(page.get_by_role("status")).to_contain_text("roolit on tallennettu")
    expect(page.get_by_role("checkbox", name="Kouluttaja")).to_be_checked()

    menu = page.get_by_role("navigation", name="Päävalikko")
    menu.get_by_role("button", name="Hallinta").click()
    menu.get_by_role("link", name="Organisaatiot").click()
    check_page(page, "12-organisations-fi")
    page.get_by_role("link", name="Lisää organisaatio").click()
    page.get_by_label("Nimi").fill("Iisisti töihin -hanke")
    page.get_by_label("Y-tunnus").fill("0112038-8")
    page.get_by_role("button", name="Tallenna").click()
    expect(page.get_by_label("Y-tunnus")).to_have_attribute("aria-invalid", "true")
    expect(page).to_have_title(re.compile("^Virhe: "))
    expect(page.locator("#form-errors")).to_be_focused()  # read out at once
    check_page(page, "13-organisation-error-fi")
    page.locator("#form-errors").get_by_role("link", name="Y-tunnus").click()
    expect(page.get_by_label("Y-tunnus")).to_be_focused()
    page.get_by_label("Y-tunnus").fill("0112038-9")
    page.get_by_role("button", name="Tallenna").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Iisisti töihin -hanke")
    expect(page.locator(".flashes .alert").first).to_be_focused()  # the confirmation too
    page.get_by_label("Jäsenen sähköposti").fill("asa.ohman@paja.example")
    page.get_by_role("button", name="Lisää jäsen").click()
    expect(page.get_by_role("listitem").filter(has_text="asa.ohman@paja.example")).to_be_visible()
    check_page(page, "14-organisation-fi")


def test_pages_work_on_a_phone(page: Page) -> None:
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/")
    expect(page.get_by_role("button", name="Svenska")).to_be_visible()  # without opening the menu
    check_page(page, "15-home-phone-fi")
    page.get_by_role("button", name="Valikko").click()
    # Bootstrap animates the menu open; a click while it is still sliding can miss.
    expect(page.locator("#main-nav")).to_have_class(re.compile(r"\bshow\b"))
    page.get_by_role("link", name="Rekisteröidy").click()
    wait_for_path(page, "/auth/signup")
    check_page(page, "16-signup-phone-fi")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375


def test_other_pages_pass_axe(page: Page) -> None:
    page.goto("/accessibility")
    expect(page.get_by_role("heading", level=1)).to_have_text("Saavutettavuusseloste")
    check_page(page, "17-accessibility-fi")
    page.get_by_role("button", name="Svenska").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tillgänglighetsutlåtande")
    expect(page.locator("main")).to_contain_text("Utlåtandet har utarbetats")
    check_page(page, "17-accessibility-sv")  # its long heading wraps at 320 px too
    page.get_by_role("button", name="Suomi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Saavutettavuusseloste")
    page.goto("/auth/forgot-password")
    check_page(page, "18-forgot-password-fi")
    page.get_by_label("Sähköposti").fill("asa.ohman@paja.example")
    page.get_by_role("button", name="Lähetä linkki").click()
    expect(page.get_by_role("status")).to_contain_text("Linkki toimii tunnin ajan.")
    page.goto("/auth/reset-password/vanha-linkki")
    expect(error_message(page)).to_contain_text("virheellinen, vanhentunut tai jo käytetty")
    check_page(page, "19-reset-link-invalid-fi")
    response = page.goto("/ei-ole-olemassa")
    assert response is not None and response.status == 404
    check_page(page, "20-not-found-fi")

    log_in(page, "tiia.talvitie@paja.example")
    response = page.goto("/admin/users")
    assert response is not None and response.status == 403
    check_page(page, "21-forbidden-fi")
    page.goto("/account/password")
    check_page(page, "22-change-password-fi")
    page.goto("/account/")
    page.get_by_role("link", name="Sisäministeriö").click()
    page.get_by_role("link", name="Muokkaa tietoja").click()
    check_page(page, "23-organisation-edit-customer-fi")


def test_admin_sees_background_jobs_in_three_languages(page: Page) -> None:
    log_in(page, "admin@paja.example")
    page.goto("/admin/jobs")
    expect(page.get_by_role("heading", level=1)).to_have_text("Taustatyöt")
    check_page(page, "171-jobs-fi")
    page.get_by_role("button", name="Svenska").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bakgrundsjobb")
    check_page(page, "172-jobs-sv")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Background jobs")
    check_page(page, "173-jobs-en")
    page.get_by_role("button", name="Suomi").click()  # the switch was saved to the profile

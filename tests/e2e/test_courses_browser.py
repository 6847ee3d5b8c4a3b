"""In a real browser: enrol, take a module, tick its tasks, mark it done, see my learning."""

import re

from flask import Flask
from playwright.sync_api import Page, expect

from tests.e2e.conftest import check_page, log_in, sign_up


def test_participant_takes_a_module(page: Page, live_app: Flask) -> None:
    page.goto("/courses/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kurssit")
    check_page(page, "70-courses-fi")
    page.goto("/auth/login")
    page.get_by_label("Sähköposti").fill("matti.e2e@example.fi")
    sign_up(page, live_app, "Matti Oppija", "matti.e2e@example.fi", "kolme-iloista-kissaa")
    page.goto("/courses/twitter-jatko")
    check_page(page, "71-course-fi")
    page.get_by_role("button", name="Ilmoittaudu kurssille").click()
    expect(page.get_by_role("status")).to_contain_text("Olet kurssilla. Tervetuloa!")
    page.get_by_role("link", name=re.compile("^Jatka: ")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tiedonhaku ja alan kuulumiset")
    check_page(page, "72-module-fi")
    page.get_by_role("button", name=re.compile("tekemättä")).first.click()
    expect(page.get_by_role("button", name=re.compile("✓")).first).to_have_attribute(
        "aria-pressed", "true"
    )
    page.get_by_role("button", name="Merkitse tehdyksi ja jatka").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Keskusteluun osallistuminen asiantuntijana"
    )
    page.goto("/courses/my")
    expect(page.get_by_role("progressbar").first).to_have_attribute("aria-valuenow", "25")
    check_page(page, "73-my-learning-fi")


def test_trainer_authors_a_course(page: Page) -> None:
    log_in(page, "pilvi.nummi@paja.example")
    page.goto("/courses/manage/new")
    check_page(page, "74-course-new-fi")
    page.get_by_label(re.compile("^Otsikko")).fill("LinkedIn asiantuntijalle")
    page.get_by_label(re.compile("^Osoitenimi")).fill("linkedin")
    page.get_by_role("button", name="Tallenna").click()
    expect(page.get_by_role("status")).to_contain_text("on tallennettu")
    page.locator("#module-title").fill("Profiili kuntoon")
    page.get_by_role("button", name="Tallenna osio").click()
    expect(page.get_by_role("status")).to_contain_text("Osio on lisätty.")
    check_page(page, "75-course-editor-fi")


def test_skill_check_before_and_after(page: Page) -> None:
    log_in(page, "asa.ohman@paja.example")
    page.goto("/courses/twitter-perusteet")
    page.get_by_role("link", name="Tee osaamiskartoitus ennen kurssia").click()
    check_page(page, "76-skill-check-before-fi")
    for phase, value in (("before", "2"), ("after", "5")):
        groups = page.locator("main fieldset")
        for index in range(groups.count()):
            group = groups.nth(index)
            # each scale button is named by its number and its meaning, e.g. "2: vähän"
            button = group.get_by_role("radio", name=re.compile(rf"^{value}\W"))
            if button.count():
                group.locator(f"label[for='{button.get_attribute('id')}']").click()
        page.get_by_label("Kasvokuva ja kuvaus työstä").check()
        page.get_by_role("button", name="Lähetä vastaukset").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Osaamisprofiilisi")
        check_page(page, f"77-skill-result-{phase}-fi")
        if phase == "before":
            expect(page.get_by_text("Suositellut osiot")).to_be_visible()
            page.get_by_role("link", name="Tee osaamiskartoitus kurssin jälkeen").click()
    expect(page.get_by_role("columnheader", name="Kehitys")).to_be_visible()

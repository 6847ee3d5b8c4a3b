"""In a real browser: complete a course, get the certificate, verify it; the admin's list."""

import re

from flask import Flask
from playwright.sync_api import Page, expect

from tests.e2e.conftest import check_page, error_message, log_in, sign_up


def test_complete_a_course_download_and_verify_the_certificate(page: Page, live_app: Flask) -> None:
    sign_up(page, live_app, "Åsa Todistus-Łukasik", "todistus.e2e@example.fi",
            "neljä-iloista-kissaa")  # fmt: skip
    page.goto("/courses/twitter-jatko")
    page.get_by_role("button", name="Ilmoittaudu kurssille").click()
    page.get_by_role("link", name=re.compile("^Jatka: ")).click()
    while page.get_by_role("button", name="Merkitse tehdyksi ja jatka").count():
        page.get_by_role("button", name="Merkitse tehdyksi ja jatka").click()
        if page.get_by_text("Onnittelut").count():
            break
    expect(page.get_by_role("status")).to_contain_text("Onnittelut")
    page.goto("/courses/twitter-jatko")
    download = page.get_by_role("link", name="Lataa todistuksesi (PDF)")
    href = download.get_attribute("href") or ""
    code = re.search(r"/certificates/([A-Z0-9-]+)\.pdf$", href).group(1)
    check_page(page, "80-course-completed-fi")
    pdf = page.request.get(href)
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    page.goto("/courses/my")
    expect(page.get_by_role("heading", name="Omat todistukset")).to_be_visible()
    check_page(page, "81-my-certificates-fi")

    page.goto("/verify")
    check_page(page, "82-verify-form-fi")
    page.get_by_label("Tarkistuskoodi").fill(code.lower().replace("-", " "))
    page.get_by_role("button", name="Tarkista").click()
    expect(page.locator(".alert[role=status]")).to_have_text("Voimassa oleva todistus")
    expect(page.get_by_role("heading", level=1)).to_have_text("Åsa Todistus-Łukasik")
    check_page(page, "83-verify-fi")
    page.get_by_role("button", name="Svenska").click()
    expect(page.locator(".alert[role=status]")).to_have_text("Giltigt intyg")
    check_page(page, "84-verify-sv")
    page.get_by_role("button", name="English").click()
    expect(page.locator(".alert[role=status]")).to_have_text("Valid certificate")
    check_page(page, "85-verify-en")


def test_admin_finds_and_corrects_a_certificate(page: Page) -> None:
    log_in(page, "admin@paja.example")
    page.goto("/courses/")
    page.get_by_role("link", name="Todistukset").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Todistukset")
    page.get_by_label("Nimi tai koodi").fill("asiantuntija 3")
    page.get_by_role("button", name="Rajaa").click()
    check_page(page, "86-certificates-fi")
    page.get_by_role("row").nth(1).get_by_role("link").click()
    check_page(page, "87-certificate-admin-fi")
    page.get_by_label(re.compile("^Nimi todistuksessa")).fill("Sanna Asiantuntija")
    page.get_by_role("button", name="Myönnä uudelleen tällä nimellä").click()
    expect(page.get_by_role("status")).to_contain_text("Korjattu todistus myönnettiin.")
    page.get_by_role("button", name="Mitätöi todistus").click()
    expect(error_message(page)).to_contain_text("Kerro mitätöinnin syy.")
    expect(page.get_by_label(re.compile("^Mitätöinnin syy"))).to_have_attribute(
        "aria-invalid", "true"
    )
    check_page(page, "88-certificate-revoke-error-fi")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Certificate")
    check_page(page, "89-certificate-admin-en")
    page.get_by_role("button", name="Suomi").click()  # the choice is saved; later tests expect fi
    expect(page.locator("html")).to_have_attribute("lang", "fi")

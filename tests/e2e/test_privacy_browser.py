"""In a real browser: a person downloads their data and deletes their account; an admin reads
the audit log, in Finnish, Swedish and English."""

from __future__ import annotations

import io
import json
import zipfile

from flask import Flask
from playwright.sync_api import Page, expect

from paja.demo import DEMO_PASSWORD
from paja.extensions import db
from paja.operations import create_user
from tests.e2e.conftest import check_page, error_message, field, log_in, wait_for_path


def test_download_and_delete_ones_account(page: Page, live_app: Flask) -> None:
    with live_app.test_request_context():
        create_user("poistuja.e2e@example.fi", "Pia Poistuja", DEMO_PASSWORD)
        db.session.commit()
    log_in(page, "poistuja.e2e@example.fi")
    page.goto("/account/")
    expect(page.get_by_role("heading", name="Tietosi")).to_be_visible()
    check_page(page, "120-profile-data-fi")
    download = page.request.get(
        page.get_by_role("link", name="Lataa tietosi (ZIP)").get_attribute("href")
    )
    assert download.ok and download.headers["cache-control"] == "no-store"
    data = json.loads(zipfile.ZipFile(io.BytesIO(download.body())).read("paja-data.json"))
    assert data["account"]["email"] == "poistuja.e2e@example.fi"

    page.get_by_role("link", name="Poista tilisi").click()
    wait_for_path(page, "/account/delete")
    check_page(page, "121-delete-account-fi")
    field(page, "Salasanasi").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Poista tilini").click()
    expect(error_message(page)).to_contain_text("Vahvista rastittamalla ruutu.")
    check_page(page, "122-delete-account-error-fi")
    field(page, "Salasanasi").fill(DEMO_PASSWORD)
    page.get_by_label("Ymmärrän, että tilini ja henkilötietoni poistetaan lopullisesti").check()
    page.get_by_role("button", name="Poista tilini").click()
    wait_for_path(page, "/")
    expect(page.get_by_role("status")).to_contain_text("Tilisi on poistettu")
    page.goto("/auth/login")
    field(page, "Sähköposti").fill("poistuja.e2e@example.fi")
    page.get_by_label("Salasana").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Kirjaudu sisään").click()
    expect(error_message(page)).to_contain_text("Sähköposti tai salasana ei ole oikein.")


def test_admin_reads_the_audit_log_in_three_languages(page: Page) -> None:
    log_in(page, "admin@paja.example")
    page.goto("/admin/users")
    page.get_by_role("link", name="Tapahtumaloki").click()
    wait_for_path(page, "/admin/audit")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tapahtumaloki")
    check_page(page, "123-audit-log-fi")
    page.get_by_role("button", name="Svenska").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Granskningslogg")
    check_page(page, "124-audit-log-sv")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit log")
    check_page(page, "125-audit-log-en")
    page.get_by_role("button", name="Suomi").click()  # the admin's profile language, as it was
    expect(page.get_by_role("heading", level=1)).to_have_text("Tapahtumaloki")

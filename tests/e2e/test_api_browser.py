"""Integrations in a real browser: a customer contact makes an organisation token (a mistake
is pointed out, what was typed kept), sees it once, a system reads the orders with it, the
contact revokes it; subscribes a receiver to events; reads the API's documentation in
Swedish. axe checks each page."""

import re

import sqlalchemy as sa
from flask import Flask
from playwright.sync_api import Page, expect

from paja.extensions import db
from paja.models import User
from paja.queries import organisations_of
from tests.e2e.conftest import check_page, error_message, field, log_in
from tests.webhook_receiver import receiver

CUSTOMER = "tiia.talvitie@paja.example"
ORDERS_SCOPE = "Lukea organisaatioidesi tilauksia, hintoja ja ajankohtia"


def _organisation_name(app: Flask) -> str:
    """The demo customer's organisation."""
    with app.app_context():
        contact = db.session.scalar(sa.select(User).where(User.email == CUSTOMER))
        return organisations_of(contact)[0].name


def test_a_customer_makes_uses_and_revokes_a_token(
    page: Page, live_app: Flask, base_url: str
) -> None:
    organisation = _organisation_name(live_app)
    log_in(page, CUSTOMER)
    page.goto("/account/")
    page.get_by_role("link", name="API-tunnukset").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("API-tunnukset")
    field(page, "Nimi").fill("Henkilöstöjärjestelmä")
    page.get_by_label("Kenelle").select_option(label=organisation)
    page.get_by_role("button", name="Luo tunnus").click()
    expect(error_message(page)).to_contain_text("Valitse vähintään yksi luetelluista oikeuksista.")
    expect(field(page, "Nimi")).to_have_value("Henkilöstöjärjestelmä")  # kept as typed
    page.get_by_label(ORDERS_SCOPE).check()
    page.get_by_role("button", name="Luo tunnus").click()
    shown = page.get_by_label("Tunnus", exact=True)
    token = shown.input_value()
    assert token.startswith("paja_")
    check_page(page, "100-api-token-made-fi")
    answer = page.request.get(
        f"{base_url}/api/v1/orders", headers={"Authorization": f"Bearer {token}"}
    )
    assert answer.status == 200 and "items" in answer.json()
    page.reload()
    expect(page.get_by_label("Tunnus", exact=True)).to_have_count(0)  # shown only once
    page.get_by_role("button", name=re.compile(r"^Mitätöi\W+Henkilöstöjärjestelmä$")).click()
    expect(page.get_by_role("status")).to_contain_text("ei enää toimi")
    refused = page.request.get(
        f"{base_url}/api/v1/orders", headers={"Authorization": f"Bearer {token}"}
    )
    assert refused.status == 401


def test_a_customer_subscribes_a_receiver_and_reads_the_docs_in_swedish(
    page: Page, live_app: Flask
) -> None:
    organisation = _organisation_name(live_app)
    log_in(page, CUSTOMER)
    page.goto("/account/")
    page.get_by_role("link", name="Webhookit").click()
    with receiver() as got:
        field(page, "Vastaanottajan osoite").fill("ftp://ei-kelpaa")
        page.get_by_label("Kenen tapahtumat").select_option(label=organisation)
        page.get_by_role("button", name="Tilaa").click()
        expect(error_message(page)).to_be_visible()
        field(page, "Vastaanottajan osoite").fill(got.url)
        page.get_by_role("checkbox").first.check()
        page.get_by_role("button", name="Tilaa").click()
        expect(page.get_by_role("status")).to_contain_text("Tilattu")
        check_page(page, "101-webhook-fi")
    page.goto("/api/v1/docs")
    page.get_by_role("button", name="Svenska").click()
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    check_page(page, "102-api-docs-sv")
    page.get_by_role("button", name="Suomi").click()  # the account's language, as it was
    expect(page.locator("html")).to_have_attribute("lang", "fi")

"""Invoices: issued when an order is marked invoiced, numbered without gaps, with the
reference number and virtual barcode, in the customer's language, never changed; corrected
with credit notes."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader

from paja.bank_codes import is_rf_reference
from paja.extensions import db
from paja.mail import Mail
from paja.models import Role
from tests import factories
from tests.conftest import Auth
from tests.trainings.factories import create_invoice, create_order
from trainings.models import Invoice, OrderStatus
from trainings.models.invoices import IssuedInvoiceChanged


def pdf_text(data: bytes) -> str:
    """All text of a PDF."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def delivered_order(locale: str = "fi"):
    """A delivered order of a customer contact who reads `locale`."""
    contact = factories.create_user(locale=locale, roles={Role.CUSTOMER})
    return create_order(contact=contact, status=OrderStatus.DELIVERED)


def invoice_of(order_id: int) -> Invoice:
    """The order's one invoice."""
    return db.session.scalars(sa.select(Invoice).where(Invoice.order_id == order_id)).one()


def test_marking_invoiced_issues_the_invoice_in_the_customers_language(
    app: Flask, client: FlaskClient, auth: Auth, mails: list[Mail]
) -> None:
    order = delivered_order("sv")
    auth.login(Role.ADMIN)
    mails.clear()
    response = client.post(f"/trainings/orders/{order.id}/advance", data={"to": "invoiced"})
    assert response.status_code == 302
    invoice = invoice_of(order.id)
    first = app.config["INVOICE_FIRST_NUMBER"]
    assert invoice.number == first
    assert invoice.reference == f"{first}{_check(str(first))}"
    assert invoice.due_on == invoice.issued_on + timedelta(days=14)
    assert invoice.gross == order.totals.gross
    assert invoice.barcode.startswith("4") and len(invoice.barcode) == 54
    assert invoice.barcode[-6:] == invoice.due_on.strftime("%y%m%d")
    [mail] = mails
    assert mail.to == order.contact.email and mail.subject.startswith(f"Faktura {first}")
    [attachment] = mail.attachments
    text = pdf_text(attachment.data)
    assert f"Faktura {first}" in text  # Swedish, as the contact reads
    assert order.organisation.business_id in text
    assert app.config["SELLER_IBAN"] in text
    assert invoice.barcode in text
    assert "14 dagar netto" in text  # the payment terms
    page = client.get(f"/trainings/orders/{order.id}")
    assert f"/trainings/orders/{order.id}/invoices/{first}.pdf" in page.text


def _check(base: str) -> str:
    """The 7-3-1 check digit, computed here independently of the code under test."""
    weights = [7, 3, 1]
    total = sum(int(d) * weights[i % 3] for i, d in enumerate(reversed(base)))
    return str((10 - total % 10) % 10)


def test_an_rf_reference_gives_a_version_5_barcode(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.config, "INVOICE_REFERENCE", "rf")
    invoice = create_invoice()
    assert is_rf_reference(invoice.reference)
    assert invoice.barcode.startswith("5")


def test_an_issued_invoice_never_changes(
    app: Flask, client: FlaskClient, auth: Auth, monkeypatch: pytest.MonkeyPatch
) -> None:
    invoice = create_invoice()
    number, name = invoice.number, app.config["SELLER_NAME"]
    invoice.gross += 1
    with pytest.raises(IssuedInvoiceChanged):
        db.session.commit()
    db.session.rollback()
    db.session.delete(invoice)
    with pytest.raises(IssuedInvoiceChanged):
        db.session.commit()
    db.session.rollback()
    monkeypatch.setitem(app.config, "SELLER_NAME", "Uusi Nimi Oy")  # the seller changes later
    auth.login(Role.ADMIN)
    response = client.get(f"/trainings/orders/{invoice.order_id}/invoices/{number}.pdf")
    assert name in pdf_text(response.data) and "Uusi Nimi" not in pdf_text(response.data)
    line = {"description": "Matka", "quantity": "1", "unit_price": "10", "vat_rate": "25.5"}
    client.post(f"/trainings/orders/{invoice.order_id}/lines", data=line)
    assert db.session.get(Invoice, invoice.id).lines_json == invoice.lines_json


def test_a_credit_note_cancels_the_invoice_and_a_new_one_may_follow(
    client: FlaskClient, auth: Auth
) -> None:
    invoice = create_invoice()
    order_id, number, gross = invoice.order_id, invoice.number, invoice.gross
    auth.login(Role.ADMIN)
    again = client.post(f"/trainings/orders/{order_id}/invoice", follow_redirects=True)
    assert "jo lasku" in again.text  # one live invoice at a time
    empty = client.post(f"/trainings/invoices/{invoice.id}/credit", data={"reason": " "})
    assert "Kerro hyvityslaskun syy" in client.get(empty.location).text
    credited = client.post(
        f"/trainings/invoices/{invoice.id}/credit", data={"reason": "Väärä hinta"}
    )
    assert credited.status_code == 302
    note = db.session.scalar(sa.select(Invoice).where(Invoice.credits_id == invoice.id))
    assert (note.number, note.gross, note.reason) == (number + 1, -gross, "Väärä hinta")
    assert note.totals.gross == -gross
    twice = client.post(
        f"/trainings/invoices/{invoice.id}/credit",
        data={"reason": "Uudestaan"},
        follow_redirects=True,
    )
    assert "on jo hyvitetty" in twice.text
    pdf = client.get(f"/trainings/orders/{order_id}/invoices/{note.number}.pdf")
    assert f"Hyvityslasku {note.number}" in pdf_text(pdf.data)
    discount = {"description": "Alennus", "quantity": "1", "unit_price": "-100.00",
                "vat_rate": "25.5"}  # fmt: skip
    client.post(f"/trainings/orders/{order_id}/lines", data=discount)  # corrected, then
    assert client.post(f"/trainings/orders/{order_id}/invoice").status_code == 302
    invoices = db.session.scalars(
        sa.select(Invoice).where(Invoice.order_id == order_id).order_by(Invoice.number)
    ).all()
    assert [i.number for i in invoices] == [number, number + 1, number + 2]
    assert invoices[-1].gross == gross - Decimal("125.50")  # 100 € less, with its VAT
    line = {"description": "Matka", "quantity": "1", "unit_price": "10", "vat_rate": "25.5"}
    refused = client.post(f"/trainings/orders/{order_id}/lines", data=line, follow_redirects=True)
    assert "Laskutettuun tai peruttuun" in refused.text  # the new invoice covers the order


def test_an_order_without_lines_is_not_invoiced_and_its_number_is_not_used(
    client: FlaskClient, auth: Auth
) -> None:
    empty = delivered_order()
    empty.lines.clear()
    full = delivered_order()
    db.session.commit()
    auth.login(Role.ADMIN)
    refused = client.post(
        f"/trainings/orders/{empty.id}/advance", data={"to": "invoiced"}, follow_redirects=True
    )
    assert "ilman rivejä" in refused.text
    assert db.session.get(type(empty), empty.id).status == OrderStatus.DELIVERED
    client.post(f"/trainings/orders/{full.id}/advance", data={"to": "invoiced"})
    assert invoice_of(full.id).number == client.application.config["INVOICE_FIRST_NUMBER"]


def test_the_customer_sees_their_invoices_and_nobody_elses(client: FlaskClient, auth: Auth) -> None:
    mine, theirs = create_invoice(), create_invoice()
    auth.login(mine.order.contact)
    own = client.get(f"/trainings/orders/{mine.order_id}/invoices/{mine.number}.pdf")
    assert own.status_code == 200 and own.mimetype == "application/pdf"
    assert (
        client.get(f"/trainings/orders/{theirs.order_id}/invoices/{theirs.number}.pdf").status_code
        == 403
    )
    # Another order's number under one's own order is not found.
    assert (
        client.get(f"/trainings/orders/{mine.order_id}/invoices/{theirs.number}.pdf").status_code
        == 404
    )
    assert (
        client.post(f"/trainings/invoices/{mine.id}/credit", data={"reason": "x"}).status_code
        == 403
    )
    assert client.post(f"/trainings/orders/{mine.order_id}/invoice").status_code == 403


def test_the_order_page_runs_the_same_queries_with_many_invoices(
    client: FlaskClient, auth: Auth, count_queries
) -> None:
    invoice = create_invoice()
    order_id = invoice.order_id
    auth.login(Role.ADMIN)
    with count_queries() as one:
        assert client.get(f"/trainings/orders/{order_id}").status_code == 200
    for _ in range(3):
        live = db.session.scalars(
            sa.select(Invoice).where(Invoice.order_id == order_id).order_by(Invoice.number.desc())
        ).first()
        client.post(f"/trainings/invoices/{live.id}/credit", data={"reason": "Korjaus"})
        client.post(f"/trainings/orders/{order_id}/invoice")
    assert db.session.scalar(sa.select(sa.func.count(Invoice.id))) == 7
    with count_queries() as seven:
        client.get(f"/trainings/orders/{order_id}")
    assert len(seven) == len(one)


def test_the_organisations_billing_details_prefill_the_order_form(
    client: FlaskClient, auth: Auth
) -> None:
    from tests.trainings.factories import create_offering

    contact = auth.login(Role.CUSTOMER)
    first = factories.create_organisation(members=(contact,))
    first.einvoice_address, first.einvoice_operator = "003712345671", "E204503"
    second = factories.create_organisation(members=(contact,))
    second.billing_street, second.billing_postcode, second.billing_city = (
        "Kuja 2",
        "33100",
        "Tampere",
    )
    db.session.commit()
    page = client.get(f"/trainings/{create_offering().slug}/order").text
    assert 'value="003712345671"' in page and 'value="E204503"' in page
    assert "Testikatu 1, 00100 Helsinki</textarea>" in page
    assert "Kuja 2, 33100 Tampere" in page  # the other organisation's, for the form's script
    typed = client.post(
        f"/trainings/{create_offering().slug}/order", data={"einvoice_address": "typed-by-me"}
    ).text
    assert 'value="typed-by-me"' in typed and 'value="E204503"' not in typed

"""An invoice or credit note as PDF, in the language it was issued in, from its snapshot."""

from __future__ import annotations

from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Spacer

from paja.bank_codes import grouped
from paja.i18n import LOCALES, current_language, day, money, number
from paja.pdf import BOLD, MARGIN, REGULAR, PageDecoration, build_pdf, paragraph, table
from trainings.models import Invoice
from trainings.money import PriceLine


def invoice_title(invoice: Invoice) -> str:
    """ "Invoice 1001" or "Credit note 1002" in the current language."""
    if invoice.is_credit_note:
        return _("Credit note %(number)d", number=invoice.number)
    return _("Invoice %(number)d", number=invoice.number)


def invoice_pdf(invoice: Invoice) -> bytes:
    """Seller, buyer, dates, lines, VAT per rate, totals and the payment details on A4."""
    with force_locale(LOCALES.get(invoice.language, invoice.language)):
        title = invoice_title(invoice)
        return build_pdf(
            _story(invoice, title),
            title=title,
            subject=invoice.order.offering.title,
            language=current_language(),
            author=invoice.seller["name"],
            decoration=_page_decoration(invoice),
        )


def _page_decoration(invoice: Invoice) -> PageDecoration:
    """The seller as issued (not as configured today) in each page's header and footer."""
    seller = invoice.seller
    footer = " · ".join(p for p in (seller["name"], seller["address"], seller["business_id"]) if p)

    def decorate(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(BOLD, 11)
        canvas.drawString(MARGIN, A4[1] - 12 * mm, seller["name"])
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(MARGIN, 10 * mm, footer)
        canvas.drawRightString(A4[0] - MARGIN, 10 * mm, str(doc.page))
        canvas.restoreState()

    return decorate


def _parties(invoice: Invoice) -> list[Flowable]:
    """Seller and buyer side by side."""
    seller, buyer = invoice.seller, invoice.buyer
    seller_lines = [
        seller["name"], seller["address"], _("Business ID %(id)s", id=seller["business_id"]),
        _("VAT number %(id)s", id=seller["vat_id"]), seller["email"],
    ]  # fmt: skip
    buyer_lines = [buyer["name"], _("Business ID %(id)s", id=buyer["business_id"])]
    if buyer["address"]:
        buyer_lines.append(buyer["address"])
    if buyer["einvoice_address"]:
        buyer_lines.append(
            _("E-invoice %(address)s / %(operator)s",
              address=buyer["einvoice_address"], operator=buyer["einvoice_operator"])
        )  # fmt: skip
    if buyer["reference"]:
        buyer_lines.append(_("Your reference: %(reference)s", reference=buyer["reference"]))
    buyer_lines.append(_("Contact: %(name)s", name=buyer["contact"]))
    return [
        table(
            [
                [_("Seller"), _("Buyer")],
                [paragraph("\n".join(seller_lines)), paragraph("\n".join(buyer_lines))],
            ],
            [85 * mm, 85 * mm],
        )
    ]


def _terms(invoice: Invoice) -> list[list[str]]:
    """Dates, order and payment details as label and value rows."""
    rows = [
        [_("Invoice date"), day(invoice.issued_on)],
        [_("Order"), f"{invoice.order_id}: {invoice.order.offering.title}"],
    ]
    if invoice.is_credit_note and invoice.credits is not None:
        rows.append([_("Cancels invoice"), str(invoice.credits.number)])
        rows.append([_("Reason"), invoice.reason])
        return rows
    seller = invoice.seller
    rows.append([_("Due date"), day(invoice.due_on)])
    terms = (invoice.due_on - invoice.issued_on).days
    rows.append([_("Payment terms"), ngettext("%(num)d day net", "%(num)d days net", terms)])
    rows.append([_("Reference number"), grouped(invoice.reference)])
    rows.append([_("Account (IBAN)"), seller["iban"]])
    rows.append([_("BIC"), seller["bic"]])
    rows.append([_("Amount due"), money(invoice.gross)])
    return rows


def _lines(invoice: Invoice) -> Flowable:
    """The lines, then net, VAT per rate and total under them."""
    rows: list[list[object]] = [
        [_("Description"), _("Quantity"), _("Unit price"), _("VAT rate"), _("Net")]
    ]
    totals = invoice.totals
    for line in invoice.lines:
        net = PriceLine(line["quantity"], line["unit_price"], line["vat_rate"]).net
        rows.append([
            paragraph(line["description"]), number(line["quantity"]), money(line["unit_price"]),
            number(line["vat_rate"]), money(net),
        ])  # fmt: skip
    first_total = len(rows)
    rows.append([_("Net total"), "", "", "", money(totals.net)])
    for row in totals.vat_rows:
        rows.append([_("VAT %(rate)s%%", rate=number(row.rate)), "", "", "", money(row.tax)])
    rows.append([_("Total"), "", "", "", money(totals.gross)])
    spans = [("SPAN", (0, r), (3, r)) for r in range(first_total, len(rows))]
    return table(
        rows,
        [70 * mm, 20 * mm, 28 * mm, 24 * mm, 28 * mm],
        numbers_from=1,
        extra=[
            *spans,
            ("ALIGN", (0, first_total), (3, -1), "RIGHT"),
            ("LINEABOVE", (0, first_total), (-1, first_total), 0.5, colors.grey),
            ("FONTNAME", (0, -1), (-1, -1), BOLD),
        ],
    )


def _story(invoice: Invoice, title: str) -> list[Flowable]:
    """The document's content."""
    story: list[Flowable] = [paragraph(title, "title"), *_parties(invoice), Spacer(1, 4 * mm)]
    story.append(table(_terms(invoice), [50 * mm, 120 * mm], header=False))
    story += [paragraph(_("Lines"), "heading"), _lines(invoice)]
    if invoice.barcode:
        story += [
            paragraph(_("Virtual barcode"), "heading"),
            paragraph(_("Copy it into your online bank to fill in the payment.")),
            paragraph(invoice.barcode),
        ]
    return story

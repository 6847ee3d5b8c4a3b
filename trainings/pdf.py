"""The order confirmation PDF, in the customer's language."""

from __future__ import annotations

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from paja.i18n import LOCALES, current_language, day, mail_language, money, number, period
from paja.pdf import BOLD, build_pdf, paragraph, table
from trainings.labels import MODE_LABELS
from trainings.models import DeliveryMode, Order, TrainingSession


def order_confirmation_pdf(order: Order, session: TrainingSession | None) -> bytes:
    """Seller, buyer, workshop, lines, VAT per rate and totals on A4."""
    language = (
        mail_language(order.contact, order.language) or current_app.config["BABEL_DEFAULT_LOCALE"]
    )
    with force_locale(LOCALES.get(language, language)):
        title = _("Order confirmation %(number)d", number=order.id)
        return build_pdf(
            _story(order, session, title),
            title=title,
            subject=order.offering.title,
            language=current_language(),
        )


def _story(order: Order, session: TrainingSession | None, title: str) -> list[Flowable]:
    """The document's content."""
    config = current_app.config
    organisation = order.organisation
    seller_id = _("Business ID %(id)s", id=config["SELLER_BUSINESS_ID"])
    seller = "\n".join(
        [config["SELLER_NAME"], config["SELLER_ADDRESS"], seller_id, config["SELLER_EMAIL"]]
    )
    buyer_lines = [organisation.name, _("Business ID %(id)s", id=organisation.business_id)]
    if order.einvoice_address:
        buyer_lines.append(
            _(
                "E-invoice %(address)s / %(operator)s",
                address=order.einvoice_address,
                operator=order.einvoice_operator,
            )
        )
    if order.billing_address:
        buyer_lines.append(order.billing_address)
    if order.buyer_reference:
        buyer_lines.append(_("Your reference: %(reference)s", reference=order.buyer_reference))
    buyer_lines.append(
        _("Contact: %(name)s, %(email)s", name=order.contact.name, email=order.contact.email)
    )
    story: list[Flowable] = [
        paragraph(title, "title"),
        table(
            [[_("Seller"), _("Buyer")], [paragraph(seller), paragraph("\n".join(buyer_lines))]],
            [85 * mm, 85 * mm],
        ),
        paragraph(_("Workshop"), "heading"),
        paragraph(order.offering.title),
        paragraph(
            _(
                "Ordered on %(date)s · %(mode)s · %(num)d participants",
                date=day(order.created_at),
                mode=MODE_LABELS[DeliveryMode(order.mode)],
                num=order.participants,
            )
        ),
    ]
    if session is not None:
        story.append(
            paragraph(_("Time: %(time)s", time=period(session.starts_at, session.ends_at)))
        )
        if session.place:
            story.append(paragraph(_("Place: %(place)s", place=session.place)))
        if session.meeting_url:
            story.append(paragraph(_("Meeting link: %(url)s", url=session.meeting_url)))
        if session.trainers:
            names = ", ".join(trainer.name for trainer in session.trainers)
            story.append(paragraph(_("Trainers: %(names)s", names=names)))
    else:
        dates = ", ".join(day(d) for d in order.preferred_dates)
        story.append(paragraph(_("Preferred dates: %(dates)s (to be confirmed)", dates=dates)))
    rows: list[list[object]] = [
        [_("Description"), _("Quantity"), _("Unit price"), _("VAT rate"), _("Net")]
    ]
    for line in order.lines:
        description = paragraph(line.description)
        prices = [money(line.unit_price), number(line.vat_rate), money(line.price_line.net)]
        rows.append([description, number(line.quantity), *prices])
    totals = order.totals
    first_total = len(rows)
    rows.append([_("Net total"), "", "", "", money(totals.net)])
    for row in totals.vat_rows:
        rows.append([_("VAT %(rate)s%%", rate=number(row.rate)), "", "", "", money(row.tax)])
    rows.append([_("Total"), "", "", "", money(totals.gross)])
    # A total's label spans the line's first four columns, right-aligned beside its amount.
    spans = [("SPAN", (0, r), (3, r)) for r in range(first_total, len(rows))]
    story += [
        paragraph(_("Price"), "heading"),
        table(
            rows,
            [70 * mm, 20 * mm, 28 * mm, 24 * mm, 28 * mm],
            numbers_from=1,
            extra=[
                *spans,
                ("ALIGN", (0, first_total), (3, -1), "RIGHT"),
                ("LINEABOVE", (0, first_total), (-1, first_total), 0.5, colors.grey),
                ("FONTNAME", (0, -1), (-1, -1), BOLD),
            ],
        ),
    ]
    story += [Spacer(1, 6 * mm), paragraph(_("Thank you for your order!"))]
    return story

"""Certificates as PDF: A4, in the participant's language, with a QR code to verify them."""

from __future__ import annotations

from xml.sax.saxutils import escape

import segno
from flask_babel import force_locale
from flask_babel import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Paragraph, Spacer, Table

from courses.certificate_page import certificate_styles, draw_frame
from courses.labels import CERTIFICATE_HEADINGS, CERTIFICATE_LEADS
from courses.models import Certificate
from paja.i18n import LOCALES, days, number
from paja.links import absolute_url
from paja.pdf import MARGIN, build_pdf, styles, table


class QrCode(Flowable):
    """A QR code drawn as vector rectangles (one per run of dark modules in a row)."""

    def __init__(self, url: str, size: float = 38 * mm) -> None:
        super().__init__()
        self.matrix = segno.make_qr(url, error="m").matrix
        self.width = self.height = size

    def draw(self) -> None:
        """Draw the dark runs of each row, with the quiet zone left white."""
        count = len(self.matrix)
        module = self.width / (count + 8)
        canvas = self.canv
        canvas.setFillColorRGB(0, 0, 0)
        for row, cells in enumerate(self.matrix):
            y = self.height - (row + 5) * module
            start = None
            for column, dark in enumerate([*cells, 0]):
                if dark and start is None:
                    start = column
                elif not dark and start is not None:
                    x = (start + 4) * module
                    canvas.rect(x, y, (column - start) * module, module, stroke=0, fill=1)
                    start = None


def verify_url(certificate: Certificate) -> str:
    """Where anyone can check the certificate."""
    return absolute_url("verify.certificate", code=certificate.code)


def _page(certificate: Certificate) -> list[Flowable]:
    """One certificate's page, in its own language, shrunk to fit should it hold much."""
    sheet = certificate_styles()
    when = days(certificate.achieved_on, certificate.until)
    date_line = (
        _("Date: %(date)s · %(hours)s hours", date=when, hours=number(certificate.hours))
        if certificate.hours
        else _("Date: %(date)s", date=when)
    )
    story: list[Flowable] = [
        Spacer(1, 34 * mm),  # the issuer's mark is drawn above
        Paragraph(escape(str(CERTIFICATE_HEADINGS[certificate.kind])), sheet["kind"]),
        Paragraph(escape(certificate.name), sheet["person"]),
        Paragraph(escape(str(CERTIFICATE_LEADS[certificate.kind])), sheet["lead"]),
        Paragraph(escape(certificate.title), sheet["achievement"]),
        Paragraph(escape(date_line), sheet["centred"]),
    ]
    details = certificate.details
    if details.get("outcomes"):
        story.append(Paragraph(escape(_("Learning outcomes")), sheet["section"]))
        story += [Paragraph(escape(title), sheet["centred"]) for title in details["outcomes"]]
    if details.get("growth"):
        story.append(Paragraph(escape(_("Skills before and after (0-100)")), sheet["section"]))
        rows = [[_("Competence area"), _("Before"), _("After")]]
        rows += [[area, str(before), str(after)] for area, before, after in details["growth"]]
        story.append(table(rows, [80 * mm, 22 * mm, 22 * mm], numbers_from=1))
    story += [Spacer(1, 12 * mm), _signature_and_check(certificate)]
    frame_height = A4[1] - 2 * MARGIN
    return [KeepInFrame(A4[0] - 2 * MARGIN, frame_height, story, mode="shrink")]


def _signature_and_check(certificate: Certificate) -> Table:
    """The signature line (trainer, else issuer) beside the QR code that verifies it."""
    small = styles()["small"]
    signer = certificate.trainers or certificate.issuer
    role = _("Trainer") if certificate.trainers else _("Issuer")
    signature = Table(
        [[Paragraph(escape(signer), styles()["body"])], [Paragraph(escape(role), small)]],
        colWidths=[75 * mm],
        style=[("LINEABOVE", (0, 0), (0, 0), 0.8, colors.black), ("TOPPADDING", (0, 0), (0, 0), 3)],
    )
    check = Table(
        [
            [QrCode(verify_url(certificate), size=28 * mm)],
            [Paragraph(escape(_("Verification code: %(code)s", code=certificate.code)), small)],
            [Paragraph(escape(verify_url(certificate)), small)],
        ],
        colWidths=[60 * mm],
    )
    return Table(
        [[signature, check]],
        colWidths=[95 * mm, 65 * mm],
        style=[("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("TOPPADDING", (0, 0), (0, 0), 18 * mm)],
    )


def certificates_pdf(certificates: list[Certificate]) -> bytes:
    """One or many certificates, one per page, each in its participant's language."""
    story: list[Flowable] = []
    for index, certificate in enumerate(certificates):
        if index:
            story.append(PageBreak())
        with force_locale(LOCALES.get(certificate.language, certificate.language)):
            story += _page(certificate)
    first = certificates[0]
    with force_locale(LOCALES.get(first.language, first.language)):
        title = f"{first.title} - {first.name}" if len(certificates) == 1 else first.title
        subject = str(CERTIFICATE_HEADINGS[first.kind])
        return build_pdf(
            story, title=title, subject=subject, language=first.language, author=first.issuer,
            decoration=draw_frame,
        )  # fmt: skip

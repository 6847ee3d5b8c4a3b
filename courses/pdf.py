"""Certificates as PDF: A4, in the participant's language, with a QR code to verify them."""

from __future__ import annotations

import segno
from flask_babel import force_locale
from flask_babel import gettext as _
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from courses.labels import CERTIFICATE_HEADINGS, CERTIFICATE_LEADS
from courses.models import Certificate
from paja.i18n import LOCALES, days, number
from paja.links import absolute_url
from paja.pdf import build_pdf, paragraph, table


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
    """One certificate's page, in its own language."""
    heading = str(CERTIFICATE_HEADINGS[certificate.kind])
    lead = str(CERTIFICATE_LEADS[certificate.kind])
    story: list[Flowable] = [
        Spacer(1, 10 * mm),
        paragraph(heading, "title"),
        paragraph(certificate.name, "title"),
        paragraph(lead),
        paragraph(certificate.title, "heading"),
        paragraph(
            _(
                "Date: %(date)s · %(hours)s hours",
                date=days(certificate.achieved_on, certificate.until),
                hours=number(certificate.hours),
            )
            if certificate.hours
            else _("Date: %(date)s", date=days(certificate.achieved_on, certificate.until))
        ),
    ]
    if certificate.trainers:
        story.append(paragraph(_("Trainer: %(names)s", names=certificate.trainers)))
    details = certificate.details
    if details.get("outcomes"):
        story.append(paragraph(_("Learning outcomes"), "heading"))
        story += [paragraph(f"- {title}") for title in details["outcomes"]]
    if details.get("growth"):
        story.append(paragraph(_("Skills before and after (0-100)"), "heading"))
        rows = [[_("Competence area"), _("Before"), _("After")]]
        rows += [[area, str(before), str(after)] for area, before, after in details["growth"]]
        story.append(table(rows, [100 * mm, 30 * mm, 30 * mm]))
    story += [
        Spacer(1, 8 * mm),
        paragraph(_("Issued by %(issuer)s", issuer=certificate.issuer)),
        paragraph(_("Verification code: %(code)s", code=certificate.code)),
        paragraph(_("Check the certificate at %(url)s", url=verify_url(certificate)), "small"),
        QrCode(verify_url(certificate)),
    ]
    return story


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
            story, title=title, subject=subject, language=first.language, author=first.issuer
        )

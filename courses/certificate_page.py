"""What makes a certificate look like one: a framed page, the issuer's mark and a seal line."""

from __future__ import annotations

from pathlib import Path

from flask import current_app
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.doctemplate import BaseDocTemplate

from paja.pdf import BOLD, REGULAR, styles

INK = colors.HexColor("#0b3d91")  # the frame, the mark and the headings
GOLD = colors.HexColor("#b08d2e")  # the thin inner frame
FRAME = 10 * mm


def certificate_styles() -> StyleSheet1:
    """The certificate's type: a spaced heading, the name large, the rest centred."""
    sheet = styles()
    centred: list[tuple[str, str, int, int, dict[str, object]]] = [
        ("kind", BOLD, 16, 20, {"textColor": INK, "spaceAfter": 10 * mm}),
        ("person", BOLD, 26, 32, {"spaceAfter": 4 * mm}),
        ("lead", REGULAR, 12, 16, {"spaceAfter": 3 * mm}),
        ("achievement", BOLD, 17, 22, {"textColor": INK, "spaceAfter": 3 * mm}),
        ("centred", REGULAR, 10, 14, {}),
        ("section", BOLD, 10, 14, {"textColor": INK, "spaceBefore": 5 * mm, "spaceAfter": 1 * mm}),
    ]
    for name, font, size, leading, extra in centred:
        style = ParagraphStyle(name, fontName=font, fontSize=size, leading=leading)
        style.alignment = TA_CENTER
        for attribute, value in extra.items():
            setattr(style, attribute, value)
        sheet.add(style)
    return sheet


def initials(name: str) -> str:
    """Up to two initials of the issuer's name, for its mark when no logo is configured."""
    words = [word for word in name.replace("-", " ").split() if word[:1].isalpha()]
    return "".join(word[0].upper() for word in words[:2]) or "P"


def draw_frame(canvas: Canvas, doc: BaseDocTemplate) -> None:
    """The frame, and the issuer's logo (SELLER_LOGO) or mark with its name at the top."""
    width, height = A4
    canvas.saveState()
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(2.5)
    canvas.rect(FRAME, FRAME, width - 2 * FRAME, height - 2 * FRAME)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.8)
    inset = FRAME + 2.5 * mm
    canvas.rect(inset, inset, width - 2 * inset, height - 2 * inset)
    issuer = str(current_app.config["SELLER_NAME"])
    logo = current_app.config.get("SELLER_LOGO")
    top = height - FRAME - 24 * mm
    if logo and Path(logo).is_file():
        canvas.drawImage(str(logo), width / 2 - 20 * mm, top, 40 * mm, 16 * mm,
                         preserveAspectRatio=True, mask="auto")  # fmt: skip
    else:
        canvas.setFillColor(INK)
        canvas.circle(width / 2, top + 8 * mm, 8 * mm, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(BOLD, 14)
        canvas.drawCentredString(width / 2, top + 6 * mm, initials(issuer))
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 10)
    canvas.drawCentredString(width / 2, top - 5 * mm, issuer)
    canvas.restoreState()

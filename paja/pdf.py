"""The shared PDF toolkit: A4 pages, fonts for any Latin-script name, styles, header and footer."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from flask import current_app
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.doctemplate import BaseDocTemplate

FONTS = Path(__file__).parent / "fonts"
REGULAR, BOLD = "PajaSans", "PajaSans-Bold"
MARGIN = 20 * mm


def _register_fonts() -> None:
    """Register DejaVu Sans (covers Å, Ö, Ł and the rest of Latin) once."""
    if REGULAR not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(REGULAR, str(FONTS / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
        )


def styles() -> StyleSheet1:
    """Paragraph styles in the Paja fonts."""
    _register_fonts()
    sheet = StyleSheet1()
    sheet.add(ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=14))
    sheet.add(
        ParagraphStyle("small", fontName=REGULAR, fontSize=8, leading=10, textColor=colors.grey)
    )
    sheet.add(ParagraphStyle("title", fontName=BOLD, fontSize=18, leading=22, spaceAfter=6 * mm))
    sheet.add(
        ParagraphStyle(
            "heading", fontName=BOLD, fontSize=12, leading=16, spaceBefore=4 * mm, spaceAfter=2 * mm
        )
    )
    sheet.add(ParagraphStyle("right", fontName=REGULAR, fontSize=10, leading=14, alignment=2))
    return sheet


def table(
    rows: Sequence[list[Any]],
    widths: Sequence[float],
    header: bool = True,
    numbers_from: int | None = None,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A plain table in the Paja fonts; the columns from `numbers_from` on are right-aligned
    (money and counts line up), and `extra` adds TableStyle commands."""
    _register_fonts()
    result = Table(list(rows), colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.grey),
    ]
    if numbers_from is not None:
        commands.append(("ALIGN", (numbers_from, 0), (-1, -1), "RIGHT"))
    commands += list(extra)
    if header:
        commands += [
            ("FONTNAME", (0, 0), (-1, 0), BOLD),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ]
    result.setStyle(TableStyle(commands))
    return result


PageDecoration = Callable[[Canvas, BaseDocTemplate], None]


def build_pdf(
    story: list[Flowable],
    *,
    title: str,
    subject: str,
    language: str,
    author: str | None = None,
    decoration: PageDecoration | None = None,
) -> bytes:
    """Lay out a story on A4 pages with the seller in the footer (or another `decoration`); set
    the PDF metadata, and have viewers show the title rather than the file name."""
    _register_fonts()
    seller = current_app.config["SELLER_NAME"]
    footer = " · ".join(
        part
        for part in (
            seller,
            current_app.config["SELLER_ADDRESS"],
            current_app.config["SELLER_BUSINESS_ID"],
        )
        if part
    )
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=author or seller,
        subject=subject,
        lang=language,
        creator=current_app.config["SITE_NAME"],
    )

    def decorate(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.setViewerPreference("DisplayDocTitle", "true")
        if decoration is not None:
            decoration(canvas, doc)
            return
        canvas.saveState()
        canvas.setFont(BOLD, 11)
        canvas.drawString(MARGIN, A4[1] - 12 * mm, current_app.config["SITE_NAME"])
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(MARGIN, 10 * mm, footer)
        canvas.drawRightString(A4[0] - MARGIN, 10 * mm, str(doc.page))
        canvas.restoreState()

    document.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()


def paragraph(text: str, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped) in a named style."""
    from xml.sax.saxutils import escape

    return Paragraph(escape(text).replace("\n", "<br/>"), styles()[style])

"""Printouts for an event day: the attendance list and name badges, on the shared toolkit."""

from __future__ import annotations

from xml.sax.saxutils import escape

from flask_babel import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Paragraph, Table, TableStyle

from paja.i18n import current_language, when
from paja.pdf import BOLD, MARGIN, REGULAR, PageDecoration, build_pdf, paragraph, styles, table
from trainings.models import Registration, TrainingSession

BADGES_PER_ROW, BADGE_ROWS = 2, 4
BADGE_HEIGHT, BADGE_PADDING = 60 * mm, 8 * mm


def day_heading(day: TrainingSession) -> str:
    """The event and the day's time."""
    return f"{day.title}, {when(day.starts_at)}"


def attendance_list_pdf(day: TrainingSession, people: list[Registration]) -> bytes:
    """Everyone with a seat, by name, with room for a signature."""
    title = _("Attendance list")
    width = A4[0] - 2 * MARGIN
    rows = [["#", _("Name"), _("Organisation"), _("Signature")]]
    rows += [
        [str(number), person.name, person.organisation_name, ""]
        for number, person in enumerate(people, start=1)
    ]
    grid = table(rows, [10 * mm, 0.35 * width, 0.3 * width, width - 10 * mm - 0.65 * width])
    grid.setStyle(TableStyle([("ROWBACKGROUNDS", (0, 1), (-1, -1), [None]),
                              ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.grey),
                              ("TOPPADDING", (0, 1), (-1, -1), 6),
                              ("BOTTOMPADDING", (0, 1), (-1, -1), 6)]))  # fmt: skip
    story = [
        paragraph(title, "title"),
        paragraph(day_heading(day), "heading"),
        paragraph(day.place or day.meeting_url),
        grid,
    ]
    return build_pdf(story, title=f"{title}: {day.title}", subject=day_heading(day),
                     language=current_language())  # fmt: skip


def badges_pdf(day: TrainingSession, people: list[Registration]) -> bytes:
    """A name badge for each person with a seat: name, organisation, project and the event."""
    styles()  # registers the fonts
    name_style = ParagraphStyle("badge-name", fontName=BOLD, fontSize=20, leading=24)
    detail_style = ParagraphStyle("badge-detail", fontName=REGULAR, fontSize=11, leading=14)
    event_style = ParagraphStyle(
        "badge-event", fontName=REGULAR, fontSize=8, leading=10, textColor=colors.grey
    )

    width = (A4[0] - 2 * MARGIN) / BADGES_PER_ROW
    room = width - 2 * BADGE_PADDING

    def badge(person: Registration) -> list[Paragraph]:
        """One badge: the name as large as fits on a line, organisation and project, the day."""
        details = " · ".join(part for part in (person.organisation_name, person.project) if part)
        size = 20  # shrink long names to one line, down to 12 pt (then they wrap)
        while size > 12 and stringWidth(person.name, BOLD, size) > room:
            size -= 1
        style = ParagraphStyle("badge-fit", parent=name_style, fontSize=size, leading=size * 1.2)
        return [
            Paragraph(escape(person.name), style),
            Paragraph(escape(details), detail_style),
            Paragraph(escape(day_heading(day)), event_style),
        ]

    cells: list[list[Paragraph]] = [badge(person) for person in people]
    if not cells:
        cells = [[paragraph(_("Nobody has a seat yet."))]]
    cells += [[] for _ in range(-len(cells) % BADGES_PER_ROW)]  # the last row's empty cells
    rows = [cells[i : i + BADGES_PER_ROW] for i in range(0, len(cells), BADGES_PER_ROW)]
    sheet = Table(rows, colWidths=[width] * BADGES_PER_ROW, rowHeights=BADGE_HEIGHT)
    sheet.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.lightgrey),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), BADGE_PADDING),
                               ("RIGHTPADDING", (0, 0), (-1, -1), BADGE_PADDING)]))  # fmt: skip
    title = _("Name badges")
    return build_pdf([sheet], title=f"{title}: {day.title}", subject=day_heading(day),
                     language=current_language(), decoration=_organiser_brand(day))  # fmt: skip


def _organiser_brand(day: TrainingSession) -> PageDecoration:
    """Badges carry the organising body's name (its event, its people), not the provider's
    address."""
    name = day.event.organisation.name if day.event and day.event.organisation else day.title

    def decorate(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(BOLD, 11)
        canvas.drawString(MARGIN, A4[1] - 12 * mm, name)
        canvas.restoreState()

    return decorate

"""The survey summary as a PDF report with bar charts, in the viewer's language."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import ngettext
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from feedback.summaries import MIN_GROUP, QuestionSummary, SurveySummary
from paja.i18n import current_language, number
from paja.pdf import REGULAR, build_pdf, paragraph

BAR_WIDTH = 90 * mm


def summary_pdf(summary: SurveySummary) -> bytes:
    """Figures, bar charts and free texts of a survey on A4."""
    survey = summary.survey
    story: list[Flowable] = [
        paragraph(survey.title, "title"),
        paragraph(ngettext("%(num)d answer", "%(num)d answers", summary.responses)),
    ]
    if summary.response_rate is not None:
        story.append(paragraph(_("Response rate") + f": {number(summary.response_rate)} %"))
    if summary.hidden:
        hidden = _(
            "Fewer than %(n)d answers: the figures are hidden so that nobody can be identified.",
            n=MIN_GROUP,
        )
        story.append(paragraph(hidden))
    else:
        for index, item in enumerate(summary.questions, start=1):
            story.append(KeepTogether(_question(index, item)))
    return build_pdf(story, title=survey.title, subject=_("Summary"), language=current_language())


def _question(index: int, item: QuestionSummary) -> list[Flowable]:
    """One question's heading, figures, chart and texts."""
    parts: list[Flowable] = [paragraph(f"{index}. {item.question.text}", "heading")]
    figures = [ngettext("%(num)d answer", "%(num)d answers", item.answered)]
    if item.mean is not None and item.median is not None:
        figures += [
            _("mean %(mean)s", mean=number(item.mean)),
            _("median %(median)s", median=number(item.median)),
        ]
    if item.nps is not None:
        figures.append(_("NPS %(score)s", score=item.nps))
    parts.append(paragraph(" · ".join(figures), "small"))
    if item.buckets:
        parts.append(_chart(item))
    for text in item.texts[:50]:
        parts.append(paragraph(f"– {text}"))
    parts.append(Spacer(1, 3 * mm))
    return parts


def _chart(item: QuestionSummary) -> Drawing:
    """A horizontal bar chart with counts and percentages as real text."""
    row = 6 * mm
    drawing = Drawing(170 * mm, row * len(item.buckets) + 2)
    for n, bucket in enumerate(reversed(item.buckets)):
        y = n * row + 1
        drawing.add(String(0, y + 1.5 * mm, bucket.label[:30], fontName=REGULAR, fontSize=8))
        width = float(bucket.percent) / 100 * BAR_WIDTH
        bar = Rect(45 * mm, y, max(width, 0.5), row - 1.5 * mm)
        bar.fillColor, bar.strokeWidth = colors.HexColor("#0a58ca"), 0
        drawing.add(bar)
        label = f"{bucket.count} ({number(bucket.percent)} %)"
        drawing.add(String(47 * mm + width, y + 1.5 * mm, label, fontName=REGULAR, fontSize=8))
    return drawing

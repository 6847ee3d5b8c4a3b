"""Results: the summary page, and the answers as CSV and XLSX."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from flask import Response as HttpResponse
from flask import current_app, render_template, request
from flask.typing import ResponseReturnValue

from feedback import bp
from feedback.exports import to_csv, to_xlsx
from feedback.models import Response, Survey
from feedback.pdf import summary_pdf
from feedback.summaries import CONTEXT_LABELLER, MIN_GROUP, summarise
from paja.access import get_or_404, role_required
from paja.extensions import db


def contexts_of(survey: Survey) -> list[tuple[str, str]]:
    """The contexts (e.g. sessions) the survey's answers came from, labelled by their packages."""
    values = db.session.scalars(
        sa.select(Response.context)
        .where(Response.survey_id == survey.id, Response.context != "")
        .distinct()
    ).all()
    labeller = current_app.extensions.get(CONTEXT_LABELLER)
    return [(value, labeller(value) if labeller else value) for value in sorted(values)]


def _day(name: str) -> date | None:
    """A YYYY-MM-DD date from the query string, or None when missing or malformed."""
    try:
        return date.fromisoformat(request.args.get(name, ""))
    except ValueError:
        return None


@bp.get("/surveys/<int:survey_id>/summary")
@role_required()
def summary(survey_id: int) -> ResponseReturnValue:
    """A survey's figures at a glance, with charts and tables; filter by dates and context."""
    survey = get_or_404(Survey, survey_id, "view")
    start, end = _day("start"), _day("end")
    context = request.args.get("context", "")[:40] or None
    return render_template(
        "feedback/summary.html",
        summary=summarise(survey, start, end, context),
        start=start,
        end=end,
        context=context or "",
        contexts=contexts_of(survey),
        min_group=MIN_GROUP,
    )


@bp.get("/surveys/<int:survey_id>/summary.pdf")
@role_required()
def summary_pdf_view(survey_id: int) -> ResponseReturnValue:
    """The summary as a PDF report, in the viewer's language."""
    survey = get_or_404(Survey, survey_id, "view")
    return HttpResponse(
        summary_pdf(summarise(survey)),
        mimetype="application/pdf",
        headers={"Content-Disposition": f"inline; filename=paja-summary-{survey.id}.pdf"},
    )


@bp.get("/surveys/<int:survey_id>/answers.csv")
@role_required()
def export_csv(survey_id: int) -> ResponseReturnValue:
    """All answers as CSV."""
    survey = get_or_404(Survey, survey_id, "view")
    return HttpResponse(
        to_csv(survey),
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename=paja-survey-{survey.id}.csv"},
    )


@bp.get("/surveys/<int:survey_id>/answers.xlsx")
@role_required()
def export_xlsx(survey_id: int) -> ResponseReturnValue:
    """All answers as an XLSX workbook."""
    survey = get_or_404(Survey, survey_id, "view")
    return HttpResponse(
        to_xlsx(survey),
        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f"attachment; filename=paja-survey-{survey.id}.xlsx"},
    )

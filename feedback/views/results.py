"""Results: the summary page, and the answers as CSV, XLSX and a PDF report."""

from __future__ import annotations

from datetime import date

from flask import current_app, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from feedback import bp
from feedback.exports import answer_rows
from feedback.models import Survey
from feedback.pdf import summary_pdf as summary_report
from feedback.queries.surveys import response_contexts
from feedback.summaries import CONTEXT_LABELLER, MIN_GROUP, summarise
from paja.access import get_or_404, role_required
from paja.audit import Action, record
from paja.database import writes
from paja.downloads import csv_file, pdf_file, xlsx_file
from paja.page_cache import cached_page
from paja.perform import perform


def labelled_contexts(survey: Survey) -> list[tuple[str, str]]:
    """The contexts (e.g. sessions) the survey's answers came from, named by their packages."""
    labeller = current_app.extensions.get(CONTEXT_LABELLER)
    return [(value, labeller(value) if labeller else value) for value in response_contexts(survey)]


def _day(name: str) -> date | None:
    """A YYYY-MM-DD date from the query string, or None when missing or malformed."""
    try:
        return date.fromisoformat(request.args.get(name, ""))
    except ValueError:
        return None


@bp.get("/surveys/<int:survey_id>/summary")
@role_required()
@cached_page
def summary(survey_id: int) -> ResponseReturnValue:
    """A survey's figures at a glance, with charts and tables; filter by dates and context."""
    survey = get_or_404(Survey, survey_id, Survey.can_view)
    start, end = _day("start"), _day("end")
    context = request.args.get("context", "")[:40] or None
    return render_template(
        "feedback/summary.html",
        summary=summarise(survey, start, end, context),
        start=start,
        end=end,
        context=context or "",
        contexts=labelled_contexts(survey),
        min_group=MIN_GROUP,
    )


@bp.get("/surveys/<int:survey_id>/summary.pdf")
@role_required()
def summary_pdf(survey_id: int) -> ResponseReturnValue:
    """The summary as a PDF report, in the viewer's language."""
    survey = get_or_404(Survey, survey_id, Survey.can_view)
    return pdf_file(summary_report(summarise(survey)), f"paja-summary-{survey.id}.pdf")


@bp.get("/surveys/<int:survey_id>/answers.csv")
@writes  # the download is written to the audit log
@role_required()
def export_csv(survey_id: int) -> ResponseReturnValue:
    """All answers as CSV."""
    survey = get_or_404(Survey, survey_id, Survey.can_view)
    perform(lambda: record(current_user, Action.ANSWERS_EXPORTED, f"survey {survey.id}, csv"))
    return csv_file(answer_rows(survey), f"paja-survey-{survey.id}.csv")


@bp.get("/surveys/<int:survey_id>/answers.xlsx")
@writes  # the download is written to the audit log
@role_required()
def export_xlsx(survey_id: int) -> ResponseReturnValue:
    """All answers as an XLSX workbook."""
    survey = get_or_404(Survey, survey_id, Survey.can_view)
    perform(lambda: record(current_user, Action.ANSWERS_EXPORTED, f"survey {survey.id}, xlsx"))
    return xlsx_file(_("Answers"), answer_rows(survey), f"paja-survey-{survey.id}.xlsx")

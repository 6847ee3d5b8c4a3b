"""The end of a programme: most active and most improved, recognitions, the summary report."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from incentives import bp
from incentives.forms.management import RecognitionForm
from incentives.models import Programme
from incentives.operations.recognitions import give_recognition
from incentives.queries.programmes import active_participants
from incentives.queries.reports import categories_by_id, recognitions_of, summary
from incentives.queries.standings import recent_gains, top_board
from incentives.reports import report_pdf, report_rows
from paja.access import get_or_404, role_required
from paja.downloads import pdf_file, xlsx_file
from paja.forms import SelectChoice, given
from paja.perform import perform


def _recognition_form(programme: Programme) -> RecognitionForm:
    """The recognition form with the programme's participants and categories."""
    form = RecognitionForm()
    form.participant.choices = [
        SelectChoice(p.id, p.user.name) for p in active_participants(programme) if p.user
    ]
    form.category.choices = [SelectChoice(0, _("The whole programme"))] + [
        SelectChoice(c.id, c.name) for c in programme.categories
    ]
    return form


@bp.route("/<int:programme_id>/awards", methods=["GET", "POST"])
@role_required()
def awards(programme_id: int) -> ResponseReturnValue:
    """Who was most active and who improved most, per category; giving recognitions."""
    item = get_or_404(Programme, programme_id, Programme.can_manage)
    form = _recognition_form(item)
    if form.validate_on_submit():
        person = next(p for p in active_participants(item) if p.id == form.participant.data)
        category = categories_by_id(item).get(form.category.data or 0)
        title = given(form.title.data)
        done = perform(lambda: give_recognition(item, person, category, title, current_user), form)
        if done.ok:
            flash(
                _("The recognition is given; the participant can download its certificate."),
                "success",
            )
            return redirect(url_for("incentives.awards", programme_id=item.id))
    return render_template(
        "incentives/awards.html", programme=item, top=top_board(item), rising=recent_gains(item),
        form=form, given_ones=recognitions_of(item), report=summary(item),
        categories=categories_by_id(item),
    )  # fmt: skip


@bp.get("/<int:programme_id>/report.pdf")
@role_required()
def report_pdf_view(programme_id: int) -> ResponseReturnValue:
    """The summary for management as PDF (no figure about fewer than three people)."""
    item = get_or_404(Programme, programme_id, Programme.can_manage)
    return pdf_file(report_pdf(item, summary(item)), f"paja-programme-{item.id}.pdf")


@bp.get("/<int:programme_id>/report.xlsx")
@role_required()
def report_xlsx(programme_id: int) -> ResponseReturnValue:
    """The summary for management as a spreadsheet."""
    item = get_or_404(Programme, programme_id, Programme.can_manage)
    return xlsx_file("Paja", report_rows(item, summary(item)), f"paja-programme-{item.id}.xlsx")

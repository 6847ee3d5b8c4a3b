"""Authoring surveys (admins, trainers, organisers): texts, questions, life cycle, invitations."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from feedback import bp
from feedback.forms.surveys import InviteForm, NewSurveyForm, QuestionForm, SurveyForm
from feedback.models import Question, QuestionType, Survey, SurveyStatus
from feedback.operations import invitations, surveys
from feedback.queries.surveys import has_responses, invitation_counts, surveys_of
from paja.access import get_or_404, role_required
from paja.forms import ButtonForm, given
from paja.i18n import helsinki
from paja.models import Role
from paja.perform import perform

AUTHORS = (Role.ADMIN, Role.TRAINER, Role.ORGANISER)


@bp.get("/surveys/", endpoint="surveys")
@role_required(*AUTHORS)
def surveys_list() -> ResponseReturnValue:
    """The user's surveys (all for admins) with their answer counts."""
    return render_template("feedback/surveys.html", rows=surveys_of(current_user))


@bp.route("/surveys/new", methods=["GET", "POST"])
@role_required(*AUTHORS)
def new_survey() -> ResponseReturnValue:
    """Start a survey, from the template or empty."""
    form = NewSurveyForm()
    if form.validate_on_submit():
        title, language = given(form.title.data), given(form.language.data)
        if form.from_template.data:
            created = perform(
                lambda: surveys.create_from_template(current_user, title, language), form
            )
        else:
            created = perform(
                lambda: surveys.create_survey(current_user, title, language=language), form
            )
        if created.ok:
            flash(_("The survey is created as a draft."), "success")
            return redirect(url_for("feedback.edit_survey", survey_id=created.result.id))
    return render_template("feedback/new_survey.html", form=form)


def _editor(
    survey: Survey,
    form: SurveyForm,
    question_form: QuestionForm,
    invite_form: InviteForm | None = None,
) -> str:
    """The survey editor page; forms given with errors show what was typed."""
    invited, answered = invitation_counts(survey)
    return render_template(
        "feedback/edit_survey.html",
        survey=survey,
        form=form,
        question_form=question_form,
        invite_form=invite_form or InviteForm(formdata=None),
        answered=has_responses(survey),
        invited=invited,
        invitations_answered=answered,
        button=ButtonForm(),
    )


def _texts(form: SurveyForm) -> surveys.SurveyTexts:
    """The survey form as operation input, its times typed in Helsinki."""
    return surveys.SurveyTexts(
        title=given(form.title.data),
        intro=form.intro.data or "",
        thanks=form.thanks.data or "",
        language=form.language.data,
        anonymous=form.anonymous.data,
        open_to_accounts=form.open_to_accounts.data,
        opens_at=helsinki(form.opens_at.data) if form.opens_at.data else None,
        closes_at=helsinki(form.closes_at.data) if form.closes_at.data else None,
    )


@bp.route("/surveys/<int:survey_id>", methods=["GET", "POST"])
@role_required(*AUTHORS)
def edit_survey(survey_id: int) -> ResponseReturnValue:
    """Edit a survey's texts and period; list and add questions."""
    survey = get_or_404(Survey, survey_id, Survey.can_edit)
    form = SurveyForm(obj=survey)
    if (
        form.validate_on_submit()
        and perform(lambda: surveys.update_survey(survey, _texts(form)), form).ok
    ):
        flash(_("The survey is saved."), "success")
        return redirect(url_for("feedback.edit_survey", survey_id=survey.id))
    return _editor(survey, form, QuestionForm(formdata=None))


def _details(form: QuestionForm) -> surveys.QuestionDetails:
    """The question form as operation input."""
    return surveys.QuestionDetails(
        kind=QuestionType(form.kind.data),
        text=given(form.text.data),
        required=form.required.data,
        low_label=form.low_label.data or "",
        high_label=form.high_label.data or "",
        choices=(form.choices.data or "").splitlines(),
        allow_other=form.allow_other.data,
    )


@bp.post("/surveys/<int:survey_id>/questions")
@role_required(*AUTHORS)
def add_question(survey_id: int) -> ResponseReturnValue:
    """Add a question at the end."""
    survey = get_or_404(Survey, survey_id, Survey.can_edit)
    form = QuestionForm()
    if (
        form.validate_on_submit()
        and perform(lambda: surveys.add_question(survey, _details(form)), form).ok
    ):
        flash(_("The question is added."), "success")
        return redirect(url_for("feedback.edit_survey", survey_id=survey.id))
    return _editor(survey, SurveyForm(obj=survey, formdata=None), form)


@bp.route("/questions/<int:question_id>", methods=["GET", "POST"])
@role_required(*AUTHORS)
def edit_question(question_id: int) -> ResponseReturnValue:
    """Edit a question (only its wording once the survey has answers)."""
    question = get_or_404(Question, question_id, Question.can_edit)
    form = QuestionForm(obj=question, choices=question.choices_text)
    if (
        form.validate_on_submit()
        and perform(lambda: surveys.update_question(question, _details(form)), form).ok
    ):
        flash(_("The question is saved."), "success")
        return redirect(url_for("feedback.edit_survey", survey_id=question.survey_id))
    return render_template("feedback/edit_question.html", question=question, form=form)


@bp.post("/questions/<int:question_id>/<any(up, down):direction>")
@role_required(*AUTHORS)
def move_question(question_id: int, direction: str) -> ResponseReturnValue:
    """Move a question up or down."""
    question = get_or_404(Question, question_id, Question.can_edit)
    if ButtonForm().validate_on_submit():
        perform(lambda: surveys.move_question(question, -1 if direction == "up" else 1))
    return redirect(
        url_for(
            "feedback.edit_survey", survey_id=question.survey_id, _anchor=f"question-{question.id}"
        )
    )


@bp.post("/questions/<int:question_id>/remove")
@role_required(*AUTHORS)
def remove_question(question_id: int) -> ResponseReturnValue:
    """Remove a question (not once the survey has answers)."""
    question = get_or_404(Question, question_id, Question.can_edit)
    survey_id = question.survey_id
    if ButtonForm().validate_on_submit() and perform(lambda: surveys.remove_question(question)).ok:
        flash(_("The question is removed."), "success")
    return redirect(url_for("feedback.edit_survey", survey_id=survey_id))


@bp.post("/surveys/<int:survey_id>/<any(open, closed):status>")
@role_required(*AUTHORS)
def set_status(survey_id: int, status: str) -> ResponseReturnValue:
    """Open or close a survey."""
    survey = get_or_404(Survey, survey_id, Survey.can_edit)
    if (
        ButtonForm().validate_on_submit()
        and perform(lambda: surveys.set_status(survey, SurveyStatus(status))).ok
    ):
        if status == "open":
            flash(_("The survey is open for answers."), "success")
        else:
            flash(_("The survey is closed."), "success")
    return redirect(url_for("feedback.edit_survey", survey_id=survey.id))


@bp.post("/surveys/<int:survey_id>/duplicate")
@role_required(*AUTHORS)
def duplicate(survey_id: int) -> ResponseReturnValue:
    """Copy a survey as a new draft."""
    survey = get_or_404(Survey, survey_id, Survey.can_edit)
    if ButtonForm().validate_on_submit():
        copied = perform(lambda: surveys.duplicate_survey(survey, current_user))
        if copied.ok:
            flash(_("A copy is created as a draft."), "success")
            return redirect(url_for("feedback.edit_survey", survey_id=copied.result.id))
    return redirect(url_for("feedback.edit_survey", survey_id=survey.id))


@bp.get("/surveys/<int:survey_id>/preview")
@role_required(*AUTHORS)
def preview(survey_id: int) -> ResponseReturnValue:
    """The survey as respondents see it; nothing is saved."""
    survey = get_or_404(Survey, survey_id, Survey.can_edit)
    return render_template("feedback/answer.html", survey=survey, raw={}, errors={}, preview=True)


@bp.post("/surveys/<int:survey_id>/invitations")
@role_required(*AUTHORS)
def invite(survey_id: int) -> ResponseReturnValue:
    """Invite people by email; each gets a personal link."""
    survey = get_or_404(Survey, survey_id, Survey.can_edit)
    form = InviteForm()
    if form.validate_on_submit():
        people = invitations.parse_people(given(form.people.data))
        if not people:
            form.people.errors = [_("No email address was found. Give one per line.")]
        else:
            sent = perform(lambda: invitations.invite(survey, people), form)
            if sent.ok:
                count = len(sent.result)
                flash(
                    ngettext(
                        "%(num)d invitation is on its way.",
                        "%(num)d invitations are on their way.",
                        count,
                    ),
                    "success",
                )
                return redirect(url_for("feedback.edit_survey", survey_id=survey.id))
    return _editor(survey, SurveyForm(obj=survey, formdata=None), QuestionForm(formdata=None), form)


@bp.post("/surveys/<int:survey_id>/remind")
@role_required(*AUTHORS)
def remind(survey_id: int) -> ResponseReturnValue:
    """Remind those invited who have not answered."""
    survey = get_or_404(Survey, survey_id, Survey.can_edit)
    if ButtonForm().validate_on_submit():
        reminded = perform(lambda: invitations.remind(survey))
        if reminded.ok:
            flash(_("Reminders on their way: %(num)d.", num=reminded.result), "success")
    return redirect(url_for("feedback.edit_survey", survey_id=survey.id))

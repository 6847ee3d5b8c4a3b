"""Feedback: surveys answered anonymously, by invitation or logged in; summaries and exports."""

from flask import Blueprint
from flask.blueprints import BlueprintSetupState

from paja.cli import PURGERS
from paja.demo import DEMO_LOADERS
from paja.generate import GENERATORS
from paja.privacy import ERASERS, EXPORTERS

bp = Blueprint("feedback", __name__, url_prefix="/feedback")


@bp.record_once
def _install(state: BlueprintSetupState) -> None:
    """Give templates the translated statuses and question types; let `paja demo` load ours."""
    from feedback import privacy
    from feedback.demo import load_demo
    from feedback.generate import generate
    from feedback.labels import QUESTION_KIND_LABELS, SURVEY_STATUS_LABELS, WISH_STATUS_LABELS

    state.app.jinja_env.globals.update(
        survey_status_labels=SURVEY_STATUS_LABELS,
        question_kind_labels=QUESTION_KIND_LABELS,
        wish_status_labels=WISH_STATUS_LABELS,
    )
    state.app.extensions.setdefault(DEMO_LOADERS, []).append(load_demo)
    state.app.extensions.setdefault(GENERATORS, []).append(generate)
    state.app.extensions.setdefault(EXPORTERS, []).append(privacy.export)
    state.app.extensions.setdefault(PURGERS, {})["survey invitations"] = privacy.purge_invitations
    state.app.extensions.setdefault(ERASERS, []).append(privacy.erase)
    _add_start_panels(state)


def _add_start_panels(state: BlueprintSetupState) -> None:
    """Surveys waiting for the person's answer; new theme wishes for organisers."""
    from feedback.queries import start
    from paja.models import Role
    from paja.start_page import Panel, add_panel

    add_panel(
        state.app, Panel("to_answer", "start/to_answer.html", frozenset(), start.to_answer, 55)
    )
    organisers = frozenset({Role.ADMIN, Role.ORGANISER})
    add_panel(
        state.app, Panel("new_wishes", "start/new_wishes.html", organisers, start.new_wishes, 31)
    )


from feedback import views  # noqa: E402,F401 (registers the routes on bp)

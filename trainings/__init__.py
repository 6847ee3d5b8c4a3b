"""Trainings: trainers, the workshop catalogue, orders, sessions and registrations."""

from flask import Blueprint
from flask.blueprints import BlueprintSetupState

from feedback.summaries import CONTEXT_LABELLER
from paja.cli import PURGERS
from paja.demo import DEMO_LOADERS

bp = Blueprint("trainings", __name__, url_prefix="/trainings")


@bp.record_once
def _install(state: BlueprintSetupState) -> None:
    """Give templates the translated mode and status names; let `paja demo` load our demo data."""
    from trainings.demo import load_trainings_demo
    from trainings.labels import (
        AGENDA_LABELS,
        MODE_LABELS,
        REGISTRATION_LABELS,
        SESSION_STATUS_LABELS,
        STATUS_LABELS,
    )
    from trainings.links import CHANNEL_NAMES

    state.app.jinja_env.globals.update(
        agenda_labels=AGENDA_LABELS,
        channel_names=CHANNEL_NAMES,
        mode_labels=MODE_LABELS,
        order_status_labels=STATUS_LABELS,
        session_status_labels=SESSION_STATUS_LABELS,
        registration_labels=REGISTRATION_LABELS,
    )
    from trainings.event_demo import load_event_demo

    state.app.extensions.setdefault(DEMO_LOADERS, []).extend([load_trainings_demo, load_event_demo])
    from trainings.operations.event_registrations import purge_needs

    state.app.extensions.setdefault(PURGERS, {})["network-day needs"] = purge_needs
    state.app.extensions[CONTEXT_LABELLER] = session_label


def session_label(context: str) -> str:
    """A feedback context such as 'session:12' as people know it: the workshop and its day."""
    from paja.extensions import db
    from paja.i18n import day
    from trainings.models import TrainingSession

    kind, _, ident = context.partition(":")
    session = (
        db.session.get(TrainingSession, int(ident))
        if kind == "session" and ident.isdigit()
        else None
    )
    return f"{session.title}, {day(session.starts_at)}" if session else context


from trainings import views  # noqa: E402,F401 (registers the routes on bp)

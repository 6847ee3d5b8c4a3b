"""Trainings: trainers, the workshop catalogue, orders, sessions, registrations, network days."""

from flask import Blueprint
from flask.blueprints import BlueprintSetupState

from feedback.summaries import CONTEXT_LABELLER
from paja.cli import PURGERS
from paja.demo import DEMO_LOADERS
from paja.generate import GENERATORS
from paja.privacy import ERASERS, EXPORTERS
from paja.signups import COMPLETERS

bp = Blueprint("trainings", __name__, url_prefix="/trainings")


@bp.record_once
def _install(state: BlueprintSetupState) -> None:
    """Give templates the translated names; let `paja demo`, `paja purge` and summaries use us."""
    from trainings import generate_events, privacy
    from trainings.demo import load_demo
    from trainings.generate import generate
    from trainings.labels import (
        AGENDA_LABELS,
        MODE_LABELS,
        REGISTRATION_LABELS,
        SESSION_STATUS_LABELS,
        STATUS_LABELS,
    )
    from trainings.links import CHANNEL_NAMES
    from trainings.operations.event_registrations import purge_needs
    from trainings.operations.newcomer_orders import ORDER_PURPOSE, complete_order
    from trainings.queries.sessions import session_label

    state.app.jinja_env.globals.update(
        agenda_labels=AGENDA_LABELS,
        channel_names=CHANNEL_NAMES,
        mode_labels=MODE_LABELS,
        order_status_labels=STATUS_LABELS,
        session_status_labels=SESSION_STATUS_LABELS,
        registration_labels=REGISTRATION_LABELS,
    )
    state.app.extensions.setdefault(DEMO_LOADERS, []).append(load_demo)
    state.app.extensions.setdefault(GENERATORS, []).extend((generate, generate_events.generate))
    state.app.extensions.setdefault(PURGERS, {})["network-day needs"] = purge_needs
    state.app.extensions[PURGERS]["cancelled registrations"] = privacy.purge_cancelled
    state.app.extensions.setdefault(COMPLETERS, {})[ORDER_PURPOSE] = complete_order
    state.app.extensions.setdefault(EXPORTERS, []).append(privacy.export)
    state.app.extensions.setdefault(ERASERS, []).append(privacy.erase)
    state.app.extensions[CONTEXT_LABELLER] = session_label
    _add_start_panels(state)


def _add_start_panels(state: BlueprintSetupState) -> None:
    """What admins, trainers, organisers, customers and participants start their day from."""
    from paja.models import Role
    from paja.start_page import Panel, add_panel
    from trainings.queries import start

    for panel in (
        Panel("admin_orders", "start/admin_orders.html", frozenset({Role.ADMIN}),
              start.admin_orders, 10),
        Panel("admin_sessions", "start/admin_sessions.html", frozenset({Role.ADMIN}),
              start.admin_sessions, 11),
        Panel("trainer_week", "start/trainer_week.html", frozenset({Role.TRAINER}),
              start.trainer_week, 20),
        Panel("organiser_events", "start/organiser_events.html", frozenset({Role.ORGANISER}),
              start.organiser_events, 30),
        Panel("customer_orders", "start/customer_orders.html", frozenset({Role.CUSTOMER}),
              start.customer_orders, 40),
        Panel("next_sessions", "start/next_sessions.html", frozenset(), start.next_sessions, 60),
    ):  # fmt: skip
        add_panel(state.app, panel)


from trainings import commands, views  # noqa: E402,F401 (registers the routes and commands)

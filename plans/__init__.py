"""Plans: social-media plans (the 15-section worksheet), comments, publishing calendars."""

from flask import Blueprint
from flask.blueprints import BlueprintSetupState

from paja.demo import DEMO_LOADERS
from paja.generate import GENERATORS
from paja.privacy import ERASERS, EXPORTERS

bp = Blueprint("plans", __name__, url_prefix="/plans")


@bp.record_once
def _install(state: BlueprintSetupState) -> None:
    """Give templates the translated labels; let `paja demo` load our demo plans."""
    from paja.i18n import wall_clock
    from plans import privacy
    from plans.demo import load_demo
    from plans.generate import generate
    from plans.labels import (
        CHANNEL_LABELS,
        FORMAT_LABELS,
        ROLE_LABELS,
        STATUS_LABELS,
        channel_names,
        month_name,
        weekday_names,
    )
    from plans.mentions import with_mentions
    from plans.pdf import answer_text

    state.app.jinja_env.globals.update(
        plan_channel_labels=CHANNEL_LABELS,
        entry_format_labels=FORMAT_LABELS,
        entry_status_labels=STATUS_LABELS,
        plan_role_labels=ROLE_LABELS,
        plan_channel_names=channel_names,
        answer_text=answer_text,
        weekday_names=weekday_names,
        month_name=month_name,
    )
    state.app.jinja_env.filters.update(with_mentions=with_mentions, wallclock=wall_clock)
    state.app.extensions.setdefault(DEMO_LOADERS, []).append(load_demo)
    state.app.extensions.setdefault(GENERATORS, []).append(generate)
    state.app.extensions.setdefault(EXPORTERS, []).append(privacy.export)
    state.app.extensions.setdefault(ERASERS, []).append(privacy.erase)


from plans import commands, views  # noqa: E402,F401 (registers the routes and commands on bp)

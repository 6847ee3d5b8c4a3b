"""Incentives: opt-in programmes with categories, an append-only points ledger and boards."""

from flask import Blueprint
from flask.blueprints import BlueprintSetupState

from paja.cli import PURGERS
from paja.demo import DEMO_LOADERS
from paja.generate import GENERATORS
from paja.privacy import ERASERS, EXPORTERS

bp = Blueprint("incentives", __name__, url_prefix="/incentives")


@bp.record_once
def _install(state: BlueprintSetupState) -> None:
    """Give templates the translated labels; let `paja demo`, `paja purge`, the data download
    and erasure reach the programmes."""
    from incentives import privacy
    from incentives.demo import load_demo
    from incentives.generate import generate
    from incentives.labels import (
        CLAIM_STATUS_LABELS,
        SOURCE_LABELS,
        STANDING_VIEW_LABELS,
        VISIBILITY_LABELS,
    )

    state.app.jinja_env.globals.update(
        claim_status_labels=CLAIM_STATUS_LABELS,
        source_labels=SOURCE_LABELS,
        standing_view_labels=STANDING_VIEW_LABELS,
        visibility_labels=VISIBILITY_LABELS,
    )
    state.app.extensions.setdefault(DEMO_LOADERS, []).append(load_demo)
    state.app.extensions.setdefault(GENERATORS, []).append(generate)
    state.app.extensions.setdefault(EXPORTERS, []).append(privacy.export)
    state.app.extensions.setdefault(ERASERS, []).append(privacy.erase)
    state.app.extensions.setdefault(PURGERS, {})["programme points"] = privacy.anonymise_ended


from incentives import views  # noqa: E402,F401 (registers the routes on bp)

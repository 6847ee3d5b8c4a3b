"""Courses: modules in series, enrolment and progress, skill checks and certificates."""

from flask import Blueprint
from flask.blueprints import BlueprintSetupState

from paja.demo import DEMO_LOADERS
from paja.privacy import ERASERS, EXPORTERS

bp = Blueprint("courses", __name__, url_prefix="/courses")
#: The public certificate check lives at /verify, outside the courses' prefix.
verify_bp = Blueprint("verify", __name__, url_prefix="/verify")


@bp.record_once
def _install(state: BlueprintSetupState) -> None:
    """Give templates the translated level names; let `paja demo` load our demo courses."""
    from courses import privacy
    from courses.demo import load_demo
    from courses.labels import CERTIFICATE_HEADINGS, CERTIFICATE_LEADS, LEVEL_LABELS

    state.app.jinja_env.globals.update(
        level_labels=LEVEL_LABELS,
        certificate_headings=CERTIFICATE_HEADINGS,
        certificate_leads=CERTIFICATE_LEADS,
    )
    state.app.extensions.setdefault(DEMO_LOADERS, []).append(load_demo)
    state.app.extensions.setdefault(EXPORTERS, []).append(privacy.export)
    state.app.extensions.setdefault(ERASERS, []).append(privacy.erase)
    _add_start_panels(state)


def _add_start_panels(state: BlueprintSetupState) -> None:
    """Everyone's learning, the customer's staff's, and the certificates admins issued."""
    from courses.queries import start
    from paja.models import Role
    from paja.start_page import Panel, add_panel

    for panel in (
        Panel("issued_certificates", "start/issued_certificates.html", frozenset({Role.ADMIN}),
              start.issued_certificates, 13),
        Panel("staff_learning", "start/staff_learning.html", frozenset({Role.CUSTOMER}),
              start.staff_learning, 41),
        Panel("learning", "start/learning.html", frozenset(), start.learning, 61),
    ):  # fmt: skip
        add_panel(state.app, panel)


from courses import views  # noqa: E402,F401 (registers the routes on the blueprints)

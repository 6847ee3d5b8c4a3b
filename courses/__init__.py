"""Courses: modules in series, enrolment and progress."""

from flask import Blueprint
from flask.blueprints import BlueprintSetupState

from paja.demo import DEMO_LOADERS
from trainings.signals import attendance_marked, registered

bp = Blueprint("courses", __name__, url_prefix="/courses")


@bp.record_once
def _install(state: BlueprintSetupState) -> None:
    """Give templates the translated level names; let `paja demo` load our demo courses."""
    from courses.demo import load_courses_demo
    from courses.forms import LEVELS

    state.app.jinja_env.globals.update(level_labels=LEVELS)
    state.app.extensions.setdefault(DEMO_LOADERS, []).append(load_courses_demo)
    registered.connect(_enrol_registrant, weak=False)
    attendance_marked.connect(_issue_attendance_certificates, weak=False)


def _enrol_registrant(registration: object) -> None:
    """Registering to a session enrols the person on the courses linked to its workshop."""
    from courses.operations import enrol_registrant

    enrol_registrant(registration)  # type: ignore[arg-type]


def _issue_attendance_certificates(session: object) -> None:
    """Everyone marked present gets an attendance certificate."""
    from courses.certificates import issue_for_attendance

    issue_for_attendance(session)  # type: ignore[arg-type]


from courses import certificate_models, skill_models, views  # noqa: E402,F401 (models for migrations; routes on bp)

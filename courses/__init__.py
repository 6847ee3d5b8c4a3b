"""Courses: modules in series, enrolment and progress."""

from flask import Blueprint
from flask.blueprints import BlueprintSetupState

from paja.demo import DEMO_LOADERS

bp = Blueprint("courses", __name__, url_prefix="/courses")


@bp.record_once
def _install(state: BlueprintSetupState) -> None:
    """Give templates the translated level names; let `paja demo` load our demo courses."""
    from courses.demo import load_courses_demo
    from courses.forms import LEVELS

    state.app.jinja_env.globals.update(level_labels=LEVELS)
    state.app.extensions.setdefault(DEMO_LOADERS, []).append(load_courses_demo)


from courses import certificate_models, skill_models, views  # noqa: E402,F401 (models for migrations; routes on bp)

"""The courses package's part of the REST API: the courses, one's progress, certificates."""

from flask_babel import lazy_gettext as _l
from flask_smorest import Blueprint

from paja.api import API_PREFIX
from paja.api_tokens import scope

blp = Blueprint(
    "api_courses",
    __name__,
    url_prefix=API_PREFIX,
    description="Courses, your progress on them, and certificates: list and verify.",
)
LEARNING_READ = scope(
    "learning:read",
    _l(
        "Read your courses, progress and certificates (an organisation's: its staff's certificates)"
    ),
)

from courses.api import views  # noqa: E402,F401 (registers the routes on blp)

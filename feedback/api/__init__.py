"""The feedback package's part of the REST API: survey figures, aggregates only."""

from flask_babel import lazy_gettext as _l
from flask_smorest import Blueprint

from paja.api import API_PREFIX
from paja.api_tokens import scope

blp = Blueprint(
    "api_feedback",
    __name__,
    url_prefix=API_PREFIX,
    description="Surveys and their summaries: counts, means and NPS, never single answers.",
)
SURVEYS_READ = scope("surveys:read", _l("Read the figures of your surveys (never single answers)"))

from feedback.api import views  # noqa: E402,F401 (registers the routes on blp)

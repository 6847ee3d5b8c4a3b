"""The plans package's part of the REST API: plans and their calendar entries."""

from flask_babel import lazy_gettext as _l
from flask_smorest import Blueprint

from paja.api import API_PREFIX
from paja.api_tokens import scope

blp = Blueprint(
    "api_plans",
    __name__,
    url_prefix=API_PREFIX,
    description="Social-media plans and their publishing calendars.",
)
PLANS_READ = scope(
    "plans:read", _l("Read the plans you are on and their calendars (an organisation's: its plans)")
)

from plans.api import views  # noqa: E402,F401 (registers the routes on blp)

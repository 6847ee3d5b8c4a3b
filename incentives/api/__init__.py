"""The incentives package's part of the REST API: programmes, one's standing, the boards."""

from flask_babel import lazy_gettext as _l
from flask_smorest import Blueprint

from paja.api import API_PREFIX
from paja.api_tokens import scope

blp = Blueprint(
    "api_incentives",
    __name__,
    url_prefix=API_PREFIX,
    description="Communication incentive programmes: your standing and the boards, with the "
    "same privacy as the pages (only those who opted in, nobody's total but your own).",
)
PROGRAMMES_READ = scope(
    "programmes:read", _l("Read your organisations' incentive programmes, boards and your standing")
)

from incentives.api import views  # noqa: E402,F401 (registers the routes on blp)

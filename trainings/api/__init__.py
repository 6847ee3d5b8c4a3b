"""The trainings package's part of the REST API: catalogue, open sessions, registrations."""

from flask_babel import lazy_gettext as _l
from flask_smorest import Blueprint

from paja.api import API_PREFIX
from paja.api_tokens import scope

blp = Blueprint(
    "api_trainings",
    __name__,
    url_prefix=API_PREFIX,
    description="Workshops, channels, trainers, open sessions and registrations.",
)
REGISTRATIONS_WRITE = scope(
    "registrations:write", _l("Register people for sessions and cancel those registrations")
)

ORDERS_READ = scope("orders:read", _l("Read your organisations' orders, prices and dates"))

from trainings.api import events, views  # noqa: E402,F401 (registers the routes on blp)

"""The courses package's part of the REST API: verifying certificates."""

from flask_smorest import Blueprint

from paja.api import API_PREFIX

blp = Blueprint(
    "api_courses",
    __name__,
    url_prefix=API_PREFIX,
    description="Certificates: verify one by its code.",
)

from courses.api import views  # noqa: E402,F401 (registers the routes on blp)

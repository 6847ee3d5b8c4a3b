"""Home page, language switcher and health check."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from flask import (
    Blueprint,
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    send_file,
    session,
)
from flask.typing import ResponseReturnValue
from flask_login import current_user

from paja import operations
from paja.database import utcnow
from paja.forms import LanguageForm, given
from paja.i18n import SESSION_KEY
from paja.models import LANGUAGES
from paja.page_cache import cached_page
from paja.perform import perform
from paja.queries import database_status
from paja.start_page import panels_for
from paja.views.navigation import safe_next

bp = Blueprint("main", __name__)


@bp.get("/")
def home() -> ResponseReturnValue:
    """The front page; logged in, the start page with the panels of the person's roles."""
    if not current_user.is_authenticated:
        return front_page()
    return render_template("main/start.html", panels=panels_for(current_user, utcnow()))


@cached_page
def front_page() -> ResponseReturnValue:
    """What Paja is, for visitors (the same for all of them, so served from the cache)."""
    return render_template("main/home.html")


@bp.get("/accessibility")
def accessibility() -> ResponseReturnValue:
    """The accessibility statement (saavutettavuusseloste) public bodies must publish."""
    return render_template(
        "main/accessibility.html", prepared=STATEMENT_PREPARED, reviewed=STATEMENT_REVIEWED
    )


# When the statement was first written and last checked against the service (update both
# the statement and this date whenever what it says changes).
STATEMENT_PREPARED = date(2026, 11, 22)
STATEMENT_REVIEWED = date(2026, 11, 30)


@bp.post("/language")
def set_language() -> ResponseReturnValue:
    """Remember the chosen language (in the profile when logged in) and go back."""
    form = LanguageForm()
    if form.validate_on_submit() and form.language.data in LANGUAGES:
        session[SESSION_KEY] = form.language.data
        session.permanent = True
        if current_user.is_authenticated:
            perform(lambda: operations.set_language(current_user, given(form.language.data)))
    return redirect(safe_next(form.next.data))


BRAND_FILES = {"logo": "SITE_LOGO", "favicon": "SITE_FAVICON"}


@bp.get("/brand/<any(logo, favicon):kind>")
def brand_file(kind: str) -> ResponseReturnValue:
    """The provider's logo or favicon, as configured (404 when none is)."""
    path = current_app.config[BRAND_FILES[kind]]
    if not path or not Path(path).is_file():
        abort(404)
    return send_file(Path(path).resolve(), max_age=86400)


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    """Liveness and database status as JSON; 503 when the database is unreachable."""
    database = database_status()
    body = {
        "status": "ok" if database == "ok" else "degraded",
        "version": current_app.config["PAJA_VERSION"],
        "database": database,
    }
    return jsonify(body), 200 if database == "ok" else 503

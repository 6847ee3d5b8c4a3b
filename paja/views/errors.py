"""Friendly, translated error pages."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from flask import Flask, abort, render_template, request
from flask.globals import request_ctx
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DataError
from werkzeug.exceptions import BadRequest, HTTPException, InternalServerError

from paja.api import is_api_request, problem_response
from paja.perform import abandon

log = logging.getLogger(__name__)
SHOWN = (400, 403, 404, 405, 429, 500)


def render_error(error: HTTPException) -> ResponseReturnValue:
    """An error page in the visitor's language, with the right status code."""
    code = error.code or 500
    if code >= 500:
        abandon()
    if request_ctx.url_adapter is not None and is_api_request():
        return problem_response(error)
    response = error.get_response()
    if request_ctx.url_adapter is None:  # an untrusted Host: nothing can be linked, say only no
        log.warning("refused a request for host %r", request.environ.get("HTTP_HOST"))
        return _("This address is not served here."), 400, {"Content-Type": "text/plain"}
    body = render_template("errors/error.html", code=code if code in SHOWN else 400)
    return (
        body,
        code,
        {k: v for k, v in response.headers.items() if k.lower() in {"allow", "retry-after"}},
    )


def render_csrf_error(error: CSRFError) -> ResponseReturnValue:
    """The form's security token was missing or stale: explain and offer to retry."""
    log.info("CSRF check failed on %s: %s", request.path, error.description)
    retry = _same_site_referrer() or (request.path if request.method == "GET" else None)
    return render_template("errors/csrf.html", retry=retry), 400


def _same_site_referrer() -> str | None:
    """The page the form was on, when it is on this site."""
    referrer = urlsplit(request.referrer or "")
    if referrer.netloc != request.host or referrer.scheme not in {"http", "https"}:
        return None
    return referrer.path + (f"?{referrer.query}" if referrer.query else "")


def refuse_nul_bytes() -> None:
    """No text anywhere holds a NUL byte (PostgreSQL cannot store one): such a request is bad."""
    sent = [*request.args.items(multi=True), *request.form.items(multi=True)]
    if "\x00" in request.path or any("\x00" in k or "\x00" in v for k, v in sent):
        abort(400)


def render_unstorable(error: DataError) -> ResponseReturnValue:
    """A value the database refused (out of range, malformed): a bad request, not a crash."""
    abandon()
    log.warning("database refused a value on %s: %s", request.path, error.orig)
    return render_error(BadRequest())


def render_unexpected(error: Exception) -> ResponseReturnValue:
    """Any unhandled exception: roll back and show the 500 page."""
    log.exception("unhandled error on %s", request.path)
    return render_error(InternalServerError())


def register(app: Flask) -> None:
    """Install the handlers on the app."""
    app.before_request(refuse_nul_bytes)
    app.register_error_handler(CSRFError, render_csrf_error)
    app.register_error_handler(DataError, render_unstorable)
    app.register_error_handler(HTTPException, render_error)
    app.register_error_handler(Exception, render_unexpected)

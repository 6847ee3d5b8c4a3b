"""The REST API's shell: `/api/v1` with its OpenAPI 3.1 document (flask-smorest, from the
same marshmallow schemas that validate requests), RFC 9457 problem details for every error
under `/api/`, and cursor pagination."""

from __future__ import annotations

import base64
import binascii
import http
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar

import marshmallow as ma
import sqlalchemy as sa
from flask import Flask, Response, current_app, jsonify, request, url_for
from flask_babel import gettext as _
from flask_smorest import Api
from werkzeug.exceptions import HTTPException
from werkzeug.http import HTTP_STATUS_CODES

from paja.api_messages import translated_errors

F = TypeVar("F", bound=Callable[..., Any])
API_PREFIX = "/api/v1"
API_KEY = "paja.api"
PAGE_LIMIT = 50
API_RATE = "300 per minute"  # per token, else per address
MAX_LIMIT = 200


class ProblemSchema(ma.Schema):
    """An RFC 9457 problem document."""

    type = ma.fields.String(required=True)
    title = ma.fields.String(required=True)
    status = ma.fields.Integer(required=True)
    detail = ma.fields.String(required=True, metadata={"description": "In the client's language."})
    errors = ma.fields.Dict(metadata={"description": "Field by field, what is wrong."})


PROBLEM = "application/problem+json"


class PajaApi(Api):
    """flask-smorest's Api, leaving error pages to Paja: an HTML page for the site, a problem
    document under /api/ (`problem_response`), documented as such."""

    ERROR_SCHEMA = ProblemSchema

    def _register_error_handlers(self) -> None:
        """No app-wide JSON errors: the site's pages keep their own."""

    def _register_pagination_header(self) -> None:
        """No flask-smorest page headers: Paja's lists carry their cursor in the body."""

    def _register_responses(self) -> None:
        """Every error response component as a problem document (success ones are JSON)."""
        for status in http.HTTPStatus:
            response: dict[str, Any] = {"description": status.phrase}
            if status >= 400:
                response["content"] = {PROBLEM: {"schema": ProblemSchema}}
            self.spec.components.response(status.name, response, lazy=True)
        self.spec.components.response(
            "DEFAULT_ERROR",
            {"description": "Default error response",
             "content": {PROBLEM: {"schema": ProblemSchema}}},
            lazy=True,
        )  # fmt: skip


def problems(blueprint: Any, *codes: int) -> Callable[[F], F]:
    """Document the problems an operation may answer with, each a problem document; every
    operation may also be rate-limited (429). The operation is named by its function, so
    generated clients call e.g. `list_workshops`."""

    def decorate(view: F) -> F:
        for code in sorted({*codes, 429}):
            view = blueprint.alt_response(code, response=http.HTTPStatus(code).name)(view)
        return blueprint.doc(operationId=view.__name__)(view)  # type: ignore[no-any-return]

    return decorate


def init_api(app: Flask) -> PajaApi:
    """Give the app its API and the document at /api/v1/openapi.json."""
    app.config.setdefault("API_TITLE", "Paja API")
    app.config.setdefault("API_VERSION", "1")
    app.config.setdefault("OPENAPI_VERSION", "3.1.0")
    app.config.setdefault("OPENAPI_URL_PREFIX", API_PREFIX)
    app.config.setdefault("OPENAPI_JSON_PATH", "openapi.json")
    app.config.setdefault("API_SPEC_OPTIONS", {
        "info": {"description": _api_description()},
        "servers": [{"url": app.config["PAJA_BASE_URL"].rstrip("/")}],
        "components": {"securitySchemes": {
            "token": {"type": "http", "scheme": "bearer",
                      "description": "A personal or organisation API token from /account/tokens"},
        }},
    })  # fmt: skip
    api = PajaApi(app)
    api.register_field(DecimalText, "string", "decimal")
    app.extensions[API_KEY] = api
    return api


class DecimalText(ma.fields.Decimal):
    """An exact decimal (money, VAT rates) as a JSON string such as "627.50", never a float."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(as_string=True, **kwargs)


def api_of(app: Flask) -> PajaApi:
    """The app's API."""
    api: PajaApi = app.extensions[API_KEY]
    return api


def _api_description() -> str:
    """The document's introduction (English, as OpenAPI documents are read by developers)."""
    return (
        "Paja's workshops, sessions, registrations and more as JSON. Anonymous clients read "
        "the public catalogue; everything else takes a token (`Authorization: Bearer …`) with "
        "the scopes each operation names. Lists use cursor pagination (`limit`, `cursor`, "
        "`next_cursor`); errors are RFC 9457 problem details in the language of "
        "`Accept-Language` (fi, sv, en)."
    )


def is_api_request() -> bool:
    """Whether the request is for the API (errors then are problem documents)."""
    return request.path.startswith("/api/")


def problem_response(error: HTTPException) -> Response:
    """An RFC 9457 problem document for an HTTP error, in the client's language."""
    status = error.code or 500
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": HTTP_STATUS_CODES.get(status, "Error"),
        "status": status,
        "detail": problem_detail(error, status),
    }
    data = getattr(error, "data", None) or {}
    errors = data.get("errors") or data.get("messages")
    if errors:
        body["errors"] = translated_errors(errors.get("json", errors.get("query", errors)))
    response = jsonify(body)
    response.status_code = status
    response.mimetype = "application/problem+json"
    sent = {**dict(error.get_response().headers), **(data.get("headers") or {})}
    for name in ("Allow", "Retry-After", "WWW-Authenticate"):
        if value := sent.get(name):
            response.headers[name] = value
    return response


def problem_detail(error: HTTPException, status: int) -> str:
    """What went wrong, translated: the operation's own words, else the status's."""
    data = getattr(error, "data", None) or {}
    if data.get("message"):
        return str(data["message"])
    return str(DETAILS.get(status, lambda: _("The request could not be handled."))())


DETAILS = {
    400: lambda: _("The request is not valid."),
    401: lambda: _("This needs an API token: send Authorization: Bearer and the token."),
    403: lambda: _("The token does not allow this."),
    404: lambda: _("Not found."),
    405: lambda: _("This method is not allowed here."),
    409: lambda: _("This conflicts with the current state."),
    412: lambda: _("The resource has changed since you read it."),
    422: lambda: _("Some values are not valid: see errors."),
    429: lambda: _("Too many requests: wait a moment and try again."),
    500: lambda: _("Something went wrong on our side."),
}


class PageArgs(ma.Schema):
    """Cursor pagination: how many items, and where the previous page ended."""

    limit = ma.fields.Integer(
        load_default=PAGE_LIMIT,
        validate=ma.validate.Range(min=1, max=MAX_LIMIT),
        metadata={"description": f"Items per page, 1–{MAX_LIMIT}."},
    )
    cursor = ma.fields.String(
        load_default=None,
        validate=ma.validate.Length(max=40),
        metadata={"description": "The `next_cursor` of the previous page."},
    )


def page_schema(item: type[ma.Schema], name: str) -> type[ma.Schema]:
    """A page of items with the cursor of the next page (null on the last)."""
    return ma.Schema.from_dict(
        {
            "items": ma.fields.List(ma.fields.Nested(item), required=True),
            "next_cursor": ma.fields.String(allow_none=True, required=True),
        },
        name=name,
    )


def read_cursor(cursor: str | None) -> str | None:
    """What a cursor holds (None: from the start); a malformed one is a 400."""
    if not cursor:
        return None
    padded = cursor + "=" * (-len(cursor) % 4)
    try:
        return base64.b64decode(padded, altchars=b"-_", validate=True).decode()
    except (ValueError, binascii.Error, UnicodeDecodeError):
        from flask_smorest import abort

        abort(400, message=_("The cursor is not valid: use the next_cursor of a page."))
        raise  # abort raised already


def id_after(cursor: str | None) -> int:
    """The id a page of id-ordered items starts after (0: from the start)."""
    after = read_cursor(cursor)
    return int(after) if after and after.isdigit() else 0


def time_key(moment: datetime, ident: int) -> str:
    """The cursor key of an item in time order (ties broken by id)."""
    return f"{moment.isoformat()}|{ident}"


def later_than(
    after: str | None,
    moment: sa.orm.QueryableAttribute[datetime],
    ident: sa.orm.QueryableAttribute[int],
) -> sa.ColumnElement[bool]:
    """Rows after a time_key() in (time, id) order: all without one, none for a bad one."""
    if not after:
        return sa.true()
    starts, _sep, number = after.partition("|")
    try:
        at, known = datetime.fromisoformat(starts), int(number)
    except ValueError:
        return sa.false()
    return sa.or_(moment > at, sa.and_(moment == at, ident > known))


def on_days(
    moment: sa.orm.QueryableAttribute[datetime], first: date | None, last: date | None
) -> sa.ColumnElement[bool]:
    """Times on Helsinki days first…last (either end open when None)."""
    from paja.i18n import helsinki

    bounds = []
    if first:
        bounds.append(moment >= helsinki(datetime.combine(first, time())))
    if last:
        bounds.append(moment < helsinki(datetime.combine(last + timedelta(days=1), time())))
    return sa.and_(sa.true(), *bounds)


def page_of(items: Sequence[Any], limit: int, key: Callable[[Any], str]) -> dict[str, Any]:
    """A page from up to limit + 1 rows read after the cursor (the extra one says more
    follow); `key` gives what the next page starts after."""
    shown = list(items[:limit])
    last = key(shown[-1]) if shown and len(items) > limit else None
    cursor = base64.urlsafe_b64encode(last.encode()).decode().rstrip("=") if last else None
    return {"items": shown, "next_cursor": cursor}


def docs_url() -> str:
    """The browsable page of the API."""
    return url_for("api_docs.docs")


def base_url() -> str:
    """The configured base address (documents and links never use the request's Host)."""
    return str(current_app.config["PAJA_BASE_URL"]).rstrip("/")


def api_rate_key() -> str:
    """Whom a rate limit counts: the token (hashed) when one is sent, else the address."""
    from flask_limiter.util import get_remote_address

    from paja.api_tokens import bearer, digest

    token = bearer()
    return f"token:{digest(token)[:24]}" if token else get_remote_address()

"""The API's browsable page, made from the same OpenAPI document clients read (no scripts,
nothing from a CDN: an accessible page in the site's language)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, render_template
from flask.typing import ResponseReturnValue

from paja.api import API_PREFIX, api_of
from paja.api_tokens import SCOPES
from paja.page_cache import cached_page
from paja.webhooks import EVENTS

bp = Blueprint("api_docs", __name__, url_prefix=API_PREFIX)
METHODS = ("get", "post", "put", "patch", "delete")


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every operation of the document: path, method, summary, parameters, scopes, answers."""
    found = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            if method not in item:
                continue
            operation = item[method]
            scopes = [s for need in operation.get("security", []) for s in need.get("token", [])]
            found.append({
                "path": path, "method": method.upper(), "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "parameters": operation.get("parameters", []) + item.get("parameters", []),
                "body": bool(operation.get("requestBody")), "scopes": scopes,
                "responses": sorted(operation.get("responses", {}).items()),
            })  # fmt: skip
    return found


@bp.get("/docs")
@cached_page
def docs() -> ResponseReturnValue:
    """What the API offers, how to authenticate, and every operation."""
    spec = api_of(current_app._get_current_object()).spec.to_dict()  # type: ignore[attr-defined]
    return render_template(
        "api/docs.html", spec=spec, operations=operations(spec), scopes=SCOPES, events=EVENTS
    )

"""Absolute links for mails, feeds, PDFs and pages: always from the configured base address.

Never from the request's Host header, which anyone can forge (a password-reset mail must not
point to an attacker's domain).
"""

from __future__ import annotations

from typing import Any

from flask import current_app, has_request_context, url_for


def absolute_url(endpoint: str, **values: Any) -> str:
    """The full address of an endpoint under PAJA_BASE_URL."""
    if has_request_context():
        path = url_for(endpoint, **values)
    else:  # a command or a background job: no request to build from
        adapter = current_app.url_map.bind("", script_name=current_app.config["APPLICATION_ROOT"])
        path = adapter.build(endpoint, values)
    return base_url() + path


def base_url() -> str:
    """The configured base address without a trailing slash."""
    return str(current_app.config["PAJA_BASE_URL"]).rstrip("/")

"""Security headers on every response."""

from __future__ import annotations

from flask import Flask, Response, request

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",  # Bootstrap draws some icons as data: SVGs
        "style-src 'self'",
        "style-src-attr 'unsafe-inline'",  # progress-bar widths; still no <style> or scripts
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)

STATIC_ENDPOINTS = {"static", "bootstrap.static"}


def install_security_headers(app: Flask) -> None:
    """Add CSP, no-sniff, referrer and (in production) HSTS headers to every response."""

    @app.after_request
    def add_headers(response: Response) -> Response:
        """Set the headers unless a view chose its own."""
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        # Links carrying tokens (password reset) must not leak to other sites.
        headers.setdefault("Referrer-Policy", "same-origin")
        if request.endpoint not in STATIC_ENDPOINTS:
            # Pages, exports and PDFs carry personal data: no browser or proxy keeps a copy.
            headers.setdefault("Cache-Control", "no-store")
        if app.config["PAJA_ENV"] == "production":
            headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        return response

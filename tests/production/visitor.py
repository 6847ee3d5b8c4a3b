"""A browser-like HTTP client for a Paja served by gunicorn with production settings.

It speaks plain HTTP to gunicorn as a TLS-terminating proxy would (X-Forwarded-Proto: https,
X-Forwarded-For: the visitor's address, Host: the base address's host) and keeps the cookies
itself, since production marks them Secure.
"""

from __future__ import annotations

import http.client
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

HOST = "paja.test"
BASE_URL = f"https://{HOST}"
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')


@dataclass
class Answer:
    """A response as the visitor saw it."""

    status: int
    headers: http.client.HTTPMessage
    text: str

    def csrf_token(self) -> str:
        """The form's CSRF token."""
        found = CSRF.search(self.text)
        assert found, "no CSRF token on the page"
        return found.group(1) or found.group(2)


@dataclass
class Visitor:
    """One visitor, from one address, with their own cookies."""

    port: int
    address: str = "192.0.2.1"
    host: str = HOST
    cookies: dict[str, str] = field(default_factory=dict)

    def get(self, path: str) -> Answer:
        """GET a path."""
        return self.request("GET", path)

    def post(self, path: str, form: dict[str, str], referer: str) -> Answer:
        """POST a form, as sent from the page at `referer`."""
        return self.request("POST", path, form, referer)

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None, referer: str = "/"
    ) -> Answer:
        """Send one request through the pretend proxy."""
        headers = {
            "Host": self.host,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.address,
            "Referer": BASE_URL + referer,
            "Accept-Language": "fi",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            for cookie in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = cookie.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
            return Answer(response.status, response.headers, response.read().decode())
        finally:
            connection.close()

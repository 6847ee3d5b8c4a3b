"""Where webhook deliveries may go and how they travel: a receiver's address is checked
when subscribing; a delivery never follows a redirect, and in production goes only to a
public address, checked when connecting (the address the name resolves to then is the one
connected to, so a name that turns internal after the subscription, DNS rebinding, is
refused), with the certificate still checked for the name."""

from __future__ import annotations

import http.client
import ipaddress
import socket
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from flask import current_app
from flask_babel import gettext as _

from paja.errors import RuleViolation


class InternalAddress(OSError):
    """The receiver's name leads to this machine or a private network."""


def is_internal(address: str) -> bool:
    """Whether an IP address is on this machine or a network not on the internet."""
    found = ipaddress.ip_address(address.split("%")[0])
    return not found.is_global or found.is_multicast


def public_address(host: str, port: int) -> str:
    """The address to connect to: the name's, provided every address it has is public."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = [str(info[4][0]) for info in infos]
    if not addresses or any(is_internal(a) for a in addresses):
        raise InternalAddress(f"{host} resolves to an address not on the internet")
    return addresses[0]


class CheckedHTTPSConnection(http.client.HTTPSConnection):
    """An HTTPS connection to the checked public address, verified for the host's name."""

    def connect(self) -> None:
        """Resolve, check, connect to that very address, then TLS for the name."""
        address = public_address(self.host, self.port)
        raw = socket.create_connection((address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(raw, server_hostname=self.host)  # type: ignore[attr-defined]


class CheckedHTTPSHandler(urllib.request.HTTPSHandler):
    """Open https:// addresses through CheckedHTTPSConnection."""

    def https_open(self, req: urllib.request.Request) -> Any:
        """As the standard handler, with the checked connection."""
        return self.do_open(CheckedHTTPSConnection, req, context=self._context)  # type: ignore[attr-defined]


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is the receiver's answer (a 3xx), never followed."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        """Follow nothing."""
        return None


def check_url(url: str) -> str:
    """A receiver's address: https (plain http and this machine only outside production)."""
    parts = urlsplit(url.strip())
    production = current_app.config["PAJA_ENV"] == "production"
    if parts.scheme not in ({"https"} if production else {"https", "http"}) or not parts.hostname:
        raise RuleViolation(_("Give the receiver's address, beginning with https://."), "url")
    if production and _internal(parts.hostname):
        raise RuleViolation(_("The receiver must be reachable on the internet."), "url")
    return url.strip()


def _internal(host: str) -> bool:
    """Whether a host names this machine or a private network as written (a name is checked
    again, resolved, on each delivery: public_address)."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return is_internal(host)
    except ValueError:
        return False


def opener(production: bool) -> urllib.request.OpenerDirector:
    """The opener deliveries are sent with: no redirects; in production, checked addresses
    and no proxies from the environment (they would connect for us, unchecked)."""
    if not production:
        return urllib.request.build_opener(NoRedirects)
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}), CheckedHTTPSHandler, NoRedirects
    )

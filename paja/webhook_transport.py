"""How webhook deliveries travel: never through a redirect, and in production only to a
public address, checked when connecting (the address the name resolves to then is the one
connected to, so a name that turns internal after the subscription, DNS rebinding, is
refused), with the certificate still checked for the name."""

from __future__ import annotations

import http.client
import ipaddress
import socket
import urllib.request
from typing import Any


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


def opener(production: bool) -> urllib.request.OpenerDirector:
    """The opener deliveries are sent with: no redirects; in production, checked addresses
    and no proxies from the environment (they would connect for us, unchecked)."""
    if not production:
        return urllib.request.build_opener(NoRedirects)
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}), CheckedHTTPSHandler, NoRedirects
    )

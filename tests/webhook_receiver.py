"""A webhook receiver on loopback for tests: records each request, answers as told."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    """What the receiver got, and the statuses it answers with next (then 200)."""

    requests: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    answers: list[int] = field(default_factory=list)
    url: str = ""


@contextmanager
def receiver() -> Iterator[Received]:
    """A running receiver at `received.url`."""
    received = Received()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.requests.append((dict(self.headers), body))
            status = received.answers.pop(0) if received.answers else 200
            self.send_response(status)
            if 300 <= status < 400:  # a redirect back here: followed, it would arrive again
                self.send_header("Location", received.url)
            self.end_headers()
            self.wfile.write(b"ok" if status < 300 else b"not now")

        def log_message(self, *args: object) -> None:
            """Quiet."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    received.url = f"http://127.0.0.1:{server.server_port}/hook"
    try:
        yield received
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)

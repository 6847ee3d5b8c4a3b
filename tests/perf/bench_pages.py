"""Benchmark: public pages under load, as shares of a bare Flask "hello" (run by `make bench`).

Both run under gunicorn with 2 sync workers, loaded with wrk (Debian's package) for a few
seconds each, one after the other in the same run, so the ratios hold on a noisy machine.
Prints, per page, page_<name>_share (requests/s over hello's), page_<name>_p50_ms and
page_<name>_p99_ms, on the demo data in a fresh SQLite file (or TEST_DATABASE_URL).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

BIN = Path(sys.executable).parent
SECONDS = os.environ.get("PAJA_BENCH_SECONDS", "5")


def free_port() -> int:
    """A free loopback port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(target: str, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    """Start gunicorn with two sync workers; its process and base address once it answers."""
    port = free_port()
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "--workers", "2", "--bind", f"127.0.0.1:{port}", "--log-level", "warning", target],
        env={**os.environ, **env},
    )  # fmt: skip
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    return process, f"http://127.0.0.1:{port}"


def load(url: str) -> tuple[float, float, float]:
    """wrk's requests per second, p50 and p99 in milliseconds (after a one-second warm-up,
    so both workers have compiled the page's templates)."""
    wrk = shutil.which("wrk")
    assert wrk, "install Debian's wrk package (apt-get install wrk)"
    subprocess.run([wrk, "-t2", "-c8", "-d1s", url], capture_output=True, check=True)
    out = subprocess.run(
        [wrk, "-t2", "-c8", f"-d{SECONDS}s", "--latency", url], capture_output=True, text=True, check=True
    ).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    return rps, _ms(out, "50%"), _ms(out, "99%")


def _ms(out: str, share: str) -> float:
    """A latency percentile of wrk's output in milliseconds."""
    value, unit = re.search(rf"{share}\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def pages(database: str) -> dict[str, str]:
    """The public pages to load, with ids and slugs from the demo data."""
    engine = sa.create_engine(database)
    with engine.connect() as connection:
        offering = connection.scalar(sa.text("SELECT slug FROM offerings ORDER BY id LIMIT 1"))
        course = connection.scalar(sa.text("SELECT slug FROM courses ORDER BY id LIMIT 1"))
        event = connection.scalar(
            sa.text("SELECT id FROM events WHERE published ORDER BY id LIMIT 1")
        )
    engine.dispose()
    return {"home": "/", "catalogue": "/trainings/", "workshop": f"/trainings/{offering}",
            "courses": "/courses/", "course": f"/courses/{course}", "event": f"/trainings/events/{event}"}  # fmt: skip


def main() -> None:
    """Load the demo into a fresh database, then hello and each page in turn."""
    folder = Path(tempfile.mkdtemp())
    database = os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{folder / 'bench.sqlite3'}"
    env = {"DATABASE_URL": database, "SECRET_KEY": "bench-" + "x" * 40, "PAJA_ENV": "development",
           "FLASK_DEBUG": "0"}  # fmt: skip
    subprocess.run(
        [str(BIN / "paja"), "init"], env={**os.environ, **env}, check=True, capture_output=True
    )
    subprocess.run(
        [str(BIN / "paja"), "demo"], env={**os.environ, **env}, check=True, capture_output=True
    )
    hello, hello_url = serve("tests.perf.hello:app", {})
    try:
        ceiling, _p50, _p99 = load(hello_url + "/")
    finally:
        hello.terminate()
        hello.wait()
    print(f"hello_rps: {ceiling:.0f} req/s")
    paja, base = serve("paja:create_app()", env)
    try:
        for name, path in pages(database).items():
            rps, p50, p99 = load(base + path)
            print(f"page_{name}_share: {rps / ceiling:.3f} ratio")
            print(f"page_{name}_p50_ms: {p50:.1f} ms")
            print(f"page_{name}_p99_ms: {p99:.1f} ms")
    finally:
        paja.terminate()
        paja.wait()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Benchmark: key pages under load, as shares of a bare Flask "hello" (run by `make bench`).

For each scale in PAJA_BENCH_SCALES (1 and 100), a fresh database (a SQLite file, or
TEST_DATABASE_URL's PostgreSQL) gets the demo and `paja generate --scale N`. Paja then runs
as production does (gunicorn.conf.py: two sync workers and the job worker, production
settings, behind a pretend TLS proxy) and the bare "hello" under the same gunicorn; wrk
(Debian's package) loads each page for PAJA_BENCH_SECONDS after a one-second warm-up, anonymous
or with the session cookie of the person with the most data of that kind. Prints, per scale
and page: <db>_s<N>_<page>_share (requests/s over hello's), _p50_ms, _p99_ms, _sql (the
statements one uncached request runs) and _uncached_ms (its median time in-process: the cost
of the first view after a change), then the largest worker's resident memory.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from tests.perf.bench_people import BENCH_PASSWORD, Page, emails, pages
from tests.production.server import Server, free_port, serve
from tests.production.visitor import HOST, Visitor

BIN = Path(sys.executable).parent
SECONDS = os.environ.get("PAJA_BENCH_SECONDS", "5")
SCALES = [int(n) for n in os.environ.get("PAJA_BENCH_SCALES", "1,100").split(",")]
PROXY_HEADERS = ("-H", f"Host: {HOST}", "-H", "X-Forwarded-Proto: https")


def load(url: str, cookie: str | None = None) -> tuple[float, float, float]:
    """wrk's requests per second, p50 and p99 in milliseconds (after a one-second warm-up)."""
    wrk = shutil.which("wrk")
    assert wrk, "install Debian's wrk package (apt-get install wrk)"
    headers = [*PROXY_HEADERS, *(("-H", f"Cookie: {cookie}") if cookie else ())]
    subprocess.run([wrk, "-t2", "-c8", "-d1s", *headers, url], capture_output=True, check=True)
    out = subprocess.run(
        [wrk, "-t2", "-c8", f"-d{SECONDS}s", "--latency", *headers, url], capture_output=True, text=True, check=True
    ).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    assert errors is None, f"{url}: {errors.group(0)}"
    return rps, _ms(out, "50%"), _ms(out, "99%")


def _ms(out: str, share: str) -> float:
    """A latency percentile of wrk's output in milliseconds."""
    value, unit = re.search(rf"{share}\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def hello_rps() -> float:
    """The bare Flask app's requests per second under the same gunicorn."""
    port = free_port()
    hello = subprocess.Popen(
        [str(BIN / "gunicorn"), "-c", str(Path(__file__).with_name("hello_gunicorn.py")), "--bind", f"127.0.0.1:{port}", "tests.perf.hello:app"]
    )  # fmt: skip
    try:
        for _ in range(100):  # until it listens
            try:
                Visitor(port).get("/")
                break
            except OSError:
                time.sleep(0.1)
        return load(f"http://127.0.0.1:{port}/")[0]
    finally:
        hello.terminate()
        hello.wait()


def uncached(database: str, page: Page) -> tuple[int, float]:
    """The SQL statements one uncached request of the page runs and its median time in
    milliseconds (in-process, cache off: what a page costs right after a change)."""
    from paja import create_app

    app = create_app({"SQLALCHEMY_DATABASE_URI": database, "CACHE_URL": "off", "TESTING": True})
    counted: list[str] = []
    with app.app_context():
        from paja.extensions import db

        sa.event.listen(db.engine, "before_cursor_execute", lambda *args: counted.append(args[2]))
    client = app.test_client()
    if page.user_id is not None:
        with client.session_transaction() as session, app.app_context():
            from paja.models import User

            session["_user_id"] = db.session.get(User, page.user_id).get_id()
    client.get(page.path)  # warm-up: templates compiled
    counted.clear()
    assert client.get(page.path).status_code == 200, page.path
    sql = len([s for s in counted if not s.lstrip().upper().startswith(("BEGIN", "COMMIT"))])
    times = []
    for _ in range(21):
        started = time.perf_counter()
        client.get(page.path)
        times.append((time.perf_counter() - started) * 1000)
    return sql, statistics.median(times)


def log_in(server: Server, email: str) -> str:
    """A logged-in session's Cookie header value."""
    visitor = Visitor(server.port)
    token = visitor.get("/auth/login").csrf_token()
    form = {"csrf_token": token, "email": email, "password": BENCH_PASSWORD}
    assert visitor.post("/auth/login", form, referer="/auth/login").status == 302, email
    visitor.get("/")  # as a browser follows the login: the welcome message is read and gone
    return "; ".join(f"{k}={v}" for k, v in visitor.cookies.items())


def bench_scale(database: str, scale: int, ceiling: float, label: str) -> None:
    """Fill a database at the scale, then load every page; print the figures."""
    env = {**os.environ, "DATABASE_URL": database, "PAJA_ENV": "development"}
    for command in (["init"], ["demo"], ["generate", "--scale", str(scale)]):
        subprocess.run([str(BIN / "paja"), *command], env=env, check=True, capture_output=True)
    found = pages(database)
    addresses = emails(database, {p.user_id for p in found if p.user_id is not None})
    folder = Path(tempfile.mkdtemp())
    try:
        with serve(database, folder, access_log=False) as server:
            cookies = {user: log_in(server, email) for user, email in addresses.items()}
            for page in found:
                cookie = cookies.get(page.user_id) if page.user_id else None
                rps, p50, p99 = load(f"http://127.0.0.1:{server.port}{page.path}", cookie)
                prefix = f"{label}_s{scale}_{page.name}"
                print(f"{prefix}_share: {rps / ceiling:.3f} ratio")
                print(f"{prefix}_p50_ms: {p50:.1f} ms")
                print(f"{prefix}_p99_ms: {p99:.1f} ms")
                sql, ms = uncached(database, page)
                print(f"{prefix}_sql: {sql} statements")
                print(f"{prefix}_uncached_ms: {ms:.1f} ms", flush=True)
            workers = [pid for pid, cmd in server.children().items() if "paja jobs" not in cmd]
            rss = max(server.resident_mb(pid) for pid in workers)
            print(f"{label}_s{scale}_worker_rss_mb: {rss:.0f} MB", flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def fresh_database(folder: Path, scale: int) -> str:
    """An empty database for one scale: a new SQLite file, or PostgreSQL's recreated."""
    url = os.environ.get("TEST_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        return f"sqlite:///{folder / f'bench-{scale}.sqlite3'}"
    engine: Any = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"paja_bench_{scale}"
    with engine.connect() as server:
        server.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return sa.make_url(url).set(database=name).render_as_string(hide_password=False)


def main() -> None:
    """Hello first, then every page at every scale."""
    ceiling = hello_rps()
    print(f"hello_rps: {ceiling:.0f} req/s", flush=True)
    folder = Path(tempfile.mkdtemp())
    label = "pg" if os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql") else "sqlite"
    try:
        for scale in SCALES:
            bench_scale(fresh_database(folder, scale), scale, ceiling, label)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Paja as production runs it: gunicorn with gunicorn.conf.py, two workers and the job worker."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.production.visitor import BASE_URL, Visitor

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"


@dataclass(frozen=True)
class Server:
    """A running gunicorn: its master's pid, its port and where its mail goes."""

    pid: int
    port: int
    mail_folder: Path

    def children(self) -> dict[int, str]:
        """The master's child processes (web workers and the job worker) and their commands."""
        found = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == self.pid:
                    command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ")
                    found[int(stat.parent.name)] = command.decode()
            except (OSError, IndexError, ValueError):
                continue  # the process ended meanwhile
        return found

    def resident_mb(self, pid: int) -> float:
        """A process's resident memory in MB."""
        status = Path(f"/proc/{pid}/status").read_text()
        [line] = [line for line in status.splitlines() if line.startswith("VmRSS:")]
        return int(line.split()[1]) / 1024


def free_port() -> int:
    """A TCP port nobody listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def serve(database_url: str, folder: Path, access_log: bool = True) -> Iterator[Server]:
    """Start gunicorn with production settings on the database; stop it afterwards."""
    port = free_port()
    env = {
        **os.environ,
        "PAJA_ENV": "production",
        "SECRET_KEY": secrets.token_hex(32),
        "PAJA_BASE_URL": BASE_URL,
        "PAJA_PROXIES": "1",
        "DATABASE_URL": database_url,
        "JOBS_URL": f"sqlite:///{folder / 'jobs.sqlite3'}",
        "MAIL_BACKEND": "folder",
        "MAIL_FOLDER": str(folder / "mail"),
        "CACHE_URL": f"file://{folder / 'cache'}",
        "RATELIMIT_STORAGE_URI": f"paja-sqlite:///{folder / 'ratelimits.sqlite3'}",
        "PAJA_BIND": f"127.0.0.1:{port}",
        "PAJA_WORKERS": "2",
        "PAJA_ACCESS_LOG": str(folder / "access.log") if access_log else "",
    }
    log = (folder / "gunicorn.log").open("wb")
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py"), "paja:create_app()"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_until_healthy(port, process, folder)
        yield Server(process.pid, port, folder / "mail")
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _wait_until_healthy(port: int, process: subprocess.Popen[bytes], folder: Path) -> None:
    """Wait for /healthz to answer 200 (failing with gunicorn's log if it never does)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            if Visitor(port).get("/healthz").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError((folder / "gunicorn.log").read_text()[-3000:])

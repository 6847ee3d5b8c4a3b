"""gunicorn settings for Paja in production: `gunicorn -c gunicorn.conf.py 'paja:create_app()'`.

The master also starts the job worker (`paja jobs`) and stops it when it exits, so one command
runs all of Paja on a machine. Set PAJA_JOBS_WORKER=0 where the job worker runs on its own
(a systemd unit, or other machines sharing a Redis queue).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

bind = os.environ.get("PAJA_BIND", "127.0.0.1:8000")
# Sync workers: each serves one request at a time; two per core suits Paja's short requests.
workers = int(os.environ.get("PAJA_WORKERS", str(2 * (os.cpu_count() or 1))))
worker_class = "sync"
timeout = 30
graceful_timeout = 30
# A worker is replaced after about this many requests (minutes at full load), which keeps
# its memory from creeping up without slowing the requests that meet a fresh worker.
max_requests = 100_000
max_requests_jitter = 10_000
# Workers leave out what only `paja` commands need (Alembic).
raw_env = ["PAJA_WEB_WORKER=1"]
accesslog = os.environ.get("PAJA_ACCESS_LOG", "-") or None  # empty: no access log

_job_worker: subprocess.Popen[bytes] | None = None


def when_ready(server: Any) -> None:
    """Start the job worker beside the web workers."""
    global _job_worker
    if os.environ.get("PAJA_JOBS_WORKER", "1") != "1":
        return
    command = [str(Path(sys.executable).with_name("paja")), "jobs"]  # our own venv's script
    _job_worker = subprocess.Popen(command)  # noqa: S603
    server.log.info("Job worker started (pid %s)", _job_worker.pid)


def on_exit(server: Any) -> None:
    """Stop the job worker: jobs under way finish or go back to the queue."""
    if _job_worker is not None and _job_worker.poll() is None:
        _job_worker.terminate()
        try:
            _job_worker.wait(timeout=graceful_timeout)
        except subprocess.TimeoutExpired:
            _job_worker.kill()

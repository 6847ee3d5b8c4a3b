"""Working through a real job queue in tests, as `paja jobs` would."""

from __future__ import annotations

from datetime import datetime

from huey import Huey

LATER = datetime(2100, 1, 1)


def work_through(huey: Huey) -> int:
    """Run every queued job, as if every retry's time had come; the number of runs."""
    runs = 0
    while True:
        for task in huey.read_schedule(LATER):
            huey.enqueue(task)
        task = huey.dequeue()
        if task is None:
            return runs
        huey.execute(task, timestamp=LATER)
        runs += 1

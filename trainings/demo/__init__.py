"""Demo data of trainings, drawn from the seeds: the catalogue, orders, sessions, network days."""

from __future__ import annotations

from trainings.demo.catalogue import load_catalogue_demo
from trainings.demo.events import load_event_demo


def load_demo() -> None:
    """Whatever demo data of trainings is missing (idempotent)."""
    load_catalogue_demo()
    load_event_demo()

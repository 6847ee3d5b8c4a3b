"""Demo programme from seed 004: the ministry's "Välitön viestintä vaikuttaa"."""

from __future__ import annotations

from incentives.demo.ministry import load_programme


def load_demo() -> None:
    """Whatever demo data of incentives is missing (idempotent)."""
    load_programme()

"""Demo plans from the seeds: TJS's Facebook plan (003) and the ministry's personal plans (004)."""

from __future__ import annotations

from plans.demo.personal import load_personal_plans
from plans.demo.tjs import load_tjs_plan


def load_demo() -> None:
    """Whatever demo data of plans is missing (idempotent)."""
    load_tjs_plan()
    load_personal_plans()

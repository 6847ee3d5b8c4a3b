"""Demo data of courses, from seeds 002 and 004: the Twitter courses, a skill check, certificates."""

from __future__ import annotations

from courses.demo.certificates import load_certificates_demo
from courses.demo.courses import load_courses_demo
from courses.demo.skills import load_skill_check_demo


def load_demo() -> None:
    """Whatever demo data of courses is missing (idempotent)."""
    load_courses_demo()
    load_skill_check_demo()
    load_certificates_demo()

"""How far people are on their courses, and what is still missing for completion."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _

from courses.models import Enrolment, Module, ModuleDone, TaskTicked
from courses.queries.skills import latest, skill_check_of
from feedback.queries.surveys import has_answered
from paja.extensions import db


@dataclass
class Progress:
    """How far a person is on a course."""

    done: set[int]
    ticked: set[tuple[int, int]]
    required: int
    required_done: int

    @property
    def percent(self) -> int:
        """Required modules done, in percent."""
        return round(100 * self.required_done / self.required) if self.required else 100


def progress(enrolment: Enrolment) -> Progress:
    """Done modules and ticked tasks of one enrolment (two queries)."""
    return progress_for([enrolment])[enrolment.id]


def progress_for(enrolments: list[Enrolment]) -> dict[int, Progress]:
    """Progress of many enrolments in two queries, by enrolment id."""
    ids = [e.id for e in enrolments]
    done: dict[int, set[int]] = {i: set() for i in ids}
    ticked: dict[int, set[tuple[int, int]]] = {i: set() for i in ids}
    if ids:
        rows = db.session.execute(
            sa.select(ModuleDone.enrolment_id, ModuleDone.module_id).where(
                ModuleDone.enrolment_id.in_(ids)
            )
        )
        for enrolment_id, module_id in rows:
            done[enrolment_id].add(module_id)
        marks = db.session.execute(
            sa.select(TaskTicked.enrolment_id, TaskTicked.module_id, TaskTicked.task).where(
                TaskTicked.enrolment_id.in_(ids)
            )
        )
        for enrolment_id, module_id, task in marks:
            ticked[enrolment_id].add((module_id, task))
    result = {}
    for enrolment in enrolments:
        required = {m.id for m in enrolment.course.modules if m.required}
        finished = done[enrolment.id]
        result[enrolment.id] = Progress(
            finished, ticked[enrolment.id], len(required), len(finished & required)
        )
    return result


def continue_module(enrolment: Enrolment, done: set[int]) -> Module | None:
    """Where to continue: the last module touched if unfinished, else the first not done."""
    modules = enrolment.course.modules
    last = next((m for m in modules if m.id == enrolment.last_module_id), None)
    if last is not None and last.id not in done:
        return last
    return next((m for m in modules if m.id not in done), None)


def missing_for_completion(enrolment: Enrolment) -> list[str]:
    """What is still needed to complete the course, in words (empty when complete)."""
    missing = []
    state = progress(enrolment)
    if state.required_done < state.required:
        missing.append(
            _(
                "%(done)d of %(total)d required modules done",
                done=state.required_done,
                total=state.required,
            )
        )
    course = enrolment.course
    check = skill_check_of(course)
    if check is not None and latest(check, enrolment.user, "after") is None:
        missing.append(_("the skill check after the course is not taken yet"))
    survey = course.feedback_survey if course.requires_feedback else None
    if survey is not None and not has_answered(survey, user=enrolment.user):
        missing.append(_("the course feedback is not answered yet"))
    return missing

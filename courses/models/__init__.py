"""The courses models: courses and modules, enrolments, skill checks and certificates."""

from courses.models.certificates import Certificate, new_code, normalise_code
from courses.models.courses import Course, Module, course_offerings
from courses.models.enrolments import Enrolment, EnrolmentKey, ModuleDone, TaskTicked
from courses.models.skills import (
    LEVELS,
    PHASES,
    Area,
    AreaScore,
    Attempt,
    KnowledgeQuestion,
    SkillCheck,
)

__all__ = [
    "LEVELS",
    "PHASES",
    "Area",
    "AreaScore",
    "Attempt",
    "Certificate",
    "Course",
    "Enrolment",
    "EnrolmentKey",
    "KnowledgeQuestion",
    "Module",
    "ModuleDone",
    "SkillCheck",
    "TaskTicked",
    "course_offerings",
    "new_code",
    "normalise_code",
]

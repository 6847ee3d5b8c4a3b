"""Views of the courses package."""

from courses.views import (  # noqa: F401
    authoring,
    badges,
    certificates,
    learning,
    mailed_certificates,
    skills,
    verify,
)

"""Views of the courses package."""

from courses.views import (  # noqa: F401
    authoring,
    certificates,
    learning,
    mailed_certificates,
    skills,
    verify,
)

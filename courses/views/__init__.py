"""Views of the courses package."""

from courses.views import authoring, certificates, learning, skills, verify  # noqa: F401

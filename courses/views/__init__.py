"""Views of the courses package."""

from courses.views import authoring, learning, skills  # noqa: F401

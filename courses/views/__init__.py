"""Views of the courses package."""

from courses.views import authoring, learning  # noqa: F401

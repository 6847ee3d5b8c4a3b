"""Views of the feedback package."""

from feedback.views import answering, authoring, results  # noqa: F401

"""Views of the feedback package."""

from feedback.views import answering, authoring, results, wishes  # noqa: F401

"""Views of the trainings package (registered on the blueprint when imported)."""

from trainings.views import admin, catalogue, orders, sessions, trainers  # noqa: F401

"""Routes of the incentives package; importing the modules registers them on the blueprint."""

from incentives.views import awards, decisions, managers, participation, setup  # noqa: F401

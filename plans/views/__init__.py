"""Routes of the plans package; importing the modules registers them on the blueprint."""

from plans.views import calendar, calendar_files, comments, plans, sections  # noqa: F401

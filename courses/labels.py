"""Translated names of the courses package's levels and phases."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

LEVEL_LABELS = {
    "beginner": _l("Beginner"),
    "intermediate": _l("Intermediate"),
    "advanced": _l("Advanced"),
}

#: A certificate's heading and the words before its title, by kind. Recognitions are given
#: by incentive programmes (their managers), not by courses.
CERTIFICATE_HEADINGS = {
    "course": _l("Certificate of completion"),
    "attendance": _l("Certificate of attendance"),
    "recognition": _l("Recognition"),
}
CERTIFICATE_LEADS = {
    "course": _l("has completed the course"),
    "attendance": _l("has attended the workshop"),
    "recognition": _l("has been recognised in"),
}

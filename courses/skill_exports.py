"""A group skill profile as spreadsheet rows: aggregated figures only, as on the page."""

from __future__ import annotations

from flask_babel import gettext as _

from courses.models import SkillCheck
from courses.queries.skills import GroupProfile

LEVELS = ("beginner", "intermediate", "advanced")


def group_rows(
    check: SkillCheck, before: GroupProfile, after: GroupProfile, level_names: dict
) -> list[list[object]]:
    """Per competence area the mean before and after and the growth; then people per level.

    A phase answered by fewer than three people is left empty, as on the page.
    """
    rows: list[list[object]] = [[_("Competence area"), _("Before"), _("After"), _("Growth")]]
    for area in check.areas:
        first = None if before.hidden else before.means.get(area.id)
        last = None if after.hidden else after.means.get(area.id)
        growth = last - first if first is not None and last is not None else None
        rows.append([area.name, _cell(first), _cell(last), _cell(growth)])
    rows.append(["", "", "", ""])
    rows.append([_("People"), _cell(None if before.hidden else before.people),
                 _cell(None if after.hidden else after.people), ""])  # fmt: skip
    for level in LEVELS:
        rows.append([
            str(level_names[level]),
            _cell(None if before.hidden else before.levels.get(level, 0)),
            _cell(None if after.hidden else after.levels.get(level, 0)), "",
        ])  # fmt: skip
    return rows


def _cell(value: object | None) -> object:
    """A figure, or an empty cell for one not shown."""
    return "" if value is None else value

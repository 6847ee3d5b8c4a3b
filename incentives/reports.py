"""The summary report as PDF and spreadsheet rows (figures about fewer than three are hidden)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from flask_babel import gettext as _
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from incentives.models import Programme
from incentives.queries.reports import Summary
from paja.i18n import current_language, days
from paja.pdf import build_pdf, paragraph, table


def _cell(value: int | None) -> str:
    """A count, or "< 3" where it would point at fewer than three people."""
    return "< 3" if value is None else str(value)


def report_rows(programme: Programme, figures: Summary) -> Iterator[Sequence[object]]:
    """The report's tables one after another, for a spreadsheet."""
    yield (programme.name, days(programme.starts_on, programme.ends_on))
    yield (_("Joined"), figures.joined)
    yield ()
    yield (_("People with points, by month"), *figures.months)
    for category in programme.categories:
        monthly = figures.by_category.get(category.id, {})
        yield (category.name, *(_cell(monthly.get(m, 0)) for m in figures.months))
    yield ()
    yield (_("People with points, by team"), *(c.name for c in programme.categories))
    for team, counts in sorted(figures.by_team.items()):
        yield (team, *(_cell(counts.get(c.id, 0)) for c in programme.categories))
    yield ()
    yield (_("Activity"), _("Times counted"), _("People"))
    for activity, times, people in figures.activity_types:
        yield (f"{activity.category.name}: {activity.name}", _cell(times), _cell(people))


def report_pdf(programme: Programme, figures: Summary) -> bytes:
    """The report as an A4 PDF in the page's language."""
    rows = list(report_rows(programme, figures))
    story: list[Flowable] = [
        paragraph(programme.name, "title"),
        paragraph(str(rows[0][1])),
        paragraph(f"{rows[1][0]}: {rows[1][1]}"),
    ]
    tables: list[list[list[object]]] = [[]]
    for row in rows[3:]:
        if not row:
            tables.append([])
        else:
            tables[-1].append([str(value) for value in row])
    for block in tables:
        if block:
            width = (170 * mm) / max(len(block[0]), 1)
            story.append(table(block, [width] * len(block[0])))
            story.append(paragraph(" "))
    story.append(paragraph(_("Figures about fewer than three people are shown as “< 3”."), "small"))
    return build_pdf(story, title=programme.name, subject=_("Programme summary"),
                     language=current_language(), author=programme.organisation.name)  # fmt: skip

"""The public workshop catalogue and offering pages."""

from __future__ import annotations

from flask import render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from paja.access import or_404
from paja.database import utcnow
from paja.forms import SelectChoice
from paja.i18n import current_language
from paja.markdown import render_markdown
from paja.page_cache import cached_page
from trainings import bp
from trainings.forms.catalogue import CatalogueFilterForm
from trainings.queries.catalogue import (
    CatalogueFilter,
    channels,
    offering_by_slug,
    search_offerings,
    upcoming_open_sessions,
)


@bp.get("/")
@cached_page
def catalogue() -> ResponseReturnValue:
    """The catalogue: filter by channel, mode, duration, price and words."""
    form = CatalogueFilterForm(request.args)
    language = current_language()
    form.channel.choices = [SelectChoice("", _("Any"))] + [
        SelectChoice(channel.slug, channel.name(language)) for channel in channels()
    ]
    wanted = CatalogueFilter()
    if form.validate():
        wanted = CatalogueFilter(
            text=(form.q.data or "").strip(),
            channel=form.channel.data or "",
            mode=form.mode.data or "",
            max_minutes=form.max_hours.data * 60 if form.max_hours.data else None,
            max_price=form.max_price.data,
        )
    return render_template(
        "trainings/catalogue.html",
        form=form,
        page=search_offerings(wanted),
        filters={key: value for key, value in request.args.items() if key != "page"},
        language=language,
    )


@bp.get("/<slug>")
@cached_page
def offering(slug: str) -> ResponseReturnValue:
    """An offering: what it contains, its trainers, its series, and how to order it."""
    item = or_404(offering_by_slug(slug))
    return render_template(
        "trainings/offering.html",
        offering=item,
        description=render_markdown(item.description),
        sessions=upcoming_open_sessions(item, utcnow()),
        language=current_language(),
    )

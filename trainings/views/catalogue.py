"""The public workshop catalogue and offering pages."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, render_template, request
from flask.typing import ResponseReturnValue
from wtforms import SelectChoice

from paja.database import utcnow
from paja.extensions import db
from paja.i18n import current_language
from paja.markdown import render_markdown
from trainings import bp
from trainings.forms.catalogue import CatalogueFilterForm
from trainings.models import Offering
from trainings.operations.catalogue import (
    CatalogueFilter,
    channels,
    search_offerings,
    upcoming_open_sessions,
)


@bp.get("/")
def catalogue() -> ResponseReturnValue:
    """The catalogue: filter by channel, mode, duration, price and words."""
    form = CatalogueFilterForm(request.args)
    language = current_language()
    all_channels = channels()
    form.channel.choices = [SelectChoice("", form.mode.choices[0].label)] + [
        SelectChoice(channel.slug, channel.name(language)) for channel in all_channels
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
    offerings = search_offerings(wanted)
    return render_template(
        "trainings/catalogue.html", form=form, offerings=offerings, language=language
    )


@bp.get("/<slug>")
def offering(slug: str) -> ResponseReturnValue:
    """An offering: what it contains, its trainers, its series, and how to order it."""
    item = db.session.scalar(sa.select(Offering).where(Offering.slug == slug))
    if item is None:
        abort(404)
    if not item.active:
        abort(404)
    return render_template(
        "trainings/offering.html",
        offering=item,
        description=render_markdown(item.description),
        sessions=upcoming_open_sessions(item, utcnow()),
        language=current_language(),
    )

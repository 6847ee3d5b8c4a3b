"""Admin pages: the offerings (including archived), channels and trainer profiles."""

from __future__ import annotations

import sqlalchemy as sa
from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from wtforms import SelectChoice

from paja.access import get_or_404, role_required
from paja.extensions import db
from paja.forms import ButtonForm
from paja.i18n import current_language
from paja.models import Role
from paja.operations import find_user_by_email
from paja.views.util import perform
from trainings import bp
from trainings.forms.admin import ChannelForm, NewTrainerForm, OfferingForm
from trainings.models import Channel, Offering, Trainer
from trainings.operations.catalogue import (
    OfferingDetails,
    channels,
    create_trainer_profile,
    remove_channel,
    remove_offering,
    save_channel,
    save_offering,
)


@bp.get("/admin/offerings")
@role_required(Role.ADMIN)
def admin_offerings() -> ResponseReturnValue:
    """Every offering, archived ones too."""
    items = db.session.scalars(
        sa.select(Offering).order_by(Offering.active.desc(), Offering.title)
    ).all()
    return render_template("trainings/admin_offerings.html", offerings=items, button=ButtonForm())


def _offering_form(offering: Offering | None) -> OfferingForm:
    """The form with the current channels, trainers and possible next offerings."""
    form = OfferingForm(obj=offering)
    language = current_language()
    form.channels.choices = [SelectChoice(c.id, c.name(language)) for c in channels()]
    trainers = db.session.scalars(sa.select(Trainer)).all()
    form.trainers.choices = sorted(
        (SelectChoice(t.id, t.name) for t in trainers), key=lambda c: c.label
    )
    others = db.session.scalars(sa.select(Offering).order_by(Offering.title)).all()
    form.next_offering.choices = [SelectChoice(0, _("None"))] + [
        SelectChoice(o.id, o.title) for o in others if offering is None or o.id != offering.id
    ]
    if offering is not None and not form.is_submitted():
        form.channels.data = [c.id for c in offering.channels]
        form.trainers.data = [t.id for t in offering.trainers]
        form.next_offering.data = offering.next_offering_id or 0
    return form


def _details(form: OfferingForm) -> OfferingDetails:
    """The form's answers as operation input."""
    return OfferingDetails(
        title=form.title.data.strip(),
        slug=form.slug.data.strip(),
        summary=(form.summary.data or "").strip(),
        description=form.description.data or "",
        duration_minutes=form.duration_minutes.data,
        price_excl_vat=form.price_excl_vat.data,
        vat_rate=form.vat_rate.data,
        onsite=form.onsite.data,
        remote=form.remote.data,
        hybrid=form.hybrid.data,
        max_participants=form.max_participants.data,
        language=form.language.data,
        channels=list(
            db.session.scalars(sa.select(Channel).where(Channel.id.in_(form.channels.data or [])))
        ),
        trainers=list(
            db.session.scalars(sa.select(Trainer).where(Trainer.id.in_(form.trainers.data or [])))
        ),
        next_offering=db.session.get(Offering, form.next_offering.data)
        if form.next_offering.data
        else None,
        active=form.active.data,
    )


@bp.route("/admin/offerings/new", methods=["GET", "POST"])
@bp.route("/admin/offerings/<int:offering_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit_offering(offering_id: int | None = None) -> ResponseReturnValue:
    """Create or edit an offering."""
    offering = get_or_404(Offering, offering_id, permission=None) if offering_id else None
    form = _offering_form(offering)
    if form.validate_on_submit():
        outcome = perform(
            lambda: save_offering(current_user, offering or Offering(), _details(form)), form
        )
        if outcome.ok:
            saved = outcome.value
            flash(_("%(name)s is saved.", name=saved.title), "success")
            return redirect(url_for("trainings.admin_offerings"))
    return render_template("trainings/admin_offering.html", form=form, offering=offering)


@bp.post("/admin/offerings/<int:offering_id>/remove")
@role_required(Role.ADMIN)
def remove_offering_view(offering_id: int) -> ResponseReturnValue:
    """Delete an offering nobody ordered, or archive it."""
    offering = get_or_404(Offering, offering_id, permission=None)
    if ButtonForm().validate_on_submit():
        title = offering.title
        outcome = perform(lambda: remove_offering(current_user, offering))
        if outcome.ok:
            deleted = outcome.value
            if deleted:
                flash(_("%(name)s is deleted.", name=title), "success")
            else:
                flash(
                    _("%(name)s has orders, so it is archived instead of deleted.", name=title),
                    "info",
                )
    return redirect(url_for("trainings.admin_offerings"))


@bp.route("/admin/channels", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def admin_channels() -> ResponseReturnValue:
    """List channels and add one."""
    form = ChannelForm()
    if (
        form.validate_on_submit()
        and perform(
            lambda: save_channel(
                current_user, Channel(), form.slug.data, _names(form), form.position.data
            ),
            form,
        ).ok
    ):
        flash(_("%(name)s is saved.", name=form.name_fi.data), "success")
        return redirect(url_for("trainings.admin_channels"))
    return render_template(
        "trainings/admin_channels.html", form=form, channels=channels(), button=ButtonForm()
    )


def _names(form: ChannelForm) -> tuple[str, str, str]:
    """The channel's names in Finnish, Swedish and English."""
    return form.name_fi.data, form.name_sv.data, form.name_en.data


@bp.route("/admin/channels/<int:channel_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit_channel(channel_id: int) -> ResponseReturnValue:
    """Rename a channel."""
    channel = get_or_404(Channel, channel_id, permission=None)
    form = ChannelForm(obj=channel)
    if (
        form.validate_on_submit()
        and perform(
            lambda: save_channel(
                current_user, channel, form.slug.data, _names(form), form.position.data
            ),
            form,
        ).ok
    ):
        flash(_("%(name)s is saved.", name=channel.name_fi), "success")
        return redirect(url_for("trainings.admin_channels"))
    return render_template("trainings/admin_channel.html", form=form, channel=channel)


@bp.post("/admin/channels/<int:channel_id>/remove")
@role_required(Role.ADMIN)
def remove_channel_view(channel_id: int) -> ResponseReturnValue:
    """Delete an unused channel."""
    channel = get_or_404(Channel, channel_id, permission=None)
    if ButtonForm().validate_on_submit():
        name = channel.name_fi
        if perform(lambda: remove_channel(current_user, channel)).ok:
            flash(_("%(name)s is deleted.", name=name), "success")
    return redirect(url_for("trainings.admin_channels"))


@bp.route("/admin/trainers", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def admin_trainers() -> ResponseReturnValue:
    """Trainer profiles, and creating one for a user with the trainer role."""
    form = NewTrainerForm()
    if form.validate_on_submit():
        outcome = perform(
            lambda: create_trainer_profile(current_user, find_user_by_email(form.email.data)), form
        )
        if outcome.ok:
            trainer = outcome.value
            flash(_("%(name)s now has a profile; fill it in.", name=trainer.name), "success")
            return redirect(url_for("trainings.edit_trainer", slug=trainer.slug))
    trainers = db.session.scalars(sa.select(Trainer)).all()
    return render_template(
        "trainings/admin_trainers.html", form=form, trainers=sorted(trainers, key=lambda t: t.name)
    )

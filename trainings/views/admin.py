"""Admin pages: the offerings (including archived), channels and trainer profiles."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from paja.access import get_or_404, role_required
from paja.forms import ButtonForm, SelectChoice, given
from paja.i18n import current_language
from paja.models import Role
from paja.operations import find_user_by_email
from paja.perform import perform
from trainings import bp
from trainings.forms.admin import ChannelForm, NewTrainerForm, OfferingForm
from trainings.models import Channel, Offering
from trainings.operations import catalogue
from trainings.queries.catalogue import (
    all_offerings,
    channels,
    channels_by_ids,
    trainers,
    trainers_by_ids,
)


@bp.get("/admin/offerings")
@role_required(Role.ADMIN)
def admin_offerings() -> ResponseReturnValue:
    """Every offering, archived ones too."""
    return render_template(
        "trainings/admin_offerings.html", offerings=all_offerings(), button=ButtonForm()
    )


def _offering_form(offering: Offering | None) -> OfferingForm:
    """The form with the current channels, trainers and possible next offerings."""
    form = OfferingForm(obj=offering)
    language = current_language()
    form.channels.choices = [SelectChoice(c.id, c.name(language)) for c in channels()]
    form.trainers.choices = [SelectChoice(t.id, t.name) for t in trainers()]
    form.next_offering.choices = [SelectChoice(0, _("None"))] + [
        SelectChoice(o.id, o.title)
        for o in sorted(all_offerings(), key=lambda o: o.title)
        if offering is None or o.id != offering.id
    ]
    if offering is not None and not form.is_submitted():
        form.channels.data = [c.id for c in offering.channels]
        form.trainers.data = [t.id for t in offering.trainers]
        form.next_offering.data = offering.next_offering_id or 0
    return form


def _details(form: OfferingForm) -> catalogue.OfferingDetails:
    """The form's answers as operation input."""
    following = form.next_offering.data
    return catalogue.OfferingDetails(
        title=given(form.title.data).strip(),
        slug=given(form.slug.data).strip(),
        summary=(form.summary.data or "").strip(),
        description=form.description.data or "",
        duration_minutes=given(form.duration_minutes.data),
        price_excl_vat=given(form.price_excl_vat.data),
        vat_rate=given(form.vat_rate.data),
        onsite=form.onsite.data,
        remote=form.remote.data,
        hybrid=form.hybrid.data,
        max_participants=given(form.max_participants.data),
        language=form.language.data,
        channels=channels_by_ids(form.channels.data or []),
        trainers=trainers_by_ids(form.trainers.data or []),
        next_offering=get_or_404(Offering, following, None) if following else None,
        active=form.active.data,
    )


@bp.route("/admin/offerings/new", methods=["GET", "POST"])
@bp.route("/admin/offerings/<int:offering_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit_offering(offering_id: int | None = None) -> ResponseReturnValue:
    """Create or edit an offering."""
    offering = get_or_404(Offering, offering_id, None) if offering_id else None
    form = _offering_form(offering)
    if form.validate_on_submit():
        outcome = perform(
            lambda: catalogue.save_offering(current_user, offering or Offering(), _details(form)),
            form,
        )
        if outcome.ok:
            flash(_("%(name)s is saved.", name=outcome.result.title), "success")
            return redirect(url_for("trainings.admin_offerings"))
    return render_template("trainings/admin_offering.html", form=form, offering=offering)


@bp.post("/admin/offerings/<int:offering_id>/remove")
@role_required(Role.ADMIN)
def remove_offering(offering_id: int) -> ResponseReturnValue:
    """Delete an offering nobody ordered, or archive it."""
    offering = get_or_404(Offering, offering_id, None)
    if ButtonForm().validate_on_submit():
        title = offering.title
        outcome = perform(lambda: catalogue.remove_offering(current_user, offering))
        if outcome.ok and outcome.result:
            flash(_("%(name)s is deleted.", name=title), "success")
        elif outcome.ok:
            flash(
                _("%(name)s has orders, so it is archived instead of deleted.", name=title), "info"
            )
    return redirect(url_for("trainings.admin_offerings"))


def _names(form: ChannelForm) -> tuple[str, str, str]:
    """The channel's names in Finnish, Swedish and English."""
    return given(form.name_fi.data), given(form.name_sv.data), given(form.name_en.data)


@bp.route("/admin/channels", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def admin_channels() -> ResponseReturnValue:
    """List channels and add one."""
    form = ChannelForm()
    if (
        form.validate_on_submit()
        and perform(
            lambda: catalogue.save_channel(
                current_user,
                Channel(),
                given(form.slug.data),
                _names(form),
                given(form.position.data),
            ),
            form,
        ).ok
    ):
        flash(_("%(name)s is saved.", name=form.name_fi.data), "success")
        return redirect(url_for("trainings.admin_channels"))
    return render_template(
        "trainings/admin_channels.html", form=form, channels=channels(), button=ButtonForm()
    )


@bp.route("/admin/channels/<int:channel_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit_channel(channel_id: int) -> ResponseReturnValue:
    """Rename a channel."""
    channel = get_or_404(Channel, channel_id, None)
    form = ChannelForm(obj=channel)
    if (
        form.validate_on_submit()
        and perform(
            lambda: catalogue.save_channel(
                current_user,
                channel,
                given(form.slug.data),
                _names(form),
                given(form.position.data),
            ),
            form,
        ).ok
    ):
        flash(_("%(name)s is saved.", name=channel.name_fi), "success")
        return redirect(url_for("trainings.admin_channels"))
    return render_template("trainings/admin_channel.html", form=form, channel=channel)


@bp.post("/admin/channels/<int:channel_id>/remove")
@role_required(Role.ADMIN)
def remove_channel(channel_id: int) -> ResponseReturnValue:
    """Delete an unused channel."""
    channel = get_or_404(Channel, channel_id, None)
    if ButtonForm().validate_on_submit():
        name = channel.name_fi
        if perform(lambda: catalogue.remove_channel(current_user, channel)).ok:
            flash(_("%(name)s is deleted.", name=name), "success")
    return redirect(url_for("trainings.admin_channels"))


@bp.route("/admin/trainers", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def admin_trainers() -> ResponseReturnValue:
    """Trainer profiles, and creating one for a user with the trainer role."""
    form = NewTrainerForm()
    if form.validate_on_submit():
        outcome = perform(
            lambda: catalogue.create_trainer_profile(
                current_user, find_user_by_email(given(form.email.data))
            ),
            form,
        )
        if outcome.ok:
            trainer = outcome.result
            flash(_("%(name)s now has a profile; fill it in.", name=trainer.name), "success")
            return redirect(url_for("trainings.edit_trainer", slug=trainer.slug))
    return render_template("trainings/admin_trainers.html", form=form, trainers=trainers())

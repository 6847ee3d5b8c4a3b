"""Trainers: public list and profiles; trainers edit their own, admins anyone's."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from paja.access import role_required
from paja.extensions import db
from paja.markdown import render_markdown
from paja.models import Role, User
from trainings import bp
from trainings.forms.trainers import TrainerForm
from trainings.models import Offering, Trainer
from trainings.models.catalogue import offering_trainers


def _trainer(slug: str) -> Trainer:
    """The trainer with this slug, or 404."""
    trainer = db.session.scalar(
        sa.select(Trainer).join(User).where(Trainer.slug == slug, User.active.is_(True))
    )
    if trainer is None:
        abort(404)
    return trainer


@bp.get("/trainers/")
def trainers() -> ResponseReturnValue:
    """All trainers."""
    items = db.session.scalars(
        sa.select(Trainer).join(User).where(User.active.is_(True)).order_by(User.name)
    ).all()
    return render_template("trainings/trainers.html", trainers=items)


@bp.get("/trainers/<slug>")
def trainer(slug: str) -> ResponseReturnValue:
    """A trainer's profile and workshops; contact details only for logged-in customers."""
    item = _trainer(slug)
    offerings = db.session.scalars(
        sa.select(Offering)
        .join(offering_trainers)
        .where(offering_trainers.c.trainer_id == item.id, Offering.active.is_(True))
        .order_by(Offering.title)
    ).all()
    return render_template(
        "trainings/trainer.html",
        trainer=item,
        bio=render_markdown(item.bio),
        offerings=offerings,
        show_contact=current_user.is_authenticated
        and current_user.has_role(Role.CUSTOMER, Role.ADMIN),
        can_edit=item.can_edit(current_user),
    )


@bp.route("/trainers/<slug>/edit", methods=["GET", "POST"])
@role_required()
def edit_trainer(slug: str) -> ResponseReturnValue:
    """Edit a trainer profile (the trainer themself, or an admin)."""
    item = _trainer(slug)
    if not item.can_edit(current_user):
        abort(403)
    form = TrainerForm(obj=item)
    if form.validate_on_submit():
        form.populate_obj(item)
        db.session.commit()
        flash(_("The profile is saved."), "success")
        return redirect(url_for("trainings.trainer", slug=item.slug))
    return render_template("trainings/trainer_form.html", form=form, trainer=item)

"""Trainers: public list and profiles; trainers edit their own, admins anyone's."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from paja.access import check, or_404, role_required
from paja.markdown import render_markdown
from paja.models import Role
from paja.page_cache import cached_page
from paja.perform import perform
from trainings import bp
from trainings.forms.trainers import TrainerForm
from trainings.models import Trainer
from trainings.operations.catalogue import TrainerDetails, update_trainer_profile
from trainings.queries.catalogue import offerings_of, public_trainers, trainer_by_slug


@bp.get("/trainers/")
@cached_page
def trainers() -> ResponseReturnValue:
    """All trainers."""
    return render_template("trainings/trainers.html", trainers=public_trainers())


@bp.get("/trainers/<slug>")
@cached_page
def trainer(slug: str) -> ResponseReturnValue:
    """A trainer's profile and workshops; contact details only for logged-in customers."""
    item = or_404(trainer_by_slug(slug))
    return render_template(
        "trainings/trainer.html",
        trainer=item,
        bio=render_markdown(item.bio),
        offerings=offerings_of(item),
        show_contact=current_user.has_role(Role.CUSTOMER, Role.ADMIN),
        can_edit=item.can_edit(current_user),
    )


def _details(form: TrainerForm) -> TrainerDetails:
    """The profile form as operation input."""
    return TrainerDetails(
        title=form.title.data or "",
        bio=form.bio.data or "",
        expertise=form.expertise.data or "",
        blog_readers=form.blog_readers.data,
        followers=form.followers.data,
        phone=form.phone.data or "",
        language=form.language.data or "fi",
    )


@bp.route("/trainers/<slug>/edit", methods=["GET", "POST"])
@role_required()
def edit_trainer(slug: str) -> ResponseReturnValue:
    """Edit a trainer profile (the trainer themself, or an admin)."""
    item = check(or_404(trainer_by_slug(slug)), Trainer.can_edit)
    form = TrainerForm(obj=item)
    if (
        form.validate_on_submit()
        and perform(lambda: update_trainer_profile(item, _details(form)), form).ok
    ):
        flash(_("The profile is saved."), "success")
        return redirect(url_for("trainings.trainer", slug=item.slug))
    return render_template("trainings/trainer_form.html", form=form, trainer=item)

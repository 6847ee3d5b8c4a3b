"""Who orders: one of the person's own organisations, or a new one with valid details that
does not use Paja yet (created with the person as its member)."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _

from paja.business_id import normalise_business_id
from paja.errors import RuleViolation, check_all
from paja.extensions import db
from paja.models import Membership, Organisation, User
from paja.organisations import (
    OrganisationDetails,
    check_business_id,
    check_einvoice,
    create_organisation,
)


def check_orderer(
    user: User, organisation_id: int | None, new_organisation: OrganisationDetails
) -> None:
    """One of the user's own organisations, or a new one with valid details."""
    if organisation_id is None:
        check_new_organisation(new_organisation)
    elif db.session.get(Membership, (organisation_id, user.id)) is None:
        raise RuleViolation(_("You can order only for your own organisations."), "organisation")


def new_organisation_of(user: User, details: OrganisationDetails) -> Organisation:
    """Create the ordering organisation with the user as its member (details checked before)."""
    organisation = create_organisation(user, details)
    db.session.add(Membership(organisation=organisation, user=user))
    db.session.flush()
    return organisation


def check_new_organisation(details: OrganisationDetails) -> None:
    """Refuse missing or invalid details and an organisation that already uses Paja."""
    check_all(
        lambda: _check_new_name(details), lambda: _check_new_business_id(details),
        lambda: check_einvoice(details),
    )  # fmt: skip


def _check_new_name(details: OrganisationDetails) -> None:
    """The new organisation needs a name."""
    if not details.name.strip():
        raise RuleViolation(_("Enter the name."), "organisation_name")


def _check_new_business_id(details: OrganisationDetails) -> None:
    """A valid business ID that no organisation in Paja has yet."""
    if not details.business_id.strip():
        raise RuleViolation(_("Enter the business ID."), "business_id")
    check_business_id(details.business_id)
    taken = db.session.scalar(
        sa.select(Organisation.id).where(
            Organisation.business_id == normalise_business_id(details.business_id)
        )
    )
    if taken is not None:
        raise RuleViolation(
            _(
                "This organisation already uses Paja. "
                "Ask its contact person or us to add you as a member."
            ),
            "business_id",
        )

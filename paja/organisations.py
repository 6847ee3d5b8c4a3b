"""Organisation rules: create, edit, members. Flush, never commit."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from paja.audit import Action, record
from paja.business_id import business_id_problem, normalise_business_id
from paja.errors import RuleViolation, check_all
from paja.extensions import db
from paja.models import Membership, Organisation, User
from paja.operations import find_user_by_email

log = logging.getLogger(__name__)


@dataclass
class OrganisationDetails:
    """What a person fills in about an organisation."""

    name: str
    business_id: str
    billing_street: str = ""
    billing_postcode: str = ""
    billing_city: str = ""
    einvoice_address: str = ""
    einvoice_operator: str = ""


def check_business_id(given: str) -> str:
    """The business ID in its normal form; refused with what is wrong with it."""
    business_id = normalise_business_id(given)
    problem = business_id_problem(business_id)
    if problem == "format":
        raise RuleViolation(
            _("Write the business ID (Y-tunnus) as seven digits, a hyphen and a check digit, "
              "e.g. 1234567-8."), "business_id",
        )  # fmt: skip
    if problem == "check digit":
        raise RuleViolation(
            _("The check digit (the last digit) does not match the business ID's other digits. "
              "Check the number."), "business_id",
        )  # fmt: skip
    return business_id


def check_einvoice(details: OrganisationDetails) -> None:
    """An e-invoice address needs its operator and the other way round."""
    if bool(details.einvoice_address.strip()) != bool(details.einvoice_operator.strip()):
        raise RuleViolation(
            _("Give both the e-invoice address and the operator, or neither."), "einvoice_operator"
        )


def apply_details(organisation: Organisation, details: OrganisationDetails) -> None:
    """Copy validated details onto the organisation."""
    check_all(lambda: check_business_id(details.business_id), lambda: check_einvoice(details))
    business_id = normalise_business_id(details.business_id)
    taken = db.session.scalar(
        sa.select(Organisation.id).where(
            Organisation.business_id == business_id, Organisation.id != organisation.id
        )
    )
    if taken is not None:
        raise RuleViolation(
            _("An organisation with this business ID already exists."), "business_id"
        )
    organisation.name = details.name.strip()
    organisation.business_id = business_id
    organisation.billing_street = details.billing_street.strip()
    organisation.billing_postcode = details.billing_postcode.strip()
    organisation.billing_city = details.billing_city.strip()
    organisation.einvoice_address = details.einvoice_address.strip().replace(" ", "")
    organisation.einvoice_operator = details.einvoice_operator.strip().replace(" ", "")


def _flush_unique(organisation: Organisation) -> None:
    """Flush in a savepoint; a business ID taken by a racing request is refused."""
    try:
        with db.session.begin_nested():
            db.session.add(organisation)
    except IntegrityError:
        raise RuleViolation(
            _("An organisation with this business ID already exists."), "business_id"
        ) from None


def create_organisation(actor: User, details: OrganisationDetails) -> Organisation:
    """Create an organisation from validated details."""
    organisation = Organisation()
    apply_details(organisation, details)
    _flush_unique(organisation)
    log.info("organisation %s added by %s", organisation.business_id, actor.email)
    return organisation


def update_organisation(
    actor: User, organisation: Organisation, details: OrganisationDetails
) -> None:
    """Change an organisation's details."""
    apply_details(organisation, details)
    _flush_unique(organisation)
    log.info("organisation %s edited by %s", organisation.business_id, actor.email)


def add_member(actor: User, organisation: Organisation, email: str) -> User:
    """Add the user with this email to the organisation."""
    user = find_user_by_email(email)
    if user is None:
        raise RuleViolation(_("No account has this email address."), "email")
    if db.session.get(Membership, (organisation.id, user.id)) is not None:
        raise RuleViolation(_("%(name)s is already a member.", name=user.name), "email")
    db.session.add(Membership(organisation=organisation, user=user))
    db.session.flush()
    record(actor, Action.MEMBER_ADDED, f"organisation {organisation.id}, user {user.id}")
    log.info("%s added to %s by %s", user.email, organisation.business_id, actor.email)
    return user


def remove_member(actor: User, organisation: Organisation, user: User) -> None:
    """Remove a user from the organisation."""
    membership = db.session.get(Membership, (organisation.id, user.id))
    if membership is None:
        raise RuleViolation(_("%(name)s is not a member.", name=user.name))
    db.session.delete(membership)
    db.session.flush()
    record(actor, Action.MEMBER_REMOVED, f"organisation {organisation.id}, user {user.id}")
    log.info("%s removed from %s by %s", user.email, organisation.business_id, actor.email)

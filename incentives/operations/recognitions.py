"""Recognitions at a programme's end: a certificate its holder downloads, anyone verifies."""

from __future__ import annotations

from decimal import Decimal

from flask_babel import gettext as _

from courses.models import Certificate
from incentives.models import Category, Participant, Programme, Recognition
from incentives.operations.ledger import helsinki_today
from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import User


def give_recognition(
    programme: Programme, participant: Participant, category: Category | None, title: str,
    manager: User,
) -> Recognition:  # fmt: skip
    """Recognise a participant; the certificate carries the programme's and the title's names."""
    if participant.programme_id != programme.id or participant.user is None:
        raise RuleViolation(_("Choose one of the listed options."), "participant")
    if category is not None and category.programme_id != programme.id:
        raise RuleViolation(_("Choose one of the listed options."), "category")
    person = participant.user
    label = f"{programme.name}: {title}" + (f" ({category.name})" if category else "")
    certificate = Certificate(
        kind="recognition", user_id=person.id, name=person.name, title=label[:200],
        achieved_on=helsinki_today(), hours=Decimal(0), issuer=programme.organisation.name,
        language=person.locale or "fi",
    )  # fmt: skip
    db.session.add(certificate)
    db.session.flush()
    recognition = Recognition(
        programme_id=programme.id, participant_id=participant.id,
        category_id=category.id if category else None, title=title,
        certificate_id=certificate.id, given_by_id=manager.id,
    )  # fmt: skip
    db.session.add(recognition)
    db.session.flush()
    return recognition

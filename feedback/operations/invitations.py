"""Personal invitations: one answer each, a mailed link, reminders. Flush, never commit.

Other packages invite the people of their sessions with invite().
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import sqlalchemy as sa
from flask_babel import gettext as _

from feedback.models import Invitation, Survey, SurveyStatus, WishBoard
from paja.database import utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.mail import send_mail

EMAIL = re.compile(r"[^\s,;<>]+@[^\s,;<>]+\.[^\s,;<>]+")


def parse_people(text: str) -> list[tuple[str, str]]:
    """(name, email) pairs from lines like 'Maija Meikäläinen, maija@example.fi' or an address."""
    people = []
    for line in text.splitlines():
        found = EMAIL.search(line)
        if found:
            people.append((line[: found.start()].strip(" ,;<\t"), found.group(0)))
    return people


def invite(
    survey: Survey,
    people: Iterable[tuple[str, str]],
    context: str = "",
    wish_board: WishBoard | None = None,
) -> list[Invitation]:
    """Invite people (name, email) once each; mail their link (and a wish board's, if given)."""
    if survey.status == SurveyStatus.CLOSED:
        raise RuleViolation(_("The survey is closed."))
    existing = set(
        db.session.scalars(sa.select(Invitation.email).where(Invitation.survey_id == survey.id))
    )
    created = []
    for name, email in people:
        email = email.strip().lower()
        if not email or email in existing:
            continue
        existing.add(email)
        invitation = Invitation(
            survey_id=survey.id, email=email, name=name.strip(), context=context, sent_at=utcnow()
        )
        db.session.add(invitation)
        created.append(invitation)
    db.session.flush()
    for invitation in created:
        send_mail(
            invitation.email,
            "survey_invitation",
            survey.language,
            survey=survey,
            invitation=invitation,
            wish_board=wish_board,
        )
    return created


def remind(survey: Survey) -> int:
    """Email a reminder to every invitee who has not answered; returns how many."""
    pending = db.session.scalars(
        sa.select(Invitation).where(
            Invitation.survey_id == survey.id, Invitation.answered_at.is_(None)
        )
    ).all()
    for invitation in pending:
        invitation.reminded_at = utcnow()
        send_mail(
            invitation.email,
            "survey_reminder",
            survey.language,
            survey=survey,
            invitation=invitation,
        )
    db.session.flush()
    return len(pending)

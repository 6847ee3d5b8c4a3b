"""What feedback holds about a person, for their download, erasure and retention."""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa

from feedback.exports import readable_answer
from feedback.models import Answerer, Invitation, Question, Response, Survey, Vote, Wish
from paja.extensions import db
from paja.models import User
from paja.privacy import PersonalData, erased_email
from paja.sql import changed


def export(user: User, data: PersonalData) -> None:
    """Named answers, invitations, anonymous surveys answered (titles only) and votes."""
    named = db.session.scalars(
        sa.select(Response).where(Response.user_id == user.id).order_by(Response.id)
    ).all()
    questions = {
        q.id: q
        for q in db.session.scalars(
            sa.select(Question).where(Question.survey_id.in_({r.survey_id for r in named}))
        )
    }
    data.sections["survey_answers"] = [
        {
            "survey": response.survey_id,
            "day": response.submitted_on,
            "answers": [
                {
                    "question": questions[a.question_id].text,
                    "answer": readable_answer(questions[a.question_id], a.number, a.text),
                }
                for a in response.answers
            ],
        }
        for response in named
    ]
    data.sections["surveys_answered_anonymously"] = list(
        db.session.scalars(
            sa.select(Survey.title)
            .join(Answerer, Answerer.survey_id == Survey.id)
            .where(Answerer.user_id == user.id, Survey.anonymous.is_(True))
        )
    )
    data.sections["survey_invitations"] = [
        {"survey": title, "sent_at": sent, "answered_on": answered}
        for title, sent, answered in db.session.execute(
            sa.select(Survey.title, Invitation.sent_at, Invitation.answered_at)
            .join(Survey, Survey.id == Invitation.survey_id)
            .where(Invitation.email == user.email)
        )
    ]
    data.sections["wish_votes"] = list(
        db.session.scalars(
            sa.select(Wish.text)
            .join(Vote, Vote.wish_id == Wish.id)
            .where(Vote.voter == _voter(user))
        )
    )


def erase(user: User) -> None:
    """Unlink named answers, blank invitations, forget who answered and who voted."""
    changed(sa.update(Response).where(Response.user_id == user.id).values(user_id=None))
    changed(sa.delete(Answerer).where(Answerer.user_id == user.id))
    for invitation in db.session.scalars(
        sa.select(Invitation).where(Invitation.email == user.email)
    ):
        invitation.email = erased_email("invitation", invitation.id)
        invitation.name = ""
    for vote in db.session.scalars(sa.select(Vote).where(Vote.voter == _voter(user))):
        vote.voter = f"erased:{vote.id}"  # the vote still counts
    db.session.flush()


def _voter(user: User) -> str:
    """How a wish board names an account's vote."""
    return f"user:{user.id}"


INVITATIONS_KEPT = timedelta(days=365)


def purge_invitations(now: datetime) -> int:
    """Delete invitations (names and addresses) a year after they were sent; the answers stay."""
    return changed(sa.delete(Invitation).where(Invitation.sent_at < now - INVITATIONS_KEPT))

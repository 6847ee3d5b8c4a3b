"""What the start page shows of courses, per role; each read is a fixed number of queries."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from courses.models import Certificate, Course, Enrolment, SkillCheck
from courses.models.skills import Attempt
from courses.queries.certificates import LIVE, of_staff
from courses.queries.progress import continue_module, progress_for
from paja.extensions import db
from paja.models import Membership, User
from paja.start_page import unless_idle

SHOWN = 10


def learning(user: User, now: datetime) -> dict[str, Any]:
    """Courses to continue, skill checks due, and the newest certificates."""
    enrolments = db.session.scalars(
        sa.select(Enrolment)
        .where(Enrolment.user_id == user.id, Enrolment.completed_at.is_(None))
        .order_by(Enrolment.enrolled_at.desc(), Enrolment.id.desc())
        .limit(SHOWN)
    ).all()
    states = progress_for(list(enrolments))
    checks = {
        check.course_id: check
        for check in db.session.scalars(
            sa.select(SkillCheck).where(SkillCheck.course_id.in_([e.course_id for e in enrolments]))
        )
    }
    taken = {
        (check_id, phase)
        for check_id, phase in db.session.execute(
            sa.select(Attempt.skill_check_id, Attempt.phase)
            .where(Attempt.user_id == user.id)
            .where(Attempt.skill_check_id.in_([c.id for c in checks.values()]))
            .distinct()
        )
    }
    due: list[tuple[Course, str]] = []
    for enrolment in enrolments:
        check = checks.get(enrolment.course_id)
        if check is None:
            continue
        if (check.id, "before") not in taken:
            due.append((enrolment.course, "before"))
        elif states[enrolment.id].percent == 100 and (check.id, "after") not in taken:
            due.append((enrolment.course, "after"))
    certificates = db.session.scalars(
        sa.select(Certificate)
        .where(Certificate.user_id == user.id, LIVE)
        .order_by(Certificate.issued_at.desc(), Certificate.id.desc())
        .limit(5)
    ).all()
    rows = [(e, states[e.id], continue_module(e, states[e.id].done)) for e in enrolments]
    data = {"rows": rows, "due": due, "certificates": certificates}
    return unless_idle(user, data, rows, certificates)


def staff_learning(user: User, now: datetime) -> dict[str, Any]:
    """The staff of the user's organisations: enrolments per course and newest certificates."""
    mine = sa.select(Membership.organisation_id).where(Membership.user_id == user.id)
    courses = db.session.execute(
        sa.select(
            Course,
            sa.func.count(Enrolment.id),
            sa.func.count(Enrolment.completed_at),
        )
        .join(Enrolment, Enrolment.course_id == Course.id)
        .where(Enrolment.organisation_id.in_(mine))
        .group_by(Course.id)
        .order_by(Course.title)
        .limit(SHOWN)
    ).all()
    theirs = of_staff(mine)
    certificates = db.session.scalars(
        sa.select(Certificate)
        .where(theirs)
        .order_by(Certificate.issued_at.desc(), Certificate.id.desc())
        .limit(SHOWN)
    ).all()
    total = db.session.scalar(sa.select(sa.func.count(Certificate.id)).where(theirs))
    return {"courses": courses, "certificates": certificates, "total": total}


def issued_certificates(user: User, now: datetime) -> dict[str, Any]:
    """How many certificates were issued in the last 7 and 30 days, and the newest ones."""
    week, month = now - timedelta(days=7), now - timedelta(days=30)
    counts = db.session.execute(
        sa.select(
            sa.func.count(Certificate.id).filter(Certificate.issued_at >= week),
            sa.func.count(Certificate.id),
        ).where(Certificate.issued_at >= month)
    ).one()
    newest = db.session.scalars(
        sa.select(Certificate)
        .order_by(Certificate.issued_at.desc(), Certificate.id.desc())
        .limit(5)
    ).all()
    return {"week": counts[0], "month": counts[1], "newest": newest}

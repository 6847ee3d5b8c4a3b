"""What courses holds about a person, for their download and for erasure."""

from __future__ import annotations

import sqlalchemy as sa

from courses.models import Attempt, Certificate, Enrolment, ModuleDone
from courses.pdf import certificates_pdf
from paja.extensions import db
from paja.models import User
from paja.privacy import PersonalData
from paja.sql import changed


def export(user: User, data: PersonalData) -> None:
    """Enrolments and progress, skill checks, certificates with their PDFs."""
    enrolments = db.session.scalars(
        sa.select(Enrolment).where(Enrolment.user_id == user.id).order_by(Enrolment.id)
    ).all()
    done = db.session.execute(
        sa.select(ModuleDone.enrolment_id, ModuleDone.module_id, ModuleDone.done_at).where(
            ModuleDone.enrolment_id.in_([e.id for e in enrolments])
        )
    ).all()
    data.sections["course_enrolments"] = [
        {
            "course": e.course.title,
            "enrolled_at": e.enrolled_at,
            "completed_at": e.completed_at,
            "modules_done": [
                {"module": module, "at": at} for enrolment, module, at in done if enrolment == e.id
            ],
        }
        for e in enrolments
    ]
    data.sections["skill_checks"] = [
        {"phase": a.phase, "overall": a.overall, "level": a.level, "taken_at": a.taken_at}
        for a in db.session.scalars(sa.select(Attempt).where(Attempt.user_id == user.id))
    ]
    certificates = list(
        db.session.scalars(
            sa.select(Certificate).where(Certificate.user_id == user.id).order_by(Certificate.id)
        )
    )
    data.sections["certificates"] = [
        {"code": c.code, "title": c.title, "achieved_on": c.achieved_on, "state": c.state}
        for c in certificates
    ]
    for certificate in certificates:
        data.files[f"certificate-{certificate.code}.pdf"] = certificates_pdf([certificate])


def erase(user: User) -> None:
    """Take the name off certificates (their codes still verify that they were issued); the
    learning records stay with the anonymous account so course statistics hold."""
    changed(sa.update(Certificate).where(Certificate.user_id == user.id).values(name=""))

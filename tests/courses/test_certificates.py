"""Certificate rules: when they are issued, what they hold, revoking and correcting them."""

from datetime import timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa
from flask import Flask

from courses.models import Certificate, normalise_code
from courses.models.certificates import ALPHABET
from courses.operations.certificates import issue_for_enrolment, reissue, revoke
from courses.operations.enrolments import mark_done
from courses.operations.skills import take
from paja.errors import RuleViolation
from paja.extensions import db
from paja.i18n import HELSINKI
from paja.models import Role
from tests import factories
from tests.courses.factories import (
    certificate_of,
    complete,
    create_course,
    create_skill_check,
    enrol,
)
from tests.trainings.factories import (
    create_registration,
    create_session,
    create_trainer,
)
from trainings.models import RegistrationStatus
from trainings.operations.sessions import mark_attendance


def _certificates() -> list[Certificate]:
    """Every certificate, oldest first."""
    return list(db.session.scalars(sa.select(Certificate).order_by(Certificate.id)))


def test_completing_a_course_issues_one_certificate_with_a_readable_code(app: Flask) -> None:
    user = factories.create_user(name="Åsa Öberg-Łukasik", locale="sv")
    course = create_course(modules=3)
    enrolment = enrol(user, course)
    mark_done(enrolment, course.modules[0])
    assert _certificates() == []  # not before completion
    mark_done(enrolment, course.modules[1])
    (certificate,) = _certificates()
    assert certificate.kind == "course"
    assert certificate.name == "Åsa Öberg-Łukasik"
    assert certificate.title == course.title
    assert certificate.language == "sv"
    assert certificate.achieved_on == enrolment.completed_at.astimezone(HELSINKI).date()
    assert certificate.details["outcomes"] == ["Osio 1", "Osio 2"]  # the required modules
    groups = certificate.code.split("-")
    assert [len(group) for group in groups] == [4, 4, 4]
    assert set("".join(groups)) <= set(ALPHABET)
    mark_done(enrolment, course.modules[2])  # the optional one, after completion
    assert issue_for_enrolment(enrolment).id == certificate.id
    assert len(_certificates()) == 1


def test_codes_are_different_and_typed_codes_are_normalised(app: Flask) -> None:
    course = create_course(modules=1)
    codes = {certificate_of(complete(factories.create_user(), course)).code for _ in range(20)}
    assert len(codes) == 20
    assert normalise_code(" abcd efgh-jkmn ") == "ABCD-EFGH-JKMN"


def test_the_certificate_is_a_snapshot(app: Flask) -> None:
    user, course = factories.create_user(name="Maija Meikäläinen"), create_course(modules=2)
    certificate = certificate_of(complete(user, course))
    course.title = "Uusi nimi"
    course.modules[0].title = "Muutettu osio"
    user.name = "Maija Virtanen"
    db.session.flush()
    db.session.refresh(certificate)
    assert certificate.title != "Uusi nimi"
    assert certificate.name == "Maija Meikäläinen"
    assert "Muutettu osio" not in certificate.details["outcomes"]


def test_skill_growth_is_on_the_certificate(app: Flask) -> None:
    user, course = factories.create_user(), create_course(modules=2)
    check = create_skill_check(course)
    enrolment = enrol(user, course)
    take(check, user, "before", {(a.id, i): 1 for a in check.areas for i in range(2)}, {})
    take(check, user, "after", {(a.id, i): 4 for a in check.areas for i in range(2)}, {})
    for module in course.modules:
        mark_done(enrolment, module)
    growth = certificate_of(enrolment).details["growth"]
    assert [row[0] for row in growth] == [area.name for area in check.areas]
    assert all(after > before for _, before, after in growth)


def test_attendance_certificates_only_for_those_present(app: Flask) -> None:
    trainer = create_trainer(name="Kaisa Kouluttaja")
    session = create_session(starts_in=timedelta(hours=-3), trainers=(trainer,))
    present = create_registration(session, user=factories.create_user(locale="en"))
    absent = create_registration(session)
    waiting = create_registration(session, status=RegistrationStatus.WAITING)
    admin = factories.create_user(roles={Role.ADMIN})
    mark_attendance(session, admin, {present.id, waiting.id})
    (certificate,) = _certificates()
    assert certificate.registration_id == present.id
    assert certificate.kind == "attendance"
    assert certificate.trainers == "Kaisa Kouluttaja"
    assert certificate.language == "en"
    assert certificate.achieved_on == session.starts_at.astimezone(HELSINKI).date()
    mark_attendance(session, admin, {present.id})  # saving again issues nothing new
    assert len(_certificates()) == 1
    assert absent.id not in {c.registration_id for c in _certificates()}


def test_unmarking_attendance_revokes_and_marking_again_reissues(app: Flask) -> None:
    session = create_session(starts_in=timedelta(hours=-3))
    registration = create_registration(session)
    admin = factories.create_user(roles={Role.ADMIN})
    mark_attendance(session, admin, {registration.id})
    (first,) = _certificates()
    mark_attendance(session, admin, set())
    assert first.state == "revoked"
    mark_attendance(session, admin, {registration.id})
    first_again, second = _certificates()
    assert first_again.state == "superseded"
    assert second.state == "valid"
    assert second.code != first.code


def test_revoking_needs_a_reason_and_happens_once(app: Flask) -> None:
    certificate = certificate_of(complete(factories.create_user(), create_course(modules=1)))
    with pytest.raises(RuleViolation) as refused:
        revoke(certificate, "  ")
    assert refused.value.field == "reason"
    revoke(certificate, "Suoritus kirjattiin väärälle henkilölle")
    assert certificate.state == "revoked"
    with pytest.raises(RuleViolation):
        revoke(certificate, "uudelleen")


def test_reissue_corrects_the_name_and_supersedes_the_old(app: Flask) -> None:
    enrolment = complete(factories.create_user(name="Mati Meikalainen"), create_course(modules=1))
    old = certificate_of(enrolment)
    fresh = reissue(old, "Matti Meikäläinen")
    assert old.state == "superseded"
    assert fresh.state == "valid"
    assert (fresh.name, fresh.title, fresh.achieved_on) == (
        "Matti Meikäläinen",
        old.title,
        old.achieved_on,
    )
    assert certificate_of(enrolment).id == fresh.id
    with pytest.raises(RuleViolation):
        reissue(old, "Kolmas Nimi")
    with pytest.raises(RuleViolation) as refused:
        reissue(fresh, "")
    assert refused.value.field == "name"


def test_a_multi_day_event_has_both_dates_in_helsinki_time(app: Flask) -> None:
    from datetime import UTC, datetime

    from paja.i18n import days

    session = create_session(starts_in=timedelta(days=-3))
    session.starts_at = datetime(2026, 11, 8, 22, 30, tzinfo=UTC)  # 9.11. 00.30 in Helsinki
    session.ends_at = datetime(2026, 11, 10, 14, 0, tzinfo=UTC)
    registration = create_registration(session)
    mark_attendance(session, factories.create_user(roles={Role.ADMIN}), {registration.id})
    (certificate,) = _certificates()
    assert certificate.achieved_on.isoformat() == "2026-11-09"
    assert certificate.until.isoformat() == "2026-11-10"
    with app.test_request_context():
        assert days(certificate.achieved_on, certificate.until) == "9.–10. marraskuuta 2026"


@pytest.mark.parametrize(
    ("minutes", "hours"), [(75, "1.3"), (45, "0.8"), (150, "2.5"), (80, "1.3")]
)
def test_attendance_hours_round_halves_up_like_money(app: Flask, minutes: int, hours: str) -> None:
    session = create_session(starts_in=timedelta(hours=-3))
    session.offering.duration_minutes = minutes  # 75 min is 1.25 h: 1.3, not the banker's 1.2
    registration = create_registration(session)
    mark_attendance(session, factories.create_user(roles={Role.ADMIN}), {registration.id})
    (certificate,) = _certificates()
    assert certificate.hours == Decimal(hours)

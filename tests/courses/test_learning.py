"""Enrolment, progress and who sees what on the course pages."""

import pytest
from flask import Flask
from flask.testing import FlaskClient

from courses.models import Course, Enrolment
from courses.operations.enrolments import (
    check_completion,
    enrol,
    enrol_with_key,
    make_key,
    mark_done,
    tick,
)
from courses.queries.progress import progress
from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import Role, User
from tests import factories
from tests.conftest import Auth
from tests.courses.factories import certificate_of, create_course
from tests.courses.factories import enrol as enrol_directly


def test_self_enrolment_is_for_published_open_courses(app: Flask) -> None:
    user = factories.create_user()
    assert enrol(user, create_course()).user_id == user.id
    with pytest.raises(RuleViolation, match="julkaistu"):
        enrol(user, create_course(published=False))
    with pytest.raises(RuleViolation, match="organisaatiosi linkillä"):
        enrol(user, create_course(open_enrolment=False))


def test_enrolling_twice_keeps_one_enrolment(app: Flask) -> None:
    user, course = factories.create_user(), create_course()
    assert enrol(user, course).id == enrol(user, course).id


def test_customer_link_enrols_staff_as_the_organisations(app: Flask) -> None:
    customer = factories.create_user(roles={Role.CUSTOMER})
    organisation = factories.create_organisation(members=(customer,))
    course = create_course(open_enrolment=False)
    key = make_key(customer, course, organisation)
    staff = factories.create_user()
    enrolment = enrol_with_key(staff, key.token)
    assert enrolment.organisation_id == organisation.id
    with pytest.raises(RuleViolation):
        make_key(factories.create_user(roles={Role.CUSTOMER}), course, organisation)  # not a member
    with pytest.raises(RuleViolation):
        enrol_with_key(staff, "no-such-token")


def test_tasks_tick_and_untick(app: Flask) -> None:
    user, course = factories.create_user(), create_course()
    enrolment = enrol_directly(user, course)
    module = course.modules[0]
    tick(enrolment, module, 1, True)
    assert progress(enrolment).ticked == {(module.id, 1)}
    tick(enrolment, module, 1, False)
    assert progress(enrolment).ticked == set()
    with pytest.raises(RuleViolation):
        tick(enrolment, module, 5, True)


def test_participant_works_through_a_course(client: FlaskClient, auth: Auth) -> None:
    user = auth.login(Role.PARTICIPANT)
    course = create_course(modules=2)
    client.post(f"/courses/{course.slug}/enrol")
    page = client.get(f"/courses/{course.slug}").get_data(as_text=True)
    assert "Jatka: Osio 1" in page
    first, second = course.modules
    client.post(f"/courses/{course.slug}/modules/{first.id}/tasks/0", data={"ticked": "1"})
    response = client.post(f"/courses/{course.slug}/modules/{first.id}/done", data={"done": "1"})
    assert response.headers["Location"] == f"/courses/{course.slug}/modules/{second.id}"
    page = client.get("/courses/my").get_data(as_text=True)
    assert "50 %" in page and "Jatka: Osio 2" in page
    response = client.post(
        f"/courses/{course.slug}/modules/{second.id}/done",
        data={"done": "1"},
        follow_redirects=True,
    )
    assert "Onnittelut, olet suorittanut kurssin!" in response.get_data(as_text=True)
    enrolment = db.session.scalar(db.select(Enrolment).where(Enrolment.user_id == user.id))
    assert enrolment.completed_at is not None
    client.post(f"/courses/{course.slug}/leave")
    assert db.session.scalar(db.select(db.func.count()).select_from(Enrolment)) == 0


def test_drafts_and_modules_are_hidden_from_outsiders(client: FlaskClient, auth: Auth) -> None:
    draft = create_course(published=False)
    assert client.get(f"/courses/{draft.slug}").status_code == 404
    assert draft.title not in client.get("/courses/").get_data(as_text=True)
    course = create_course()
    auth.login(Role.PARTICIPANT)
    assert (
        client.get(f"/courses/{course.slug}/modules/{course.modules[0].id}").status_code == 403
    )  # not enrolled
    auth.login(db.session.get(User, draft.author_id))  # the author previews the draft
    assert client.get(f"/courses/{draft.slug}").status_code == 200


def test_module_bodies_are_sanitised(client: FlaskClient, auth: Auth) -> None:
    user = auth.login(Role.PARTICIPANT)
    course = create_course()
    course.modules[
        0
    ].body = "**Tärkeää** <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))"
    enrol_directly(user, course)
    page = client.get(f"/courses/{course.slug}/modules/{course.modules[0].id}").get_data(
        as_text=True
    )
    assert "<strong>Tärkeää</strong>" in page
    assert "<script>alert" not in page
    assert "<img" not in page
    assert 'href="javascript' not in page


def test_course_page_and_my_learning_stay_bounded(
    client: FlaskClient, auth: Auth, count_queries
) -> None:
    user = auth.login(Role.PARTICIPANT)
    small = create_course(modules=3)
    enrol_directly(user, small)
    with count_queries() as few_course:
        client.get(f"/courses/{small.slug}")
    with count_queries() as few_mine:
        client.get("/courses/my")
    big = create_course(modules=50)
    enrolment = enrol_directly(user, big)
    for module in big.modules[:30]:  # 30 of the 49 required: 61 %
        mark_done(enrolment, module)
    for _ in range(5):
        enrol_directly(user, create_course(modules=10))
    db.session.commit()
    for n in range(200):
        enrol_directly(factories.create_user(email=f"oppija{n}@example.fi"), big)
    with count_queries() as many_course:
        assert "61 %" in client.get(f"/courses/{big.slug}").get_data(as_text=True)
    with count_queries() as many_mine:
        client.get("/courses/my")
    assert len(many_course) == len(few_course), many_course
    assert len(many_mine) == len(few_mine), many_mine


def test_registering_to_a_session_enrols_on_linked_courses(app: Flask) -> None:
    from tests.trainings.factories import create_session
    from trainings.operations.registrations import register

    course, unrelated = create_course(), create_course()
    session = create_session()
    course.offerings.append(session.offering)
    db.session.commit()
    user = factories.create_user(email="oppija@example.fi")
    with app.test_request_context():
        register(session, "Oppija", "OPPIJA@example.fi")  # no account given: matched by email
        register(session, "Vieras", "vieras@example.fi")  # no account at all
    enrolled = db.session.scalars(
        db.select(Enrolment.course_id).where(Enrolment.user_id == user.id)
    ).all()
    assert enrolled == [course.id]
    assert unrelated.id not in enrolled


@pytest.mark.parametrize(("after_taken", "complete"), [(False, False), (True, True)])
def test_completion_needs_the_after_skill_check_when_there_is_one(
    app: Flask, after_taken: bool, complete: bool
) -> None:
    from courses.operations.skills import take
    from tests.courses.factories import create_skill_check

    user = factories.create_user()
    course = create_course(modules=2)
    check = create_skill_check(course)
    enrolment = enrol_directly(user, course)
    ratings = {(a.id, i): 3 for a in check.areas for i in range(2)}
    take(check, user, "before", ratings, {})
    if after_taken:
        take(check, user, "after", ratings, {})
    for module in course.modules:
        mark_done(enrolment, module)
    assert (enrolment.completed_at is not None) is complete
    assert (certificate_of(enrolment) is not None) is complete


def test_requiring_feedback_makes_a_course_survey_and_answering_completes(
    client: FlaskClient, auth: Auth
) -> None:
    author = auth.login(Role.TRAINER)
    data = {
        "title": "Palautteellinen",
        "slug": "palautteellinen",
        "level": "beginner",
        "language": "sv",
        "hours": "1",
        "next_course": "0",
        "open_enrolment": "y",
        "published": "y",
        "requires_feedback": "y",
    }
    client.post("/courses/manage/new", data=data)
    course = db.session.scalar(db.select(Course))
    assert course.feedback_survey.questions[0].text == "Helhetsbedömning av utbildningen"
    assert not course.feedback_survey.anonymous
    client.post(
        f"/courses/manage/{course.id}/modules",
        data={"module-title": "Ainoa", "module-minutes": "5", "module-required": "y"},
    )
    learner = auth.login(Role.PARTICIPANT)
    client.post(f"/courses/{course.slug}/enrol")
    client.post(f"/courses/{course.slug}/modules/{course.modules[0].id}/done", data={"done": "1"})
    page = client.get(f"/courses/{course.slug}").get_data(as_text=True)
    assert "kurssipalautteeseen ei ole vielä vastattu" in page
    assert f"/feedback/s/{course.feedback_survey_id}" in page
    survey = course.feedback_survey
    answers = {f"q{q.id}": "9" if q.kind == "nps" else "4" for q in survey.questions if q.required}
    client.post(f"/feedback/s/{survey.id}", data=answers)
    enrolment = db.session.scalar(db.select(Enrolment).where(Enrolment.user_id == learner.id))
    assert check_completion(enrolment)
    db.session.commit()
    assert author


def test_the_course_page_leads_to_the_after_check_then_to_the_certificate(
    client: FlaskClient, auth: Auth
) -> None:
    from courses.operations.enrolments import check_completion
    from courses.operations.skills import take
    from tests.courses.factories import create_skill_check

    user = auth.login(factories.create_user())
    course = create_course(modules=2)
    check = create_skill_check(course)
    enrolment = enrol_directly(user, course)
    ratings = {(a.id, i): 3 for a in check.areas for i in range(2)}
    take(check, user, "before", ratings, {})
    after = f"/courses/{course.slug}/skills/after"
    mark_done(enrolment, course.modules[0])
    db.session.commit()
    assert after not in client.get(f"/courses/{course.slug}").text  # a module still to do
    mark_done(enrolment, course.modules[1])
    db.session.commit()
    page = client.get(f"/courses/{course.slug}").text
    assert after in page and "Kaikki moduulit tehty" in page
    take(check, user, "after", ratings, {})
    check_completion(enrolment)  # as the skill check's page does
    db.session.commit()
    page = client.get(f"/courses/{course.slug}").text
    assert after not in page
    certificate = certificate_of(enrolment)
    assert f"/courses/certificates/{certificate.code}.pdf" in page


def test_a_series_is_listed_in_its_order_with_its_levels(client: FlaskClient) -> None:
    basics, continuation, single = create_course(), create_course(), create_course()
    basics.title, continuation.title, single.title = (
        "Twitter-perusteet",
        "Jatkokurssi Twitteriin",
        "Instagram",
    )  # by title, the continuation would come first
    continuation.level = "intermediate"
    basics.next_course = continuation
    db.session.commit()
    page = client.get("/courses/").text
    assert page.index("Instagram") < page.index("Twitter-perusteet")
    assert page.index("Twitter-perusteet") < page.index("Jatkokurssi Twitteriin")
    card = page[page.index("Jatkokurssi Twitteriin") :]
    assert "Keskitaso" in card[: card.index("</article>")]

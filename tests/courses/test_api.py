"""The courses API: published courses for anyone; one's own progress and certificates with
a personal token; an organisation's token lists its staff's valid certificates only."""

from flask.testing import FlaskClient

from courses.models import Enrolment
from courses.operations.certificates import revoke
from courses.operations.enrolments import mark_done
from paja.extensions import db
from paja.models import Membership, Role
from tests import factories
from tests.api_helpers import all_pages, token_for
from tests.courses.factories import certificate_of, complete, create_course, enrol


def test_published_courses_are_listed_with_their_series(client: FlaskClient, count_queries) -> None:
    basics, draft = create_course(), create_course(published=False)
    continuation = create_course(modules=2)
    basics.next_course_id = continuation.id
    draft.next_course_id = basics.id
    db.session.commit()
    for _ in range(10):
        create_course()
    listed = {c["slug"]: c for c in all_pages(client, "/api/v1/courses", limit=4)}
    assert draft.slug not in listed and len(listed) == 12
    assert listed[basics.slug]["next_course"] == continuation.slug
    assert (listed[continuation.slug]["modules"], listed[continuation.slug]["hours"]) == (2, "1.0")
    with count_queries() as few:
        client.get("/api/v1/courses?limit=2")
    with count_queries() as many:
        client.get("/api/v1/courses?limit=12")
    assert len(many) == len(few)


def test_a_person_reads_their_own_progress(client: FlaskClient, count_queries) -> None:
    learner = factories.create_user()
    course = create_course(modules=4)  # three required, the fourth optional
    enrolment = enrol(learner, course)
    mark_done(enrolment, course.modules[0])
    db.session.commit()
    complete(learner, create_course())
    enrol(factories.create_user(), course)  # someone else's
    headers = token_for(learner, "learning:read")
    rows = all_pages(client, "/api/v1/courses/progress", headers, limit=1)
    first = rows[0]
    assert (first["course"], first["percent"], first["required_done"]) == (course.slug, 33, 1)
    assert (first["required_modules"], first["completed_at"]) == (3, None)
    assert rows[1]["percent"] == 100 and rows[1]["completed_at"] is not None
    for _ in range(8):
        enrol(learner, create_course())
    with count_queries() as few:
        client.get("/api/v1/courses/progress?limit=2", headers=headers)
    with count_queries() as many:
        client.get("/api/v1/courses/progress?limit=10", headers=headers)
    assert len(many) == len(few)


def test_a_person_lists_their_certificates_revoked_ones_marked(client: FlaskClient) -> None:
    learner = factories.create_user()
    kept = certificate_of(complete(learner, create_course()))
    withdrawn = certificate_of(complete(learner, create_course()))
    revoke(withdrawn, "Virheellinen")
    db.session.commit()
    certificate_of(complete(factories.create_user(), create_course()))  # someone else's
    headers = token_for(learner, "learning:read")
    listed = all_pages(client, "/api/v1/certificates", headers, limit=1)
    assert [(c["code"], c["state"]) for c in listed] == [
        (kept.code, "valid"),
        (withdrawn.code, "revoked"),
    ]
    assert listed[0]["credential_url"].endswith(f"/courses/certificates/{kept.code}.jwt")


def test_an_organisation_token_lists_its_staffs_valid_certificates(client: FlaskClient) -> None:
    contact = factories.create_user(roles={Role.CUSTOMER})
    mine = factories.create_organisation(members=(contact,))
    other = factories.create_organisation()
    ours, theirs = [], []
    for organisation, found in ((mine, ours), (other, theirs)):
        enrolment = enrol(factories.create_user(), create_course())
        enrolment.organisation_id = organisation.id
        db.session.commit()
        for module in enrolment.course.modules:
            mark_done(enrolment, module)
        db.session.commit()
        found.append(certificate_of(db.session.get(Enrolment, enrolment.id)))
    headers = token_for(contact, "learning:read", organisation=mine)
    listed = client.get("/api/v1/certificates", headers=headers).get_json()["items"]
    assert [c["code"] for c in listed] == [ours[0].code]
    revoke(ours[0], "Virheellinen")
    db.session.commit()
    assert client.get("/api/v1/certificates", headers=headers).get_json()["items"] == []
    progress = client.get("/api/v1/courses/progress", headers=headers)
    assert progress.status_code == 403  # one's progress needs a personal token


def test_an_organisation_token_stops_when_its_holder_leaves(client: FlaskClient) -> None:
    contact = factories.create_user(roles={Role.CUSTOMER})
    organisation = factories.create_organisation(members=(contact,))
    headers = token_for(contact, "learning:read", organisation=organisation)
    assert client.get("/api/v1/certificates", headers=headers).status_code == 200
    db.session.delete(db.session.get(Membership, (organisation.id, contact.id)))
    db.session.commit()
    assert client.get("/api/v1/certificates", headers=headers).status_code == 401

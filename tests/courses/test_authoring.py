"""Authoring courses and modules."""

from flask.testing import FlaskClient

from courses.models import Course
from paja.extensions import db
from paja.models import Role
from tests.conftest import Auth
from tests.courses.factories import create_course


def course_data(**fields):
    data = {"title": "Twitter-perusteet", "slug": "twitter-perusteet", "level": "beginner", "language": "fi",
            "hours": "2", "next_course": "0", "open_enrolment": "y"}  # fmt: skip
    return {**data, **fields}


def test_trainer_creates_a_course_and_modules(client: FlaskClient, auth: Auth) -> None:
    trainer = auth.login(Role.TRAINER)
    response = client.post("/courses/manage/new", data=course_data())
    course = db.session.scalar(db.select(Course))
    assert response.headers["Location"] == f"/courses/manage/{course.id}"
    assert course.author_id == trainer.id
    assert not course.published
    for title in ("Tunnukset", "Seuraaminen"):
        data = {
            "module-title": title,
            "module-minutes": "20",
            "module-required": "y",
            "module-tasks_text": "Luo tunnus\n\nTäytä profiili",
        }
        client.post(f"/courses/manage/{course.id}/modules", data=data)  # fmt: skip
    assert [m.title for m in course.modules] == ["Tunnukset", "Seuraaminen"]
    assert course.modules[0].tasks == ["Luo tunnus", "Täytä profiili"]
    client.post(f"/courses/modules/{course.modules[1].id}/up")
    db.session.expire_all()
    assert [m.title for m in course.modules] == ["Seuraaminen", "Tunnukset"]
    client.post(f"/courses/modules/{course.modules[0].id}/remove")
    db.session.expire_all()
    assert [m.title for m in course.modules] == ["Tunnukset"]


def test_bad_course_input_is_refused_and_kept(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.TRAINER)
    create_course().slug = "varattu"
    db.session.commit()
    for data, message in [
        (course_data(slug="Iso"), "Käytä pieniä kirjaimia"),
        (course_data(slug="varattu"), "Toinen kurssi käyttää jo"),
        (course_data(slug="manage"), "varattu"),
        (course_data(hours="-1"), 'id="hours-error"'),
    ]:
        page = client.post("/courses/manage/new", data=data).get_data(as_text=True)
        assert message in page, data
        assert 'value="Twitter-perusteet"' in page
    assert db.session.scalar(db.select(db.func.count()).select_from(Course)) == 1


def test_trainers_edit_only_their_own_courses(client: FlaskClient, auth: Auth) -> None:
    course = create_course()
    auth.login(Role.TRAINER)
    assert client.get(f"/courses/manage/{course.id}").status_code == 403
    assert client.get(f"/courses/modules/{course.modules[0].id}/edit").status_code == 403
    assert course.title not in client.get("/courses/manage/").get_data(as_text=True)

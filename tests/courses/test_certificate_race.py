"""Racing clicks (ticks, 'done' on the last module) complete a course once, with one certificate."""

import threading

import sqlalchemy as sa
from flask import Flask

from courses.certificate_models import Certificate
from courses.models import Course
from paja.extensions import db
from paja.models import User
from tests import factories
from tests.conftest import Auth
from tests.courses.factories import create_course, enrol

RACERS = 12


def test_racing_completion_issues_one_certificate(racing_app: Flask) -> None:
    with racing_app.app_context():
        user = factories.create_user()
        course = create_course(modules=1)
        enrol(user, course)
        ids = (user.id, course.author_id, course.id, course.slug, course.modules[0].id)
        db.session.refresh(user)
        db.session.expunge(user)
    user_id, author_id, course_id, slug, module_id = ids

    def race(path: str, data: dict) -> list[int]:
        """POST from many threads at once."""
        barrier = threading.Barrier(RACERS)
        codes: list[int] = []

        def run() -> None:
            client = racing_app.test_client()
            Auth(client).login(user)
            barrier.wait()
            codes.append(client.post(path, data=data).status_code)

        threads = [threading.Thread(target=run) for _ in range(RACERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        return codes

    module_path = f"/courses/{slug}/modules/{module_id}"
    try:
        assert race(f"{module_path}/tasks/0", {"ticked": "1"}) == [302] * RACERS
        assert race(f"{module_path}/done", {"done": "1"}) == [302] * RACERS
        with racing_app.app_context():
            names = db.session.scalars(
                sa.select(Certificate.name).where(Certificate.course_id == course_id)
            ).all()
        assert len(names) == 1
    finally:
        with racing_app.app_context():
            db.session.execute(sa.delete(Certificate).where(Certificate.course_id == course_id))
            db.session.execute(sa.delete(Course).where(Course.id == course_id))
            db.session.execute(sa.delete(User).where(User.id.in_([user_id, author_id])))
            db.session.commit()

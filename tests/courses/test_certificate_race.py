"""Racing clicks (ticks, 'done' on the last module) complete a course once, with one certificate."""

import sqlalchemy as sa
from flask import Flask

from courses.models import Certificate
from paja.extensions import db
from tests import factories
from tests.courses.factories import create_course, enrol
from tests.racing import race

RACERS = 12


def test_racing_completion_issues_one_certificate(racing_app: Flask) -> None:
    with racing_app.app_context():
        user = factories.create_user()
        course = create_course(modules=1)
        enrol(user, course)
        course_id, slug, module_id = course.id, course.slug, course.modules[0].id
        db.session.refresh(user)
        db.session.expunge(user)

    module_path = f"/courses/{slug}/modules/{module_id}"
    assert (
        race(racing_app, f"{module_path}/tasks/0", [{"ticked": "1"}] * RACERS, user)
        == [302] * RACERS
    )
    assert race(racing_app, f"{module_path}/done", [{"done": "1"}] * RACERS, user) == [302] * RACERS
    with racing_app.app_context():
        names = db.session.scalars(
            sa.select(Certificate.name).where(Certificate.course_id == course_id)
        ).all()
    assert len(names) == 1

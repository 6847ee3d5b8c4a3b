"""50 people racing for 10 seats: exactly 10 get one and 40 wait, on SQLite and PostgreSQL."""

import sqlalchemy as sa
from flask import Flask

from paja.extensions import db
from tests.racing import race
from trainings.models import Registration, RegistrationStatus, TrainingSession

RACERS, SEATS = 50, 10


def test_racing_registrations_never_overbook(racing_app: Flask) -> None:
    with racing_app.app_context():
        from tests.trainings.factories import create_session

        session = create_session(capacity=SEATS)
        session_id = session.id
    forms = [{"name": f"Kilpailija {n}", "email": f"race{n}@example.fi"} for n in range(RACERS)]
    codes = race(racing_app, f"/trainings/sessions/{session_id}/register", forms)
    assert codes == [302] * RACERS
    with racing_app.app_context():
        counts = dict(
            db.session.execute(
                sa.select(Registration.status, sa.func.count())
                .where(Registration.session_id == session_id)
                .group_by(Registration.status)
            ).all()
        )
        seats_taken = db.session.get(TrainingSession, session_id).seats_taken
    assert counts == {
        RegistrationStatus.CONFIRMED: SEATS,
        RegistrationStatus.WAITING: RACERS - SEATS,
    }
    assert seats_taken == SEATS

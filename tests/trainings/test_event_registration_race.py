"""Racing multi-day registrations (each day's capacity holds, nobody is half-registered) and
racing regroupings (everyone ends up in exactly one group)."""

import sqlalchemy as sa
from flask import Flask

from paja.extensions import db
from paja.models import User
from tests.racing import race
from trainings.models import (
    Registration,
    RegistrationStatus,
    SmallGroup,
    TrainingSession,
    group_members,
)

PEOPLE, SEATS = 12, 5


def test_racing_multi_day_registrations(racing_app: Flask) -> None:
    with racing_app.app_context():
        from tests.trainings.event_factories import create_event, days_of

        event = create_event(days=2, capacity=SEATS)
        event_id, day_ids = event.id, [day.id for day in days_of(event)]
    form = {"days": [str(d) for d in day_ids], "organisation_name": "Kilpa ry"}
    # Every person submits twice at once: one submission registers (and is sent on to the
    # event page), the other is refused whole or, once the first is in, finds nothing new.
    forms = [
        form | {"name": f"Kilpailija {n}", "email": f"race{n}@example.fi"}
        for n in range(PEOPLE)
        for _ in range(2)
    ]
    codes = race(racing_app, f"/trainings/events/{event_id}/register", forms)
    assert codes.count(302) >= PEOPLE
    assert set(codes) <= {200, 302}
    with racing_app.app_context():
        rows = db.session.execute(
            sa.select(Registration.session_id, Registration.email, Registration.status).where(
                Registration.session_id.in_(day_ids)
            )
        ).all()
        seats = [db.session.get(TrainingSession, d).seats_taken for d in day_ids]
    for day_id in day_ids:
        statuses = sorted(str(s) for d, _, s in rows if d == day_id)
        assert statuses == ["confirmed"] * SEATS + ["waiting"] * (PEOPLE - SEATS)
    days_per_person = {}
    for _, email, _ in rows:
        days_per_person[email] = days_per_person.get(email, 0) + 1
    assert set(days_per_person.values()) == {2}
    assert len(days_per_person) == PEOPLE
    assert seats == [SEATS, SEATS]
    assert all(s != RegistrationStatus.CANCELLED for _, _, s in rows)


def test_racing_regroupings_leave_everyone_in_one_group(racing_app: Flask) -> None:
    with racing_app.test_request_context():  # registering renders mail
        from tests.trainings.event_factories import create_event, days_of, register

        event = create_event(days=1, capacity=30)
        [day] = days_of(event)
        for n in range(20):
            register(event, [day], organisation_name=f"Org {n % 4}")
        organiser = db.session.get(User, event.created_by_id)
        db.session.expunge(organiser)
        day_id = day.id
    forms = [{"size": str(size), "source": "registered"} for size in (3, 4, 5, 3, 4, 5)]
    codes = race(racing_app, f"/trainings/events/days/{day_id}/groups", forms, organiser)
    assert codes == [302] * len(forms)
    with racing_app.app_context():
        memberships = db.session.execute(
            sa.select(group_members.c.registration_id, SmallGroup.number)
            .join(SmallGroup)
            .where(SmallGroup.session_id == day_id)
        ).all()
        numbers = db.session.scalars(
            sa.select(SmallGroup.number).where(SmallGroup.session_id == day_id)
        ).all()
    assert len(memberships) == 20 == len({r for r, _ in memberships})
    assert sorted(numbers) == list(range(1, len(numbers) + 1))  # one set of groups

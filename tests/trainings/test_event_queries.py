"""Network-day pages run the same number of queries however many days, people and links."""

from __future__ import annotations

import re
from datetime import time

from flask.testing import FlaskClient

from paja.extensions import db
from tests.conftest import Auth
from tests.trainings.event_factories import create_event, create_organiser, days_of, register
from trainings.models import AgendaItem, AgendaKind, Event, PresentingProject, SharedLink


def grow(event: Event, people: int, extras: int) -> None:
    """Add people to every day, and agenda items, projects and links."""
    days = days_of(event)
    for _ in range(people):
        registrations = register(event, days, consent=True)
        db.session.add(SharedLink(event_id=event.id, email=registrations[0].email,
                                  url=f"https://x.com/{registrations[0].id}", channel="x"))  # fmt: skip
    for n in range(extras):
        project = PresentingProject(event_id=event.id, name=f"Hanke {n}")
        db.session.add(project)
        db.session.flush()
        db.session.add(SharedLink(event_id=event.id, project_id=project.id,
                                  url=f"https://www.facebook.com/h{n}", channel="facebook"))  # fmt: skip
        for day in days:
            db.session.add(AgendaItem(session_id=day.id, starts_at=time(9 + n % 8),
                                      kind=AgendaKind.PRESENTATION, title=f"Esitys {n}"))  # fmt: skip
    db.session.commit()


def counts(client: FlaskClient, count_queries, paths: list[str]) -> list[int]:
    """Statements each page ran."""
    result = []
    for path in paths:
        with count_queries() as statements:
            assert client.get(path).status_code == 200, path
        result.append(len(statements))
    return result


def test_pages_do_not_grow_with_rows(client: FlaskClient, auth: Auth, count_queries) -> None:
    organiser = auth.login(create_organiser())
    small, large = create_event(organiser, days=1), create_event(organiser, days=3, capacity=40)
    grow(small, people=2, extras=1)
    grow(large, people=40, extras=8)  # 40 of them on the waiting list of no day; 120 registrations

    def paths(event: Event) -> list[str]:
        first = days_of(event)[0]
        token = first_registration_token(first.id)
        return [f"/trainings/events/{event.id}", f"/trainings/events/{event.id}/manage",
                f"/trainings/sessions/{first.id}/participants",
                f"/trainings/events/days/{first.id}/groups", f"/trainings/events/me/{token}",
                f"/trainings/events/days/{first.id}/directory",
                "/trainings/events/"]  # fmt: skip

    for event in (small, large):
        [day] = days_of(event)[:1]
        client.post(
            f"/trainings/events/days/{day.id}/groups", data={"size": "4", "source": "registered"}
        )
        client.post(f"/trainings/events/days/{day.id}/groups/publish", data={"show": "1"})
    assert counts(client, count_queries, paths(small)) == counts(
        client, count_queries, paths(large)
    )


def first_registration_token(day_id: int) -> str:
    """The personal link of a day's first registration."""
    import sqlalchemy as sa

    from trainings.models import Registration

    return db.session.scalar(
        sa.select(Registration.personal_token)
        .where(Registration.session_id == day_id)
        .order_by(Registration.id)
        .limit(1)
    )


def test_event_lists_do_not_grow_with_events(
    client: FlaskClient, auth: Auth, count_queries
) -> None:
    organiser = auth.login(create_organiser())

    def measured() -> list[int]:
        return counts(client, count_queries, ["/trainings/events/", "/trainings/events/mine"])

    create_event(organiser, days=1)
    few = measured()
    for _ in range(12):
        create_event(organiser, days=2)
    page = client.get("/trainings/events/").get_data(as_text=True)
    assert len(re.findall(r'href="/trainings/events/\d+"', page)) == 13
    assert measured() == few

"""Who the page benchmark logs in as, and which page each one loads: the people with the most
data of their kind in the generated database (so the pages grow with the scale)."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from werkzeug.security import generate_password_hash

BENCH_PASSWORD = "bench-password-not-a-secret"


@dataclass(frozen=True)
class Page:
    """A page to load, and whose login it needs (None: an anonymous visitor)."""

    name: str
    path: str
    user_id: int | None = None


QUERIES = {
    "participant": "SELECT user_id FROM registrations WHERE user_id IS NOT NULL "
    "GROUP BY user_id ORDER BY count(*) DESC, user_id LIMIT 1",
    "trainer": "SELECT t.user_id FROM session_trainers st JOIN trainers t ON t.id = st.trainer_id "
    "GROUP BY t.user_id ORDER BY count(*) DESC, t.user_id LIMIT 1",
    "event": "SELECT e.id, e.created_by_id FROM events e JOIN sessions s ON s.event_id = e.id "
    "WHERE e.created_by_id IS NOT NULL GROUP BY e.id, e.created_by_id "
    "ORDER BY sum(s.seats_taken) DESC, e.id LIMIT 1",
    "survey": "SELECT s.id, s.owner_id FROM surveys s JOIN responses r ON r.survey_id = s.id "
    "WHERE s.owner_id IS NOT NULL GROUP BY s.id, s.owner_id ORDER BY count(*) DESC, s.id LIMIT 1",
    "plan": "SELECT p.id, p.owner_id FROM plans p JOIN plan_entries e ON e.plan_id = p.id "
    "GROUP BY p.id, p.owner_id ORDER BY count(*) DESC, p.id LIMIT 1",
    "programme": "SELECT p.programme_id, p.user_id FROM programme_participants p "
    "WHERE p.user_id IS NOT NULL ORDER BY p.points DESC, p.id LIMIT 1",
}


def pages(database: str) -> list[Page]:
    """The pages to load; gives each person who logs in the benchmark's password."""
    engine = sa.create_engine(database)
    with engine.begin() as sql:
        one = lambda query, **values: sql.execute(sa.text(query), values).first()  # noqa: E731
        offering = one("SELECT slug FROM offerings ORDER BY id LIMIT 1")[0]
        course = one("SELECT slug FROM courses ORDER BY id LIMIT 1")[0]
        event, organiser = one(QUERIES["event"])
        token = one(
            "SELECT r.personal_token FROM registrations r JOIN sessions s ON s.id = r.session_id "
            "WHERE s.event_id = :event AND r.status = 'confirmed' ORDER BY r.id LIMIT 1",
            event=event,
        )[0]
        survey, author = one(QUERIES["survey"])
        plan, planner = one(QUERIES["plan"])
        programme, player = one(QUERIES["programme"])
        participant, trainer = one(QUERIES["participant"])[0], one(QUERIES["trainer"])[0]
        found = [
            Page("home", "/"),
            Page("catalogue", "/trainings/"),
            Page("workshop", f"/trainings/{offering}"),
            Page("courses", "/courses/"),
            Page("course", f"/courses/{course}"),
            Page("event", f"/trainings/events/{event}"),
            Page("my_event_day", f"/trainings/events/me/{token}"),
            Page("start_participant", "/", participant),
            Page("start_trainer", "/", trainer),
            Page("start_organiser", "/", organiser),
            Page("my_learning", "/courses/my", participant),
            Page("trainer_sessions", "/trainings/my-sessions", trainer),
            Page("organiser_event", f"/trainings/events/{event}/manage", organiser),
            Page("survey_summary", f"/feedback/surveys/{survey}/summary", author),
            Page("plan_calendar", f"/plans/{plan}/calendar", planner),
            Page("leaderboard", f"/incentives/{programme}/boards", player),
        ]
        hashed = generate_password_hash(BENCH_PASSWORD, method="pbkdf2:sha256:1000")
        people = {page.user_id for page in found if page.user_id is not None}
        sql.execute(
            sa.text("UPDATE users SET password_hash = :hash WHERE id IN :ids").bindparams(
                sa.bindparam("ids", expanding=True)
            ),
            {"hash": hashed, "ids": sorted(people)},
        )
    engine.dispose()
    return found


def emails(database: str, user_ids: set[int]) -> dict[int, str]:
    """The login addresses of the people who log in."""
    engine = sa.create_engine(database)
    with engine.connect() as sql:
        rows = sql.execute(
            sa.text("SELECT id, email FROM users WHERE id IN :ids").bindparams(
                sa.bindparam("ids", expanding=True)
            ),
            {"ids": sorted(user_ids)},
        ).all()
    engine.dispose()
    return {int(user_id): str(email) for user_id, email in rows}

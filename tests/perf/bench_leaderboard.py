"""Benchmark: the boards over 1 000 000 ledger entries (run by `make bench`).

Prints leaderboard_1m_ms (everything the boards page computes: the top ten per category,
team boards and one participant's standing), ledger_sum_1m_ms (the bare SQL aggregation of
the ledger the boards would need without running totals) and their ratio.
Targets: under 100 ms, and at most 1.5 times the bare aggregation.
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa

from incentives.models import LedgerEntry, Participant, Score
from incentives.queries.standings import my_standing, team_boards, top_board
from paja.extensions import db
from tests.conftest import make_file_app
from tests.incentives.factories import programme

ENTRIES = 1_000_000
PEOPLE = 10_000


def fill() -> tuple[int, int]:
    """A programme with 10 000 participants and a million ledger entries; (programme, a person)."""
    item = programme(teams=("Poliisiosasto", "Maahanmuutto-osasto", "Pelastusosasto"))
    categories = [c.id for c in item.categories]
    teams = [t.id for t in item.teams]
    at = item.created_at
    db.session.execute(sa.insert(Participant), [
        {"id": n + 1, "programme_id": item.id, "user_id": None, "team_id": teams[n % 3],
         "visibility": ("name", "pseudonym", "hidden")[n % 3], "pseudonym": f"Nimimerkki {n}", "joined_at": at}
        for n in range(PEOPLE)])  # fmt: skip
    rng = random.Random(7)
    for start in range(0, ENTRIES, 100_000):
        db.session.execute(sa.insert(LedgerEntry), [
            {"programme_id": item.id, "participant_id": rng.randrange(PEOPLE) + 1,
             "category_id": categories[n % 3], "points": rng.choice((5, 10, 15, 20)),
             "source": f"b:{n}", "generation": 0, "reason": "", "created_at": at - timedelta(days=40)}
            for n in range(start, start + 100_000)])  # fmt: skip
    db.session.execute(sa.insert(Score).from_select(
        ["participant_id", "category_id", "programme_id", "points"],
        sa.select(LedgerEntry.participant_id, LedgerEntry.category_id, LedgerEntry.programme_id,
                  sa.func.sum(LedgerEntry.points))
        .group_by(LedgerEntry.participant_id, LedgerEntry.category_id, LedgerEntry.programme_id)))  # fmt: skip
    totals = (
        sa.select(sa.func.sum(Score.points))
        .where(Score.participant_id == Participant.id)
        .scalar_subquery()
    )
    db.session.execute(sa.update(Participant).values(points=sa.func.coalesce(totals, 0)))
    db.session.commit()
    return item.id, 1


def best(run: object, times: int = 5) -> float:
    """The best of a few runs, in milliseconds."""
    found = []
    for _ in range(times):
        started = time.perf_counter()
        run()  # type: ignore[operator]
        found.append((time.perf_counter() - started) * 1000)
    return min(found)


def main() -> None:
    """Fill a fresh SQLite file, then time the boards against the bare aggregation."""
    with tempfile.TemporaryDirectory() as folder:
        app = make_file_app(Path(folder))
        with app.test_request_context():
            programme_id, person_id = fill()
            from incentives.models import Programme

            item = db.session.get(Programme, programme_id)
            person = db.session.get(Participant, person_id)
            assert item is not None and person is not None

            def boards() -> None:
                top_board(item)
                team_boards(item)
                my_standing(person)

            def bare_sum() -> None:
                db.session.execute(
                    sa.select(LedgerEntry.participant_id, LedgerEntry.category_id,
                              sa.func.sum(LedgerEntry.points))
                    .where(LedgerEntry.programme_id == programme_id)
                    .group_by(LedgerEntry.participant_id, LedgerEntry.category_id)
                ).all()  # fmt: skip

            leaderboard, aggregation = best(boards), best(bare_sum)
    print(f"leaderboard_1m_ms: {leaderboard:.0f} ms")
    print(f"ledger_sum_1m_ms: {aggregation:.0f} ms")
    print(f"leaderboard_vs_sum: {leaderboard / aggregation:.2f} ratio")


if __name__ == "__main__":
    main()

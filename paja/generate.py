"""`paja generate --scale N`: realistic data in bulk for benchmarks (N = 1 demo size … 100).

The shell makes people and organisations; each domain package adds its own generator to
app.extensions[GENERATORS] and builds on what the lower ones made. Rows go in with
executemany and explicit ids (PostgreSQL's id sequences are moved past them afterwards).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from flask import current_app

from paja.business_id import check_digit
from paja.database import utcnow
from paja.extensions import db
from paja.models import Membership, Organisation, Role, User, UserRole

GENERATORS = "paja.generators"  # app.extensions key: functions(scale, rng) -> counts
Generator = Callable[[int, random.Random], dict[str, int]]
FIRST = ("Aino", "Eero", "Helmi", "Juho", "Kaisa", "Leo", "Minna", "Olli", "Sanna", "Åsa")
PEOPLE_PER_STEP = 200
LAST = ("Virtanen", "Korhonen", "Nieminen", "Mäkinen", "Hämäläinen", "Öhman", "Laine")


def next_id(table: Any) -> int:
    """The first free id of a model's table."""
    return int(db.session.scalar(sa.select(sa.func.coalesce(sa.func.max(table.id), 0)))) + 1


def bulk(model: Any, rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows with executemany, in chunks; keep PostgreSQL's id sequence ahead of them."""
    for start in range(0, len(rows), 20_000):
        db.session.execute(sa.insert(model), list(rows[start : start + 20_000]))
    table = model.__table__ if hasattr(model, "__table__") else model
    if db.engine.dialect.name == "postgresql" and "id" in table.c and rows:
        highest = sa.select(sa.func.max(table.c.id)).scalar_subquery()
        sequence = sa.func.pg_get_serial_sequence(table.name, "id")
        db.session.execute(sa.select(sa.func.setval(sequence, highest)))


def _business_id(n: int) -> str:
    """A valid made-up business ID."""
    while True:
        digits = f"{7000000 + n:07d}"
        found = check_digit(digits)
        if found is not None:
            return f"{digits}-{found}"
        n += 1000003


def people_and_organisations(scale: int, rng: random.Random) -> dict[str, int]:
    """PEOPLE_PER_STEP people per scale step and 5 organisations of 40 members each."""
    first_user, first_org = next_id(User), next_id(Organisation)
    now = utcnow()
    users = [
        {"id": first_user + n, "email": f"gen{first_user + n}@scale.example",
         "name": f"{rng.choice(FIRST)} {rng.choice(LAST)} {first_user + n}",
         "password_hash": "!", "active": True, "session_token": f"g{first_user + n}", "created_at": now}
        for n in range(PEOPLE_PER_STEP * scale)
    ]  # fmt: skip
    bulk(User, users)
    bulk(UserRole, [{"user_id": u["id"], "role": Role.PARTICIPANT} for u in users])
    organisations = [
        {"id": first_org + n, "name": f"Kunta {first_org + n}", "business_id": _business_id(first_org + n),
         "created_at": now}
        for n in range(5 * scale)
    ]  # fmt: skip
    bulk(Organisation, organisations)
    bulk(Membership, [
        {"organisation_id": first_org + n // 40, "user_id": u["id"], "created_at": now}
        for n, u in enumerate(users)
    ])  # fmt: skip
    return {"users": len(users), "organisations": len(organisations)}


def generated_users(limit: int | None = None) -> list[int]:
    """Ids of generated people, in order."""
    statement = sa.select(User.id).where(User.email.like("gen%@scale.example")).order_by(User.id)
    return list(db.session.scalars(statement.limit(limit) if limit else statement))


def people_of_this_run(scale: int) -> list[int]:
    """Ids of the people the current run made (generated_users() holds earlier runs' too)."""
    return generated_users()[-PEOPLE_PER_STEP * scale :]


def generate(scale: int, seed: int = 2026) -> dict[str, int]:
    """Run the shell's and every package's generator; the rows each made."""
    rng = random.Random(seed)
    counts = people_and_organisations(scale, rng)
    generators: list[Generator] = current_app.extensions.get(GENERATORS, [])
    for generator in generators:
        counts |= generator(scale, rng)
    db.session.commit()
    return counts

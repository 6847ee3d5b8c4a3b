"""The ledger: once per source, reversals keep totals right, bonuses need a justification."""

import re

import pytest
import sqlalchemy as sa
from flask import Flask

from incentives.models import LedgerEntry, Score
from incentives.operations.ledger import award, give_bonus, reverse, revoke
from paja.errors import RuleViolation
from paja.extensions import db
from tests.incentives.factories import manager_of, participant, programme


def totals(participant_id: int) -> tuple[int, int]:
    """(the running total, the ledger's sum) of a participant."""
    score = db.session.scalar(
        sa.select(sa.func.sum(Score.points)).where(Score.participant_id == participant_id)
    )
    ledger = db.session.scalar(
        sa.select(sa.func.sum(LedgerEntry.points)).where(
            LedgerEntry.participant_id == participant_id
        )
    )
    return score or 0, ledger or 0


def test_a_source_counts_once_and_again_only_after_its_reversal(app: Flask) -> None:
    item = programme()
    person = participant(item)
    social = item.categories[0]
    assert award(person, social, 20, "attendance:1", "Osallistui") is not None
    assert award(person, social, 20, "attendance:1", "Osallistui") is None
    assert totals(person.id) == (20, 20)
    assert revoke(person, "attendance:1", "Läsnäolo poistettu") is not None
    assert revoke(person, "attendance:1", "Läsnäolo poistettu") is None
    assert totals(person.id) == (0, 0)
    again = award(person, social, 20, "attendance:1", "Osallistui taas")
    assert again is not None and again.generation == 1
    assert totals(person.id) == (20, 20)


def test_corrections_never_edit_and_keep_totals_right(app: Flask) -> None:
    item = programme()
    person = participant(item)
    manager = manager_of(item)
    first = give_bonus(person, item.categories[1], 30, "Intranet-juttusarja", manager)
    give_bonus(person, item.categories[1], -5, "Korjaus: yksi juttu laskettiin kahdesti", manager)
    correction = reverse(first, "Väärä luokka", manager)
    give_bonus(person, item.categories[2], 30, "Intranet-juttusarja oikeaan luokkaan", manager)
    db.session.commit()
    assert totals(person.id) == (25, 25)
    rows = db.session.scalars(
        sa.select(LedgerEntry).where(LedgerEntry.participant_id == person.id)
    ).all()
    assert len(rows) == 4 and correction.reverses_id == first.id and first.points == 30
    with pytest.raises(RuleViolation, match=re.escape("Korjausta ei voi itseään perua.")):
        reverse(correction, "Korjauksen korjaus")


def test_a_bonus_needs_a_justification_and_a_sensible_amount(app: Flask) -> None:
    item = programme()
    person = participant(item)
    manager = manager_of(item)
    for points, why, message in ((10, "  ", "Kirjoita, miksi lisäpisteet annetaan."),
                                 (0, "Nolla", "Anna -1000–1000 pistettä, ei 0."),
                                 (5000, "Liikaa", "Anna -1000–1000 pistettä, ei 0.")):  # fmt: skip
        with pytest.raises(RuleViolation, match=re.escape(message)):
            give_bonus(person, item.categories[0], points, why, manager)
    other = programme()
    with pytest.raises(RuleViolation, match=re.escape("Valitse jokin ohjelman luokista.")):
        give_bonus(person, other.categories[0], 10, "Väärä ohjelma", manager)

"""Backup, wipe, restore: the same data again, on SQLite (a file) and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

from paja.backup import BackupError, backup, restore
from paja.extensions import db
from tests import factories


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order."""
    return {
        table.name: sorted(map(tuple, db.session.execute(sa.select(table)).all()), key=repr)
        for table in db.metadata.sorted_tables
    }


def fill() -> None:
    """Some people, organisations, sessions and registrations."""
    from tests.trainings.factories import create_registration, create_session

    for n in range(3):
        user = factories.create_user(name=f"Varmuus Kopio {n}")
        factories.create_organisation(members=(user,))
        create_registration(create_session(), user=user)


def test_backup_wipe_restore_gives_identical_data(racing_app: Flask, tmp_path: Path) -> None:
    file = tmp_path / "paja.backup"
    with racing_app.app_context():
        fill()
        before = snapshot()
        backup(file)
        assert file.stat().st_size > 0
        for table in reversed(db.metadata.sorted_tables):  # wipe
            db.session.execute(table.delete())
        db.session.commit()
        assert all(rows == [] for rows in snapshot().values())
        restore(file)
        assert snapshot() == before


def test_the_commands_report_what_they_did(racing_app: Flask, tmp_path: Path) -> None:
    file = tmp_path / "paja.backup"
    with racing_app.app_context():
        fill()
        before = snapshot()
    runner = racing_app.test_cli_runner()
    made = runner.invoke(args=["backup", str(file)])
    assert made.exit_code == 0 and "Backup written to" in made.output
    refused = runner.invoke(args=["restore", str(file)], input="n\n")
    assert refused.exit_code != 0  # asks first
    done = runner.invoke(args=["restore", str(file), "--yes"])
    assert done.exit_code == 0 and "Database restored" in done.output
    with racing_app.app_context():
        assert snapshot() == before


def test_restoring_something_that_is_not_a_backup_fails_cleanly(
    racing_app: Flask, tmp_path: Path
) -> None:
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"not a database")
    with racing_app.app_context():
        fill()
        before = snapshot()
        with pytest.raises(BackupError):
            restore(junk)
        assert snapshot() == before

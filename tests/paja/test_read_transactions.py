"""Page reads on SQLite do not wait for a writer; writes still queue behind each other."""

import sqlite3
from pathlib import Path

import pytest
from flask import Flask

from tests.conftest import make_file_app

# SQLite's locking, on a file of the test's own (not the run's test database): the
# PostgreSQL run leaves it out like the tests that touch no database.
pytestmark = pytest.mark.nodb


@pytest.fixture
def file_app(tmp_path: Path) -> Flask:
    return make_file_app(tmp_path)


def test_a_page_is_read_while_a_writer_holds_the_lock(file_app: Flask, tmp_path: Path) -> None:
    database = next(tmp_path.glob("*.sqlite3"))
    writer = sqlite3.connect(database, isolation_level=None, timeout=0.1)
    writer.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
    try:
        client = file_app.test_client()
        assert client.get("/trainings/").status_code == 200
        assert client.get("/courses/").status_code == 200
        second = sqlite3.connect(database, isolation_level=None, timeout=0.1)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            second.execute("BEGIN IMMEDIATE")  # a second writer still has to wait
        second.close()
    finally:
        writer.execute("ROLLBACK")
        writer.close()

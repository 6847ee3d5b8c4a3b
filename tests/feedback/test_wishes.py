"""Theme wishes: adding, voting once per person, merging without double counting, ranking."""

import csv
import io

import pytest
from flask import Flask
from flask.testing import FlaskClient

from feedback.models import Wish, WishBoard, WishStatus
from feedback.operations.wishes import add_wish, create_board, merge, vote
from feedback.queries.wishes import ranked
from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import Role
from tests import factories
from tests.conftest import Auth


def board_of(owner=None) -> WishBoard:
    board = create_board(
        owner or factories.create_user(roles={Role.ORGANISER}), "Verkostopäivien teemat"
    )
    db.session.commit()
    return board


def test_votes_count_once_per_person_and_rank(app: Flask) -> None:
    board = board_of()
    ads, groups = add_wish(board, "Somemainonta"), add_wish(board, "Pienryhmät")
    assert vote(board, ads, "visitor:a")
    assert not vote(board, ads, "visitor:a")
    vote(board, groups, "visitor:a")
    vote(board, groups, "user:7")
    assert [(r.wish.text, r.votes) for r in ranked(board)] == [
        ("Pienryhmät", 2),
        ("Somemainonta", 1),
    ]


def test_merging_combines_votes_without_double_counting(app: Flask) -> None:
    board = board_of()
    first, duplicate, other = (
        add_wish(board, t) for t in ("Somemainonta", "Mainonta somessa", "Videot")
    )
    for voter in ("a", "b"):
        vote(board, first, voter)
    for voter in ("b", "c", "d"):
        vote(board, duplicate, voter)
    merge(board, duplicate, first)
    assert [(r.wish.text, r.votes) for r in ranked(board)] == [("Somemainonta", 4), ("Videot", 0)]
    assert not vote(board, duplicate, "c")  # a vote for the merged wish goes to its target
    assert vote(board, duplicate, "e")
    assert ranked(board)[0].votes == 5
    with pytest.raises(RuleViolation):
        merge(board, first, first)
    with pytest.raises(RuleViolation):
        merge(board, duplicate, other)


def test_wish_rules(app: Flask) -> None:
    board = board_of()
    with pytest.raises(RuleViolation):
        add_wish(board, "   ")
    with pytest.raises(RuleViolation):
        add_wish(board, "x" * 501)
    assert add_wish(board, "x" * 500)
    board.is_open = False
    with pytest.raises(RuleViolation):
        add_wish(board, "Myöhässä")


def test_public_board_add_and_vote_with_cookie(client: FlaskClient) -> None:
    board = board_of()
    page = client.post(
        f"/feedback/w/{board.token}", data={"text": "x" * 501, "name": "Maija"}
    ).get_data(as_text=True)
    assert "Kirjoita alle 500 merkkiä." in page
    assert 'value="Maija"' in page
    client.post(f"/feedback/w/{board.token}", data={"text": "Sisäinen viestintä", "name": "Maija"})
    wish = db.session.scalar(db.select(Wish))
    client.post(f"/feedback/w/{board.token}/vote/{wish.id}")
    client.post(f"/feedback/w/{board.token}/vote/{wish.id}")
    assert ranked(board)[0].votes == 1
    other_browser = client.application.test_client()
    other_browser.post(f"/feedback/w/{board.token}/vote/{wish.id}")
    assert ranked(board)[0].votes == 2
    assert client.get("/feedback/w/not-a-token").status_code == 404


def test_organiser_manages_own_board_and_exports(client: FlaskClient, auth: Auth) -> None:
    organiser = auth.login(Role.ORGANISER)
    response = client.post("/feedback/boards/", data={"title": "Teemat 2027", "description": ""})
    board = db.session.scalar(db.select(WishBoard))
    assert response.headers["Location"] == f"/feedback/boards/{board.id}"
    wish = add_wish(board, "Videot")
    vote(board, wish, "user:1")
    db.session.commit()
    client.post(f"/feedback/boards/{board.id}/wishes/{wish.id}/status", data={"status": "planned"})
    assert wish.status == WishStatus.PLANNED
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(f"/feedback/boards/{board.id}?format=csv")
                .get_data(as_text=True)
                .lstrip("\ufeff")
            ),
            delimiter=";",
        )
    )
    assert rows == [["Toive", "Ääniä", "Tila", "Nimi"], ["Videot", "1", "suunniteltu", ""]]
    auth.login(factories.create_user(roles={Role.ORGANISER}))
    assert client.get(f"/feedback/boards/{board.id}").status_code == 403
    assert organiser

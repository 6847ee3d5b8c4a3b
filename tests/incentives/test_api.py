"""The incentives API keeps the pages' privacy: only those who opted in on the boards, by the
name they chose; nobody's total but one's own; a share, not a place, where the programme
says so; and only one's own organisations' programmes."""

import re

from flask.testing import FlaskClient

from incentives.labels import StandingView, Visibility
from paja.models import Role
from tests.api_helpers import all_pages, token_for
from tests.incentives.factories import member, participant, programme
from tests.incentives.test_standing import give


def test_boards_show_those_who_opted_in_by_their_chosen_name(client: FlaskClient) -> None:
    item = programme()
    named = participant(item, Visibility.NAME)
    pseudo = participant(item, Visibility.PSEUDONYM, pseudonym="Partioauto")
    hidden = participant(item, Visibility.HIDDEN)
    for person, points in ((named, 30), (pseudo, 20), (hidden, 50)):
        give(person, points)
    headers = token_for(named.user, "programmes:read")
    boards = client.get(f"/api/v1/programmes/{item.id}/boards", headers=headers).get_json()
    first = boards[0]
    assert first["category"]["id"] == item.categories[0].id
    assert first["top"] == [{"rank": 1, "name": named.user.name}, {"rank": 2, "name": "Partioauto"}]
    text = str(boards)
    assert hidden.user.name not in text and pseudo.user.name not in text
    assert first["teams"] == []  # no team has three on the boards


def test_ones_standing_tells_neighbours_but_never_their_points(client: FlaskClient) -> None:
    item = programme()
    people = [participant(item) for _ in range(5)]
    for person, points in zip(people, (131, 97, 64, 41, 17), strict=True):
        give(person, points)
    headers = token_for(people[2].user, "programmes:read")
    rows = client.get(f"/api/v1/programmes/{item.id}/standing", headers=headers).get_json()
    total = rows[-1]
    assert total["category"] is None and (total["points"], total["rank"], total["of"]) == (64, 3, 5)
    assert total["neighbours"] == [
        {"rank": 2, "name": people[1].user.name},
        {"rank": 4, "name": people[3].user.name},
    ]
    assert not {"131", "97", "41", "17"} & set(re.findall(r"\d+", str(rows)))


def test_a_relative_programme_tells_a_share_and_spares_the_lower_half(
    client: FlaskClient,
) -> None:
    item = programme(view=StandingView.RELATIVE)
    people = [participant(item) for _ in range(8)]
    for n, person in enumerate(people):
        give(person, 100 - 10 * n)
    path = f"/api/v1/programmes/{item.id}/standing"
    top = client.get(path, headers=token_for(people[1].user, "programmes:read")).get_json()[-1]
    assert (top["share"], top["rank"], top["of"], top["neighbours"]) == (25, None, None, [])
    low = client.get(path, headers=token_for(people[6].user, "programmes:read")).get_json()[-1]
    assert (low["share"], low["rank"]) == (None, None)


def test_only_ones_own_organisations_programmes_are_read(client: FlaskClient) -> None:
    item, other = programme(), programme()
    person = member(item.organisation)
    headers = token_for(person, "programmes:read")
    listed = all_pages(client, "/api/v1/programmes", headers, limit=1)
    assert [p["id"] for p in listed] == [item.id]
    for part in ("boards", "standing"):
        assert (
            client.get(f"/api/v1/programmes/{other.id}/{part}", headers=headers).status_code == 404
        )
    not_in = client.get(f"/api/v1/programmes/{item.id}/standing", headers=headers)
    assert not_in.status_code == 404 and "Et ole mukana" in not_in.get_json()["detail"]


def test_an_organisation_token_reads_its_programmes_boards_but_no_standing(
    client: FlaskClient,
) -> None:
    item = programme()
    contact = member(item.organisation, Role.CUSTOMER)
    scoped = token_for(contact, "programmes:read", organisation=item.organisation)
    listed = client.get("/api/v1/programmes", headers=scoped).get_json()["items"]
    assert [p["id"] for p in listed] == [item.id]
    assert client.get(f"/api/v1/programmes/{item.id}/boards", headers=scoped).status_code == 200
    assert client.get(f"/api/v1/programmes/{item.id}/standing", headers=scoped).status_code == 403
    elsewhere = programme()
    path = f"/api/v1/programmes/{elsewhere.id}/boards"
    assert client.get(path, headers=scoped).status_code == 404

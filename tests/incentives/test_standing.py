"""Standing and boards: opt-in only, neighbours or a share without others' totals, teams of 3+."""

import re

import sqlalchemy as sa
from flask.testing import FlaskClient

from incentives.labels import StandingView, Visibility
from incentives.models import Participant, Score
from incentives.operations.ledger import award
from paja.extensions import db
from tests.conftest import Auth
from tests.incentives.factories import manager_of, member, participant, programme


def main_of(response) -> str:  # type: ignore[no-untyped-def]
    """The page's main content (the header names whoever is logged in)."""
    return response.get_data(as_text=True).split("<main")[1].split("</main>")[0]


def give(person: Participant, points: int, category: int = 0) -> None:
    award(
        person,
        person.programme.categories[category],
        points,
        f"test:{person.id}:{points}:{category}",
        "Testi",
    )
    db.session.commit()


def test_boards_show_only_those_who_opted_in_and_leaving_removes_one(
    client: FlaskClient, auth: Auth
) -> None:
    item = programme()
    named = participant(item, Visibility.NAME)
    pseudo = participant(item, Visibility.PSEUDONYM, pseudonym="Partioauto")
    hidden = participant(item, Visibility.HIDDEN)
    for person, points in ((named, 30), (pseudo, 20), (hidden, 50)):
        give(person, points)
    auth.login(named.user)
    boards = main_of(client.get(f"/incentives/{item.id}/boards?level=1"))
    assert named.user.name in boards and "Partioauto" in boards
    assert pseudo.user.name not in boards and hidden.user.name not in boards
    client.post(f"/incentives/{item.id}/leave")
    boards = main_of(client.get(f"/incentives/{item.id}/boards?level=1"))
    assert named.user.name not in boards
    auth.login(manager_of(item))
    awards = client.get(f"/incentives/{item.id}/awards").get_data(as_text=True)
    assert (
        named.user.name not in awards.split("Anna tunnustus")[0]
        and hidden.user.name not in awards.split("Anna tunnustus")[0]
    )


def test_neighbours_view_shows_ranks_and_names_but_never_others_points(
    client: FlaskClient, auth: Auth
) -> None:
    item = programme()
    people = [participant(item) for _ in range(5)]
    for person, points in zip(people, (131, 97, 64, 41, 17), strict=True):
        give(person, points)
    auth.login(people[2].user)
    page = client.get(f"/incentives/{item.id}").get_data(as_text=True)
    standing = page.split("Tilanteesi")[1].split("Kirjaa toiminta")[0]
    assert "3./5" in standing
    assert f"2. {people[1].user.name}" in standing and f"4. {people[3].user.name}" in standing
    assert people[0].user.name not in standing
    numbers = set(re.findall(r"\b\d+\b", re.sub(r"<[^>]+>", " ", standing)))
    assert not {"131", "97", "41", "17"} & numbers  # only one's own 64 is shown
    assert "64" in numbers


def test_relative_view_shows_a_share_and_spares_the_lower_half(
    client: FlaskClient, auth: Auth
) -> None:
    item = programme(view=StandingView.RELATIVE)
    people = [participant(item) for _ in range(8)]
    for n, person in enumerate(people):
        give(person, 100 - 10 * n)
    auth.login(people[1].user)
    top = (
        client.get(f"/incentives/{item.id}")
        .get_data(as_text=True)
        .split("Tilanteesi")[1]
        .split("Kirjaa toiminta")[0]
    )
    assert "parhaat 25 %" in top
    assert people[0].user.name not in top and people[2].user.name not in top
    auth.login(people[6].user)
    low = (
        client.get(f"/incentives/{item.id}")
        .get_data(as_text=True)
        .split("Tilanteesi")[1]
        .split("Kirjaa toiminta")[0]
    )
    assert "Jatka samaan malliin: jokainen piste lasketaan." in low
    assert "7./8" not in low and "/8" not in low


def test_a_team_shows_only_with_three_participants_on_the_boards(
    client: FlaskClient, auth: Auth
) -> None:
    item = programme(teams=("Isot", "Pienet"))
    big = [participant(item, team=0) for _ in range(3)]
    small = [participant(item, team=1) for _ in range(2)] + [
        participant(item, Visibility.HIDDEN, team=1)
    ]
    for person in big + small:
        give(person, 10)
    auth.login(big[0].user)
    page = client.get(f"/incentives/{item.id}/boards").get_data(as_text=True)
    assert "<td>Isot</td>" in page and "Pienet" not in page


def test_a_pseudonym_is_needed_and_unique(client: FlaskClient, auth: Auth) -> None:
    item = programme()
    participant(item, Visibility.PSEUDONYM, pseudonym="Partioauto")
    newcomer = member(item.organisation)
    auth.login(newcomer)
    none = client.post(
        f"/incentives/{item.id}/join",
        data={"visibility": "pseudonym", "pseudonym": "", "team": "0"},
    )
    assert "Valitse nimimerkki." in none.get_data(as_text=True)
    taken = client.post(
        f"/incentives/{item.id}/join",
        data={"visibility": "pseudonym", "pseudonym": "partioauto", "team": "0"},
    )
    assert "Joku käyttää jo tätä nimimerkkiä." in taken.get_data(as_text=True)
    joined = client.post(
        f"/incentives/{item.id}/join",
        data={"visibility": "pseudonym", "pseudonym": "Kotoutuja", "team": "0"},
    )
    assert joined.status_code == 302
    assert (
        db.session.scalar(
            sa.select(Participant.pseudonym).where(Participant.user_id == newcomer.id)
        )
        == "Kotoutuja"
    )


def test_boards_and_the_report_run_the_same_queries_for_10_and_10000_participants(
    client: FlaskClient, auth: Auth, count_queries
) -> None:
    item = programme()
    viewer = participant(item)
    give(viewer, 10)

    def fill(count: int) -> None:
        users = db.session.execute(sa.text("SELECT COALESCE(MAX(id), 0) FROM users")).scalar_one()
        db.session.execute(sa.text(
            "INSERT INTO users (id, email, name, password_hash, active, session_token, created_at) "
            "VALUES (:id, :email, :name, '!', :active, 'x', :at)"),
            [{"id": users + n + 1, "email": f"bulk{users + n}@example.fi", "name": f"Bulk {n}", "active": True,
              "at": viewer.joined_at} for n in range(count)])  # fmt: skip
        first = db.session.execute(
            sa.text("SELECT COALESCE(MAX(id), 0) FROM programme_participants")
        ).scalar_one()
        db.session.execute(sa.insert(Participant), [
            {"id": first + n + 1, "programme_id": item.id, "user_id": users + n + 1, "team_id": item.teams[n % 2].id,
             "visibility": "name", "pseudonym": "", "joined_at": viewer.joined_at} for n in range(count)])  # fmt: skip
        db.session.execute(sa.insert(Score), [
            {"participant_id": first + n + 1, "category_id": item.categories[n % 3].id, "programme_id": item.id,
             "points": n % 97} for n in range(count)])  # fmt: skip
        db.session.commit()

    manager = manager_of(item)
    auth.login(viewer.user)
    fill(9)
    pages = [f"/incentives/{item.id}", f"/incentives/{item.id}/boards"]
    reports = [f"/incentives/{item.id}/awards", f"/incentives/{item.id}/report.xlsx"]

    def measure() -> list[int]:
        counts = []
        for who, urls in ((viewer.user, pages), (manager, reports)):
            auth.login(who)
            for url in urls:
                with count_queries() as statements:
                    assert client.get(url).status_code == 200
                counts.append(len(statements))
        return counts

    few = measure()
    fill(9990)
    assert measure() == few

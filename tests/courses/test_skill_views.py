"""Skill checks over HTTP: taking both phases, the result, and group profiles with their access rules."""

import csv
import io

from flask.testing import FlaskClient
from openpyxl import load_workbook

from courses.operations.skills import take
from courses.queries.progress import missing_for_completion
from paja.extensions import db
from paja.models import Role
from tests import factories
from tests.conftest import Auth
from tests.courses.factories import create_course, create_skill_check
from tests.courses.factories import enrol as enrol_directly


def answers(check, rating: str, right: bool) -> dict:
    data = {f"s{a.id}-{i}": rating for a in check.areas for i in range(len(a.statements))}
    data[f"k{check.questions[0].id}"] = "1" if right else "0"
    return data


def test_both_phases_show_growth_and_advice(client: FlaskClient, auth: Auth) -> None:
    user = auth.login(Role.PARTICIPANT)
    course = create_course()
    check = create_skill_check(course)
    enrolment = enrol_directly(user, course)
    page = client.post(
        f"/courses/{course.slug}/skills/before", data={f"s{check.areas[0].id}-0": "9"}
    )
    text = page.get_data(as_text=True)
    assert "puuttuu" in text and "Valitse arvo 1–5." in text
    assert 'value="9"' not in text
    response = client.post(
        f"/courses/{course.slug}/skills/before", data=answers(check, "2", right=False)
    )
    assert response.headers["Location"] == f"/courses/{course.slug}/skills/result"
    page = client.get(f"/courses/{course.slug}/skills/result").get_data(as_text=True)
    assert "Aloittelija" in page
    assert "Suositellut osiot" in page and course.modules[0].title in page
    assert "kurssin jälkeistä osaamiskartoitusta ei ole vielä tehty" in "; ".join(
        missing_for_completion(enrolment)
    )
    assert (
        client.get(f"/courses/{course.slug}/skills/before")
        .headers["Location"]
        .endswith("/skills/result")
    )
    client.post(f"/courses/{course.slug}/skills/after", data=answers(check, "5", right=True))
    page = client.get(f"/courses/{course.slug}/skills/result").get_data(as_text=True)
    assert "Edistynyt" in page
    assert "+83" in page  # area one from 17 to 100


def test_a_stranger_cannot_take_or_see_a_skill_check(client: FlaskClient, auth: Auth) -> None:
    course = create_course()
    create_skill_check(course)
    auth.login(Role.PARTICIPANT)
    assert client.get(f"/courses/{course.slug}/skills/before").status_code == 403
    assert client.get(f"/courses/{course.slug}/skills/result").status_code == 403


def test_group_profile_for_the_customer_only_of_three_or_more(
    client: FlaskClient, auth: Auth
) -> None:
    course = create_course()
    check = create_skill_check(course)
    customer = factories.create_user(roles={Role.CUSTOMER})
    staff = [factories.create_user() for _ in range(3)]
    organisation = factories.create_organisation(members=(customer, *staff))
    other = factories.create_organisation()
    rating_sets = {"1": {}, "3": {}, "5": {}}
    for person, rating in zip(staff[:2], ("1", "3"), strict=True):
        take(
            check,
            person,
            "before",
            {(a.id, i): int(rating) for a in check.areas for i in range(2)},
            rating_sets[rating],
        )
    db.session.commit()
    auth.login(customer)
    page = client.get(f"/courses/{course.slug}/group?organisation={organisation.id}").get_data(
        as_text=True
    )
    assert "Alle kolme henkilöä on vastannut" in page
    take(
        check,
        staff[2],
        "before",
        {(a.id, i): 5 for a in check.areas for i in range(2)},
        {check.questions[0].id: {1}},
    )
    db.session.commit()
    page = client.get(f"/courses/{course.slug}/group?organisation={organisation.id}").get_data(
        as_text=True
    )
    assert "3 henkilöä" in page
    assert staff[0].name not in page  # never one person's answers
    # The chart: a bar per competence area before the course, none after (nobody yet).
    assert page.count('class="progress-bar bg-secondary"') == len(check.areas)
    assert page.count('class="progress-bar bg-primary"') == 0
    url = f"/courses/{course.slug}/group?organisation={organisation.id}"
    csv_rows = list(
        csv.reader(
            io.StringIO(client.get(f"{url}&format=csv").text.lstrip("\ufeff")), delimiter=";"
        )
    )
    assert csv_rows[0] == ["Osaamisalue", "Ennen", "Jälkeen", "Kehitys"]
    assert [row[0] for row in csv_rows[1 : 1 + len(check.areas)]] == [a.name for a in check.areas]
    assert all(row[2] == "" for row in csv_rows[1 : 1 + len(check.areas)])  # nobody after yet
    assert ["Henkilöt", "3", "", ""] in csv_rows
    sheet = load_workbook(io.BytesIO(client.get(f"{url}&format=xlsx").data)).active
    assert sheet.cell(2, 1).value == check.areas[0].name
    assert isinstance(sheet.cell(2, 2).value, (int, float))
    assert staff[0].name not in client.get(f"{url}&format=csv").text
    assert client.get(f"/courses/{course.slug}/group?organisation={other.id}").status_code == 403
    auth.login(staff[0])
    assert (
        client.get(f"/courses/{course.slug}/group?organisation={organisation.id}").status_code
        == 403
    )


def test_author_builds_a_skill_check(client: FlaskClient, auth: Auth) -> None:
    author = auth.login(Role.TRAINER)
    course = create_course(author=author)
    page = client.post(
        f"/courses/manage/{course.id}/skills",
        data={"intermediate_from": "80", "advanced_from": "60"},
    )
    assert "edistyneen tason on alettava" in page.get_data(as_text=True).lower()
    client.post(
        f"/courses/manage/{course.id}/skills",
        data={"intermediate_from": "40", "advanced_from": "75"},
    )
    area = {
        "area-name": "Profiili",
        "area-statements_text": "Osaan luoda tunnuksen\n\nOsaan lisätä kuvan",
        "area-module": str(course.modules[0].id),
    }
    client.post(f"/courses/manage/{course.id}/skills/areas", data=area)
    from courses.queries.skills import skill_check_of

    check = skill_check_of(course)
    assert check.areas[0].statements == ["Osaan luoda tunnuksen", "Osaan lisätä kuvan"]
    bad = {
        "question-text": "Mikä?",
        "question-choices_text": "A\nB",
        "question-correct": "3",
        "question-area": str(check.areas[0].id),
    }
    page = client.post(f"/courses/manage/{course.id}/skills/questions", data=bad)
    assert "Oikeiden vaihtoehtojen on oltava vaihtoehtojen joukossa." in page.get_data(as_text=True)
    client.post(
        f"/courses/manage/{course.id}/skills/questions", data={**bad, "question-correct": "1, 2"}
    )
    db.session.expire_all()
    assert check.questions[0].correct_set == {0, 1}
    assert check.questions[0].multiple


def test_group_profile_queries_stay_bounded_for_1000_people(
    client: FlaskClient, auth: Auth, count_queries
) -> None:
    import sqlalchemy as sa

    from courses.models import AreaScore, Attempt
    from paja.models import Membership, User

    course = create_course(modules=50)
    check = create_skill_check(course)
    customer = factories.create_user(roles={Role.CUSTOMER})
    organisation = factories.create_organisation(members=(customer,))

    def add_people(start: int, count: int) -> None:
        first = (db.session.scalar(sa.select(sa.func.max(User.id))) or 0) + 1
        db.session.execute(
            sa.insert(User),
            [
                {
                    "id": first + n,
                    "email": f"p{start + n}@example.fi",
                    "name": f"P {n}",
                    "password_hash": "!",
                    "session_token": "x",
                }
                for n in range(count)
            ],
        )
        db.session.execute(
            sa.insert(Membership),
            [{"organisation_id": organisation.id, "user_id": first + n} for n in range(count)],
        )
        attempt_first = (db.session.scalar(sa.select(sa.func.max(Attempt.id))) or 0) + 1
        db.session.execute(
            sa.insert(Attempt),
            [
                {
                    "id": attempt_first + n,
                    "skill_check_id": check.id,
                    "user_id": first + n,
                    "phase": "before",
                    "overall": n % 101,
                    "level": check.level(n % 101),
                }
                for n in range(count)
            ],
        )
        db.session.execute(
            sa.insert(AreaScore),
            [
                {"attempt_id": attempt_first + n, "area_id": area.id, "score": n % 101}
                for n in range(count)
                for area in check.areas
            ],
        )
        db.session.commit()

    add_people(0, 3)
    auth.login(customer)
    path = f"/courses/{course.slug}/group?organisation={organisation.id}"
    with count_queries() as few:
        assert "3 henkilöä" in client.get(path).get_data(as_text=True)
    add_people(3, 997)
    with count_queries() as many:
        page = client.get(path).get_data(as_text=True)
    assert "1000 henkilöä" in page
    assert len(many) == len(few), many

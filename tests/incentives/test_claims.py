"""Logging activities: evidence, the cheat guard, the caps, and the manager's decisions."""

from datetime import timedelta

import sqlalchemy as sa
from flask.testing import FlaskClient

from incentives.labels import ClaimStatus
from incentives.models import ActivityType, Claim, Score
from incentives.operations.ledger import helsinki_today
from paja.extensions import db
from tests.conftest import Auth
from tests.incentives.factories import logged_type, manager_of, member, participant, programme


def claims_of(participant_id: int) -> list[Claim]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            sa.select(Claim).where(Claim.participant_id == participant_id).order_by(Claim.id)
        )
    )


def points_of(participant_id: int) -> int:
    return (
        db.session.scalar(
            sa.select(sa.func.sum(Score.points)).where(Score.participant_id == participant_id)
        )
        or 0
    )


def log(client: FlaskClient, programme_id: int, activity_id: int, **values: str) -> str:
    data = {"activity": str(activity_id), "done_on": helsinki_today().isoformat(), **values}
    return client.post(
        f"/incentives/{programme_id}/log", data=data, follow_redirects=True
    ).get_data(as_text=True)


def test_a_logged_activity_waits_and_the_manager_approves_or_rejects_with_a_reason(
    client: FlaskClient, auth: Auth
) -> None:
    item = programme()
    person = participant(item)
    interview = logged_type(item, 2, cap_day=None)
    auth.login(person.user)
    page = log(client, item.id, interview.id, evidence_text="Haastattelu Ylen aamussa")
    assert "Kirjattu: ohjelman vastaava käsittelee sen." in page
    (claim,) = claims_of(person.id)
    assert claim.status == ClaimStatus.PENDING and points_of(person.id) == 0
    auth.login(manager_of(item))
    assert "Haastattelu Ylen aamussa" in client.get(f"/incentives/{item.id}/claims").get_data(
        as_text=True
    )
    refused = client.post(
        f"/incentives/claims/{claim.id}/reject", data={"reason": ""}, follow_redirects=True
    )
    assert "Kerro osallistujalle, miksi." in refused.get_data(as_text=True)
    client.post(f"/incentives/claims/{claim.id}/approve", data={"reason": ""})
    assert claims_of(person.id)[0].status == ClaimStatus.APPROVED
    assert points_of(person.id) == interview.points
    client.post(
        f"/incentives/claims/{claim.id}/reject", data={"reason": "Haastattelu oli vapaa-ajalla"}
    )
    assert claims_of(person.id)[0].status == ClaimStatus.REJECTED
    assert points_of(person.id) == 0
    auth.login(person.user)
    mine = client.get(f"/incentives/{item.id}").get_data(as_text=True)
    assert "Hylätty" in mine and "Perustelu: Haastattelu oli vapaa-ajalla" in mine


def test_evidence_day_and_other_programmes_types_are_checked(
    client: FlaskClient, auth: Auth
) -> None:
    item = programme()
    other = programme()
    person = participant(item)
    post = logged_type(item, 0, evidence_required=True)
    auth.login(person.user)
    page = log(client, item.id, post.id)
    assert "Lisää linkki tai kuvaus siitä, mitä teit." in page
    future = log(client, item.id, post.id, evidence_link="https://x.com/a/1",
                 done_on=(helsinki_today() + timedelta(days=1)).isoformat())  # fmt: skip
    assert "Anna päivä ohjelman ajalta, ei tulevaisuudesta." in future
    foreign = log(client, item.id, logged_type(other).id, evidence_link="https://x.com/a/1")
    assert "Valitse jokin luetelluista vaihtoehdoista." in foreign
    bad_link = log(client, item.id, post.id, evidence_link="javascript:alert(1)")
    assert "Anna koko osoite, joka alkaa https://." in bad_link
    assert claims_of(person.id) == []


def test_the_cheat_guard_and_the_caps(client: FlaskClient, auth: Auth) -> None:
    item = programme()
    person = participant(item)
    post = logged_type(
        item, 0, needs_approval=False, evidence_required=False, cap_day=None, cap_week=2
    )
    article = logged_type(item, 1, needs_approval=False, evidence_required=False, cap_day=None)
    auth.login(person.user)
    assert "Kirjattu ja laskettu." in log(client, item.id, post.id)
    again = log(client, item.id, post.id)
    assert "Kirjasit juuri tämän toiminnan: odota muutama minuutti ennen seuraavaa." in again
    earlier(person.id)
    log(client, item.id, post.id)
    earlier(person.id)
    capped = log(client, item.id, post.id)
    assert "Olet saavuttanut tämän toiminnan enimmäismäärän." in capped
    assert len(claims_of(person.id)) == 2
    assert points_of(person.id) == 2 * post.points
    for n in range(12):  # twelve different activities in one minute: the eleventh waits
        extra = ActivityType(category=article.category, name=f"Juttu {n}", points=1,
                             needs_approval=False)  # fmt: skip
        db.session.add(extra)
        db.session.commit()
        page = log(client, item.id, extra.id)
    assert "Olipa nopeaa: odota hetki ennen kuin kirjaat lisää." in page
    assert len(claims_of(person.id)) == 2 + 10  # ten in the minute; the two earlier are older


def earlier(participant_id: int) -> None:
    """Move the participant's logged activities five minutes back."""
    for claim in claims_of(participant_id):
        claim.created_at -= timedelta(minutes=5)
    db.session.commit()


def test_someone_who_has_not_joined_cannot_log(client: FlaskClient, auth: Auth) -> None:
    item = programme()
    outsider = member(item.organisation)
    auth.login(outsider)
    response = client.post(
        f"/incentives/{item.id}/log", data={"activity": str(logged_type(item).id)}
    )
    assert response.status_code == 403

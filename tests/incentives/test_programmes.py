"""Setting programmes up, who may do what, recognitions, the report and personal data."""

import io
from datetime import timedelta

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from openpyxl import load_workbook

from courses.models import Certificate
from incentives.models import Claim, Participant, Programme, ProgrammeManager
from incentives.operations.ledger import award, helsinki_today
from incentives.privacy import anonymise_ended
from paja.database import utcnow
from paja.extensions import db
from paja.models import Role
from paja.privacy import collect, erase
from tests import factories
from tests.conftest import Auth
from tests.incentives.factories import logged_type, manager_of, member, participant, programme


def form(**values: object) -> dict[str, object]:
    today = helsinki_today()
    return {"name": "Välitön viestintä vaikuttaa", "purpose": "Leikkimielinen kilpailu.",
            "starts_on": today.isoformat(), "ends_on": (today + timedelta(days=90)).isoformat(),
            "standing_view": "neighbours", "level_points": "50", "keep_days": "365",
            "teams": "Poliisiosasto\nPelastusosasto", **values}  # fmt: skip


def test_a_customer_contact_names_a_manager_who_starts_a_programme(
    client: FlaskClient, auth: Auth
) -> None:
    contact = factories.create_user(roles={Role.CUSTOMER})
    organisation = factories.create_organisation(members=(contact,))
    colleague = member(organisation)
    auth.login(contact)
    client.post(f"/incentives/managers/{organisation.id}", data={"person": str(colleague.id)})
    assert db.session.get(ProgrammeManager, (organisation.id, colleague.id)) is not None
    assert (
        client.get(f"/incentives/new/{organisation.id}").status_code == 403
    )  # naming is not managing
    auth.login(colleague)
    bad = client.post(f"/incentives/new/{organisation.id}", data=form(ends_on="2000-01-01"))
    assert "Ohjelma ei voi päättyä ennen kuin se alkaa." in bad.get_data(as_text=True)
    response = client.post(f"/incentives/new/{organisation.id}", data=form())
    made = db.session.scalar(
        sa.select(Programme).where(Programme.organisation_id == organisation.id)
    )
    assert made is not None and response.headers["Location"] == f"/incentives/{made.id}/edit"
    assert [c.name_fi for c in made.categories] == ["Sosiaalinen media", "Työyhteisöviestintä",
                                                    "Media- ja sidosryhmäviestintä"]  # fmt: skip
    assert sorted(t.name for t in made.teams) == ["Pelastusosasto", "Poliisiosasto"]
    category = made.categories[0]
    client.post(f"/incentives/categories/{category.id}",
                data={"name_fi": "Some", "name_sv": "Sociala medier", "name_en": "Social media"})  # fmt: skip
    client.post("/language", data={"language": "sv"})
    assert "Sociala medier" in client.get(f"/incentives/{made.id}").get_data(as_text=True)
    client.post("/language", data={"language": "fi"})
    client.post(f"/incentives/categories/{category.id}/activities/new",
                data={"name": "Blogikirjoitus", "points": "25", "source": "logged", "needs_approval": "y",
                      "evidence_required": "y", "cap_week": "2", "active": "y"})  # fmt: skip
    db.session.expire_all()
    assert any(a.name == "Blogikirjoitus" and a.cap_week == 2 for a in category.activity_types)
    client.post(f"/managers/{organisation.id}/{colleague.id}/remove")
    auth.login(contact)
    client.post(f"/incentives/managers/{organisation.id}/{colleague.id}/remove")
    auth.login(colleague)
    assert client.get(f"/incentives/{made.id}/edit").status_code == 403


def test_members_join_and_see_but_do_not_manage_and_others_see_nothing(
    client: FlaskClient, auth: Auth
) -> None:
    item = programme()
    person = participant(item)
    other = programme()
    foreign_claim = Claim(participant=participant(other), activity_type=logged_type(other),
                          done_on=helsinki_today(), evidence_text="Vieras")  # fmt: skip
    db.session.add(foreign_claim)
    db.session.commit()
    auth.login(person.user)
    assert client.get(f"/incentives/{item.id}").status_code == 200
    for target in (f"/incentives/{item.id}/edit", f"/incentives/{item.id}/claims", f"/incentives/{item.id}/awards",
                   f"/incentives/{item.id}/report.pdf", f"/incentives/{other.id}"):  # fmt: skip
        assert client.get(target).status_code == 403, target
    auth.login(manager_of(item))  # a manager of one programme cannot decide another's claims
    assert client.post(f"/incentives/claims/{foreign_claim.id}/approve").status_code == 403
    assert client.get(f"/incentives/{other.id}/bonus").status_code == 403
    auth.login(factories.create_user(roles={Role.ADMIN}))
    assert client.get(f"/incentives/{item.id}").status_code == 403
    assert client.get(f"/incentives/managers/{item.organisation_id}").status_code == 200


def test_a_recognition_is_a_certificate_the_participant_downloads_and_anyone_verifies(
    client: FlaskClient, auth: Auth
) -> None:
    item = programme()
    person = participant(item)
    auth.login(manager_of(item))
    client.post(f"/incentives/{item.id}/awards",
                data={"participant": str(person.id), "category": str(item.categories[0].id), "title": "Vuoden viestijä"})  # fmt: skip
    certificate = db.session.scalar(sa.select(Certificate).where(Certificate.kind == "recognition"))
    assert certificate is not None and certificate.user_id == person.user_id
    assert certificate.title == "Välitön viestintä vaikuttaa: Vuoden viestijä (Sosiaalinen media)"
    auth.login(person.user)
    assert client.get(f"/courses/certificates/{certificate.code}.pdf").status_code == 200
    auth.logout()
    page = client.get(f"/verify/{certificate.code}").get_data(as_text=True)
    assert "Tunnustus" in page and "on saanut tunnustuksen" in page and "Vuoden viestijä" in page


def test_the_report_never_counts_fewer_than_three_people(client: FlaskClient, auth: Auth) -> None:
    item = programme()
    people = [participant(item, team=0) for _ in range(3)] + [participant(item, team=1)]
    for n, person in enumerate(people):
        award(person, item.categories[0], 10, f"t:{n}", "Testi")
    award(people[3], item.categories[1], 10, "t:x", "Testi")
    db.session.commit()
    auth.login(manager_of(item))
    workbook = load_workbook(io.BytesIO(client.get(f"/incentives/{item.id}/report.xlsx").data))
    rows = [list(row) for row in workbook.active.iter_rows(values_only=True)]
    flat = [str(v) for row in rows for v in row if v is not None]
    assert "4" in flat and "< 3" in flat
    by_team = next(
        i for i, row in enumerate(rows) if row[0] == "Pisteitä saaneet henkilöt tiimeittäin"
    )
    assert rows[by_team + 1][:2] == ["Maahanmuutto-osasto", "3"]  # teams[0], by name
    assert rows[by_team + 2][:2] == ["Poliisiosasto", "< 3"]
    assert client.get(f"/incentives/{item.id}/report.pdf").mimetype == "application/pdf"


def test_personal_data_download_erasure_and_anonymising_after_the_end(app: Flask) -> None:
    item = programme()
    person = participant(item)
    claim = Claim(participant=person, activity_type=logged_type(item), done_on=helsinki_today(),
                  evidence_text="Haastattelu")  # fmt: skip
    db.session.add(claim)
    award(person, item.categories[0], 10, "t:1", "Testi")
    db.session.commit()
    data = collect(person.user).sections
    assert data["programme_activities"][0]["text"] == "Haastattelu"
    assert data["programme_points"][0]["points"] == 10
    item.ends_on = helsinki_today() - timedelta(days=400)
    item.starts_on = item.ends_on - timedelta(days=30)
    db.session.commit()
    assert anonymise_ended(utcnow()) == 1
    db.session.expire_all()
    assert db.session.get(Participant, person.id).user_id is None  # type: ignore[union-attr]
    assert db.session.get(Claim, claim.id).evidence_text == ""  # type: ignore[union-attr]
    second = programme()
    leaver = participant(second)
    erase(factories.create_user(roles={Role.ADMIN}), leaver.user)
    db.session.commit()
    db.session.expire_all()
    gone = db.session.get(Participant, leaver.id)
    assert gone is not None and gone.user_id is None and not gone.active

"""A person downloads what Paja holds about them and nothing of others', and erasing them
leaves no personal field while seats, answers and certificates' existence stay counted."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta

import sqlalchemy as sa
from flask.testing import FlaskClient

from courses.models import Certificate
from feedback.models import Answerer, QuestionType, Response
from paja.audit import AuditEntry
from paja.extensions import db
from paja.models import Membership, Role, User
from tests import factories
from tests.conftest import Auth
from tests.factories import PASSWORD
from tests.feedback.factories import create_survey
from tests.trainings.factories import create_registration, create_session
from trainings.models import Registration, TrainingSession


def unzip(data: bytes) -> tuple[dict, list[str]]:
    """The JSON part and the file names of a download."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    return json.loads(archive.read("paja-data.json")), archive.namelist()


def certificate_for(user: User, session: TrainingSession) -> Certificate:
    """An attendance certificate held by the user."""
    certificate = Certificate(kind="attendance", user_id=user.id, session_id=session.id,
                              name=user.name, title=session.title, achieved_on=session.starts_at.date(),
                              hours=2, issuer="Paja")  # fmt: skip
    db.session.add(certificate)
    db.session.commit()
    return certificate


def answer_named(client: FlaskClient, text: str) -> None:
    """Answer a named survey logged in, with a free text."""
    survey = create_survey(anonymous=False)
    data = {
        f"q{q.id}": "9" if q.kind == QuestionType.NPS else "4"
        for q in survey.questions
        if q.required
    }
    free = next(q for q in survey.questions if q.kind == QuestionType.LONG)
    client.post(f"/feedback/s/{survey.id}", data=data | {f"q{free.id}": text})


def test_the_download_holds_ones_own_data_and_nothing_of_others(
    client: FlaskClient, auth: Auth
) -> None:
    session = create_session()
    me = auth.login(factories.create_user(name="Minna Minä", email="minna@example.fi"))
    other = factories.create_user(name="Olli Muu", email="olli@example.fi")
    create_registration(session, user=me, needs="Kasvisruoka")
    create_registration(session, user=other, needs="Gluteeniton")
    certificate_for(me, session)
    answer_named(client, "Minnan palaute")

    response = client.get("/account/data.zip")

    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    assert response.headers["Cache-Control"] == "no-store"
    data, names = unzip(response.data)
    assert data["account"]["email"] == "minna@example.fi"
    [registration] = data["registrations"]
    assert registration["needs"] == "Kasvisruoka"
    assert any(a["answer"] == "Minnan palaute" for a in data["survey_answers"][0]["answers"])
    assert len(data["certificates"]) == 1
    assert any(name.startswith("files/certificate-") and name.endswith(".pdf") for name in names)
    text = json.dumps(data, ensure_ascii=False)
    assert "olli@example.fi" not in text and "Gluteeniton" not in text and "Olli" not in text


def test_deleting_ones_account_erases_every_personal_field_and_keeps_the_counts(
    client: FlaskClient, auth: Auth
) -> None:
    session = create_session(starts_in=timedelta(days=-1))
    me = auth.login(factories.create_user(name="Minna Minä", email="minna@example.fi"))
    organisation = factories.create_organisation(members=(me,))
    registration = create_registration(session, user=me, needs="Kasvisruoka")
    certificate = certificate_for(me, session)
    answer_named(client, "Minnan palaute")
    seats_before = db.session.get(TrainingSession, session.id).seats_taken

    wrong = client.post("/account/delete", data={"password": "väärä-salasana-1", "understood": "y"})
    assert "Salasana ei ole oikein." in wrong.get_data(as_text=True)
    response = client.post("/account/delete", data={"password": PASSWORD, "understood": "y"})

    assert response.status_code == 302
    db.session.expire_all()
    user = db.session.get(User, me.id)
    assert user.email.endswith("@erased.invalid") and user.name == "" and not user.active
    assert user.erased_at is not None and user.roles == set()
    assert (
        db.session.scalar(
            sa.select(Membership).where(Membership.organisation_id == organisation.id)
        )
        is None
    )
    stored = db.session.get(Registration, registration.id)
    assert (stored.name, stored.needs, stored.user_id) == ("", "", None)
    assert stored.email.endswith("@erased.invalid")
    assert db.session.get(TrainingSession, session.id).seats_taken == seats_before
    [answer] = db.session.scalars(sa.select(Response)).all()
    assert answer.user_id is None  # the answer still counts, linked to nobody
    assert db.session.scalar(sa.select(Answerer)) is None
    kept = db.session.get(Certificate, certificate.id)
    assert kept.name == "" and kept.code == certificate.code  # its code still verifies
    verify = client.get(f"/verify/{certificate.code}").get_data(as_text=True)
    assert "Minna" not in verify
    emails = [*db.session.scalars(sa.select(Registration.email))]
    emails += [*db.session.scalars(sa.select(User.email))]
    assert "minna@example.fi" not in emails
    assert client.get("/account/").status_code == 302  # logged out for good
    assert (
        client.post(
            "/auth/login", data={"email": "minna@example.fi", "password": PASSWORD}
        ).status_code
        == 200
    )


def test_an_admin_erases_on_request_and_it_is_logged(client: FlaskClient, auth: Auth) -> None:
    admin = auth.login(Role.ADMIN)
    person = factories.create_user(name="Pekka Pyytäjä")
    refused = client.post(f"/admin/users/{person.id}/erase", data={})
    assert refused.status_code == 302
    assert db.session.get(User, person.id).name == "Pekka Pyytäjä"  # not without the tick
    client.get(f"/admin/users/{person.id}/data.zip")
    client.post(f"/admin/users/{person.id}/erase", data={"understood": "y"})
    db.session.expire_all()
    assert db.session.get(User, person.id).name == ""
    actions = db.session.execute(
        sa.select(AuditEntry.action, AuditEntry.actor_id, AuditEntry.target)
    ).all()
    assert [(str(a), actor, target) for a, actor, target in actions] == [
        ("exported", admin.id, f"user {person.id}"),
        ("erased", admin.id, f"user {person.id}"),
    ]


def test_an_administrator_cannot_erase_themselves(client: FlaskClient, auth: Auth) -> None:
    auth.login(factories.create_user(roles={Role.ADMIN}))
    page = client.post("/account/delete", data={"password": PASSWORD, "understood": "y"})
    assert "Pyydä toista ylläpitäjää" in page.get_data(as_text=True)


def test_the_delete_form_needs_the_tick_and_keeps_the_page(client: FlaskClient, auth: Auth) -> None:
    auth.login()
    page = client.post("/account/delete", data={"password": PASSWORD}).get_data(as_text=True)
    assert "Vahvista rastittamalla ruutu." in page
    assert 'aria-invalid="true"' in page

"""Certificate pages: the PDF and its QR code, public verification, downloads and the admin list."""

import io
from datetime import timedelta

import pypdfium2
import zxingcpp
from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader

from courses.operations.certificates import reissue, revoke
from paja.extensions import db
from paja.models import Role
from tests import factories
from tests.conftest import Auth
from tests.courses.factories import certificate_of, complete, create_course, enrol
from tests.paja.files import made_file
from tests.trainings.factories import create_registration, create_session, create_trainer
from trainings.operations.sessions import mark_attendance


def _text(pdf: bytes) -> str:
    """All text of a PDF."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _qr_codes(pdf: bytes) -> list[str]:
    """The QR codes on the PDF's first page, decoded from a 200 dpi rendering."""
    page = pypdfium2.PdfDocument(pdf)[0]
    image = page.render(scale=200 / 72).to_pil()
    return [result.text for result in zxingcpp.read_barcodes(image)]


def test_participant_completes_and_downloads_a_certificate_with_a_working_qr_code(
    client: FlaskClient, auth: Auth
) -> None:
    user = auth.login(factories.create_user(name="Åsa Öberg-Łukasik"))
    course = create_course(modules=2)
    enrolment = enrol(user, course)
    for module in course.modules:
        client.post(f"/courses/{course.slug}/modules/{module.id}/done", data={"done": "1"})
    certificate = certificate_of(enrolment)
    page = client.get(f"/courses/{course.slug}").get_data(as_text=True)
    link = f"/courses/certificates/{certificate.code}.pdf"
    assert link in page
    assert link in client.get("/courses/my").get_data(as_text=True)
    response = client.get(link)
    assert response.mimetype == "application/pdf"
    text = _text(response.data)
    for expected in ("Suoritustodistus", "Åsa Öberg-Łukasik", course.title, "Osio 1"):
        assert expected in text
    assert certificate.code in text
    reader = PdfReader(io.BytesIO(response.data))
    assert len(reader.pages) == 1
    assert bool(reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"])
    assert "Viestintä-Piritta Oy" in text and "Kouluttaja" in text  # issuer, signature line
    web = f"/courses/certificates/{certificate.code}/page"
    assert web in page  # the accessible web page beside the PDF
    shown = client.get(web).get_data(as_text=True)
    for expected in ("Suoritustodistus", "Åsa Öberg-Łukasik", course.title, "Osio 1"):
        assert expected in shown
    (url,) = _qr_codes(response.data)
    assert url == f"http://localhost/verify/{certificate.code}"
    verified = client.get(url.removeprefix("http://localhost"))
    assert verified.status_code == 200
    assert "Voimassa oleva todistus" in verified.get_data(as_text=True)


def test_the_pdf_is_in_the_holders_language(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    swede = factories.create_user(name="Sven Svensson", locale="sv")
    certificate = certificate_of(complete(swede, create_course(modules=1)))
    text = _text(client.get(f"/courses/certificates/{certificate.code}.pdf").data)
    assert "Intyg över genomförd kurs" in text
    reader = PdfReader(io.BytesIO(client.get(f"/courses/certificates/{certificate.code}.pdf").data))
    assert "Sven Svensson" in reader.metadata.title


def test_verification_shows_the_state_and_nothing_private(client: FlaskClient) -> None:
    course = create_course(modules=1)
    valid, revoked, superseded = (
        certificate_of(complete(factories.create_user(name=f"Henkilö {n}"), course))
        for n in range(3)
    )
    revoke(revoked, "Virheellinen suoritus")
    reissue(superseded, "Korjattu Nimi")
    db.session.commit()
    page = client.get(f"/verify/{valid.code.lower().replace('-', '')}").get_data(as_text=True)
    assert "Voimassa oleva todistus" in page
    assert "Henkilö 0" in page
    assert valid.code in page
    assert "@example.fi" not in page
    page = client.get(f"/verify/{revoked.code}").get_data(as_text=True)
    assert "Mitätöity" in page
    assert "Virheellinen suoritus" not in page  # the reason is for the admins
    page = client.get(f"/verify/{superseded.code}").get_data(as_text=True)
    assert "Korvattu" in page
    unknown = client.get("/verify/AAAA-BBBB-CCCC")
    assert unknown.status_code == 404
    assert "Tuntematon todistus" in unknown.get_data(as_text=True)


def test_the_verify_form_takes_a_typed_code(client: FlaskClient) -> None:
    page = client.get("/verify").get_data(as_text=True)
    assert 'label class="form-label" for="code"' in page
    response = client.get("/verify?code=abcd efgh jkmn")
    assert response.headers["Location"] == "/verify/ABCD-EFGH-JKMN"


def test_nobody_downloads_another_persons_certificate(client: FlaskClient, auth: Auth) -> None:
    certificate = certificate_of(complete(factories.create_user(), create_course(modules=1)))
    auth.login(Role.PARTICIPANT)
    assert client.get(f"/courses/certificates/{certificate.code}.pdf").status_code == 403
    assert client.get("/courses/certificates/AAAA-BBBB-CCCC.pdf").status_code == 404
    assert client.get(f"/courses/certificates/{certificate.code}/page").status_code == 403
    auth.login(Role.TRAINER)
    assert client.get(f"/courses/certificates/{certificate.code}.pdf").status_code == 403
    assert client.get(f"/courses/certificates/{certificate.code}/page").status_code == 403


def test_a_revoked_certificate_is_not_handed_out(client: FlaskClient, auth: Auth) -> None:
    holder = auth.login(Role.PARTICIPANT)
    certificate = certificate_of(complete(holder, create_course(modules=1)))
    url = f"/courses/certificates/{certificate.code}.pdf"
    assert client.get(url).status_code == 200
    revoke(certificate, "Väärä henkilö")
    db.session.commit()
    assert client.get(url).status_code == 404
    assert url not in client.get("/courses/my").get_data(as_text=True)
    auth.login(Role.ADMIN)
    assert client.get(url).status_code == 200


def test_trainer_prints_the_sessions_attendance_certificates(
    client: FlaskClient, auth: Auth
) -> None:
    trainer = create_trainer()
    session = create_session(starts_in=timedelta(hours=-3), trainers=(trainer,))
    people = [create_registration(session) for _ in range(3)]
    auth.login(trainer.user)
    url = f"/trainings/sessions/{session.id}/participants"
    make = f"/courses/certificates/session/{session.id}"
    assert make in client.get(url).get_data(as_text=True)
    empty = client.post(make, follow_redirects=True).get_data(as_text=True)
    assert "merkitse ensin läsnäolo" in empty.lower()
    mark_attendance(session, trainer.user, {people[0].id, people[2].id})
    db.session.commit()
    pdf = made_file(client, client.post(make)).data
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    text = _text(pdf)
    assert "Osallistumistodistus" in text
    assert people[0].name in text
    assert people[1].name not in text
    assert session.offering.title in text
    auth.login(create_trainer().user)  # a trainer of another session
    assert client.post(make).status_code == 403


def test_admin_lists_and_filters_certificates_in_bounded_queries(
    client: FlaskClient, auth: Auth, count_queries
) -> None:
    auth.login(Role.ADMIN)
    first, second = create_course(modules=1), create_course(modules=1)
    complete(factories.create_user(name="Ensimmäinen Henkilö"), first)
    complete(factories.create_user(name="Toinen Henkilö"), second)
    with count_queries() as few:
        page = client.get("/courses/certificates/").get_data(as_text=True)
    assert "Ensimmäinen Henkilö" in page
    assert "Toinen Henkilö" in page
    page = client.get(f"/courses/certificates/?course={first.id}").get_data(as_text=True)
    assert "Ensimmäinen Henkilö" in page
    assert "Toinen Henkilö" not in page
    page = client.get("/courses/certificates/?q=toinen&from=nonsense").get_data(as_text=True)
    assert "Toinen Henkilö" in page
    assert "Ensimmäinen Henkilö" not in page
    page = client.get("/courses/certificates/?to=2000-01-01").get_data(as_text=True)
    assert "Ei hakua vastaavia todistuksia." in page
    for n in range(150):
        complete(factories.create_user(email=f"todistettu{n}@example.fi"), first)
    with count_queries() as many:
        page = client.get("/courses/certificates/").get_data(as_text=True)
    assert "152 todistusta" in page
    assert page.count("<tr>") == 101  # the header and the newest 100
    assert len(many) == len(few), many


def test_admin_revokes_with_a_reason_and_corrects_a_name(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    enrolment = complete(factories.create_user(name="Vaara Nimi"), create_course(modules=1))
    certificate = certificate_of(enrolment)
    url = f"/courses/certificates/{certificate.code}"
    assert 'value="Vaara Nimi"' in client.get(url).get_data(as_text=True)
    refused = client.post(url, data={"action": "revoke", "revoke-reason": ""})
    assert "Kerro mitätöinnin syy." in refused.get_data(as_text=True)
    assert certificate.state == "valid"
    corrected = client.post(url, data={"action": "reissue", "reissue-name": "Oikea Nimi"})
    fresh = certificate_of(enrolment)
    assert corrected.headers["Location"] == f"/courses/certificates/{fresh.code}"
    assert fresh.name == "Oikea Nimi"
    assert "Korvattu" in client.get(f"/verify/{certificate.code}").get_data(as_text=True)
    fresh_url = f"/courses/certificates/{fresh.code}"
    client.post(fresh_url, data={"action": "revoke", "revoke-reason": "Kurssi keskeytyi"})
    assert fresh.state == "revoked"
    page = client.get(fresh_url).get_data(as_text=True)
    assert "Kurssi keskeytyi" in page
    assert "revoke-reason" not in page  # no forms on a revoked certificate


def test_guessing_codes_is_rate_limited(limited_app: Flask) -> None:
    with limited_app.app_context():
        client = limited_app.test_client()
        codes = [client.get(f"/verify/AAAA-BBBB-{n:04d}").status_code for n in range(31)]
        assert codes[:30] == [404] * 30
        assert codes[30] == 429


def test_admin_filters_by_session(client: FlaskClient, auth: Auth) -> None:
    admin = auth.login(Role.ADMIN)
    sessions = [create_session(starts_in=timedelta(hours=-3)) for _ in range(2)]
    people = [create_registration(session) for session in sessions]
    for session, person in zip(sessions, people, strict=True):
        mark_attendance(session, admin, {person.id})
    db.session.commit()
    page = client.get("/courses/certificates/").get_data(as_text=True)
    assert f'<option value="{sessions[0].id}">' in page
    page = client.get(f"/courses/certificates/?session={sessions[0].id}").get_data(as_text=True)
    assert f'<option value="{sessions[0].id}" selected>' in page
    assert people[0].name in page
    assert people[1].name not in page


def test_the_issuers_logo_is_printed_when_configured(
    app: Flask, client: FlaskClient, auth: Auth, tmp_path, monkeypatch
) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 48), (11, 61, 145)).save(logo)
    auth.login(Role.ADMIN)
    certificate = certificate_of(complete(factories.create_user(), create_course(modules=1)))
    link = f"/courses/certificates/{certificate.code}.pdf"
    plain = PdfReader(io.BytesIO(client.get(link).data)).pages[0]
    assert len(plain.images) == 0  # the initials mark is drawn, not an image
    assert "VP" in plain.extract_text()  # Viestintä-Piritta
    monkeypatch.setitem(app.config, "SELLER_LOGO", str(logo))
    with_logo = PdfReader(io.BytesIO(client.get(link).data)).pages[0]
    assert len(with_logo.images) == 1
    assert "VP" not in with_logo.extract_text()

"""Attendees without an account get their certificate by mail once the session has ended: a
link to the certificate and its PDF, and to claim it into an account. The ordering
organisation's contact downloads the session's certificates."""

import io
import re
from datetime import timedelta

import sqlalchemy as sa
from flask.testing import FlaskClient
from pypdf import PdfReader

from courses.models import Certificate
from paja.database import utcnow
from paja.extensions import db
from paja.mail import Mail
from paja.models import Role
from tests import factories
from tests.conftest import Auth
from tests.paja.files import made_file
from tests.trainings.factories import (
    create_order,
    create_registration,
    create_session,
    create_trainer,
)
from trainings.models import Registration, TrainingSession

LINK = re.compile(r"https?://[^/\s]+(/courses/certificates/mailed/[^\s]+)")


def attend(
    client: FlaskClient, auth: Auth, session: TrainingSession, people: list[Registration]
) -> None:
    """The trainer marks the people present, and logs out."""
    auth.login(session.trainers[0].user)
    client.post(
        f"/trainings/sessions/{session.id}/attendance",
        data={"present": [str(person.id) for person in people]},
    )
    auth.logout()


def test_an_attendee_without_an_account_gets_the_certificate_by_mail(
    client: FlaskClient, auth: Auth, mails: list[Mail]
) -> None:
    session = create_session(starts_in=timedelta(hours=-3), trainers=(create_trainer(),))
    guest = create_registration(session)
    guest.name = "Åsa Öhman-Łukasiewicz"
    member = create_registration(session, user=factories.create_user())
    db.session.commit()
    attend(client, auth, session, [guest, member])
    [mail] = [m for m in mails if LINK.search(m.body)]
    assert mail.to == guest.email  # the one with an account finds it in My learning
    assert mail.subject.startswith("Todistuksesi")
    path = LINK.search(mail.body).group(1)
    page = client.get(path)
    assert page.status_code == 200 and "Åsa Öhman-Łukasiewicz" in page.text
    assert "/auth/login" in page.text  # claiming asks to log in first
    pdf = client.get(f"{path}.pdf")
    assert pdf.mimetype == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "Öhman-Łukasiewicz" in text
    assert client.get(f"{path[:-3]}xyz").status_code == 404  # a forged link
    mails.clear()
    attend(client, auth, session, [guest, member])  # saved again: not mailed twice
    assert not [m for m in mails if LINK.search(m.body)]


def test_no_mail_while_the_session_runs_then_one_when_it_ends(
    client: FlaskClient, auth: Auth, mails: list[Mail]
) -> None:
    from trainings.operations.feedback import send_due_feedback

    session = create_session(starts_in=timedelta(minutes=-10), trainers=(create_trainer(),))
    guest = create_registration(session)
    db.session.commit()
    attend(client, auth, session, [guest])  # at the start
    assert not [m for m in mails if LINK.search(m.body)]
    session.ends_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    send_due_feedback(utcnow())
    db.session.commit()
    assert [m.to for m in mails if LINK.search(m.body)] == [guest.email]


def test_the_certificate_is_claimed_into_an_account_once(
    client: FlaskClient, auth: Auth, mails: list[Mail]
) -> None:
    session = create_session(starts_in=timedelta(hours=-3), trainers=(create_trainer(),))
    guest = create_registration(session)
    db.session.commit()
    attend(client, auth, session, [guest])
    path = LINK.search(next(m.body for m in mails if LINK.search(m.body))).group(1)
    owner = auth.login(Role.PARTICIPANT)
    assert client.post(f"{path}/claim").status_code == 302
    certificate = db.session.scalars(sa.select(Certificate)).one()
    assert certificate.user_id == owner.id
    assert certificate.title in client.get("/courses/my").text
    auth.login(Role.PARTICIPANT)  # someone else with the same link
    refused = client.post(f"{path}/claim", follow_redirects=True)
    assert "jo toisella tilillä" in refused.text
    assert db.session.get(Certificate, certificate.id).user_id == owner.id


def test_a_revoked_certificates_link_stops_working(
    client: FlaskClient, auth: Auth, mails: list[Mail]
) -> None:
    session = create_session(starts_in=timedelta(hours=-3), trainers=(create_trainer(),))
    guest = create_registration(session)
    db.session.commit()
    attend(client, auth, session, [guest])
    path = LINK.search(next(m.body for m in mails if LINK.search(m.body))).group(1)
    attend(client, auth, session, [])  # unmarked: the certificate is revoked
    assert client.get(path).status_code == 404
    assert client.get(f"{path}.pdf").status_code == 404


def test_the_ordering_contact_downloads_the_sessions_certificates(
    client: FlaskClient, auth: Auth
) -> None:
    order = create_order()
    session = create_session(
        organisation=order.organisation, starts_in=timedelta(hours=-3), trainers=(create_trainer(),)
    )
    session.order_id = order.id
    staff = create_registration(session)
    db.session.commit()
    attend(client, auth, session, [staff])
    auth.login(order.contact)
    page = client.get(f"/trainings/sessions/{session.id}/participants")
    assert f"/courses/certificates/session/{session.id}" in page.text
    download = made_file(client, client.post(f"/courses/certificates/session/{session.id}"))
    assert staff.name in "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(download.data)).pages
    )
    auth.login(create_order().contact)  # another organisation's contact
    assert client.post(f"/courses/certificates/session/{session.id}").status_code == 403

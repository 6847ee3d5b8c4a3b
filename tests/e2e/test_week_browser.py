"""A week in the life, in a real browser: the admin confirms an order and moves its session,
the trainer learns of it and marks attendance at the start, a participant without an account
gets feedback and a certificate only at the end, the customer sees it all and is invoiced."""

import re
from datetime import date, timedelta

import sqlalchemy as sa
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from paja.database import utcnow
from paja.extensions import db
from paja.mail import outbox
from paja.models import User
from paja.queries import organisations_of
from tests.e2e.conftest import check_page, field, log_in, mailed_path
from trainings.models import Offering, TrainingSession

CUSTOMER, TRAINER = "tiia.talvitie@paja.example", "pilvi.nummi@paja.example"
GUEST = "vieras.viikko@example.fi"


def _order_waiting(app: Flask) -> int:
    """A requested order of the demo customer's organisation."""
    from tests.trainings.factories import create_order

    with app.app_context():
        contact = db.session.scalar(sa.select(User).where(User.email == CUSTOMER))
        offering = db.session.scalar(sa.select(Offering).where(Offering.slug == "somestartti"))
        return create_order(organisations_of(contact)[0], contact, offering).id


def _move(app: Flask, order_id: int, starts: timedelta) -> None:
    """Time passes: the session starts `starts` from now (negative: already began)."""
    with app.app_context():
        session = db.session.scalar(
            sa.select(TrainingSession).where(TrainingSession.order_id == order_id)
        )
        session.starts_at = utcnow() + starts
        session.ends_at = session.starts_at + timedelta(hours=2)
        session.registration_closes_at = session.starts_at - timedelta(hours=1)
        db.session.commit()


def _mails_to(app: Flask, to: str) -> list:
    """Mails the app has sent to someone."""
    with app.app_context():
        return [mail for mail in outbox() if mail.to == to]


def test_a_week_in_the_life(page: Page, browser: Browser, live_app: Flask, base_url: str) -> None:
    order_id = _order_waiting(live_app)
    log_in(page, "admin@paja.example")
    page.goto("/")
    expect(page.get_by_role("heading", name="Vahvistusta odottavat tilaukset")).to_be_visible()
    check_page(page, "80-start-admin-fi")
    page.get_by_role("link", name=f"Tilaus {order_id}: Kahden tunnin somestartti").click()
    start = date.today() + timedelta(days=3)
    field(page, "Alkaa").fill(f"{start.isoformat()}T09:00")
    field(page, "Päättyy").fill(f"{start.isoformat()}T11:00")
    page.get_by_label("Pilvi Nummi").check()
    field(page, "Kokouslinkki").fill("https://zoom.us/j/111")
    page.get_by_role("button", name="Vahvista tilaus").click()
    expect(page.get_by_role("status")).to_contain_text("Tilaus on vahvistettu")
    [confirmation] = [m for m in _mails_to(live_app, CUSTOMER) if "vahvistettu" in m.subject]
    assert [a.filename for a in confirmation.attachments] == ["paja-session.ics"]
    assert "https://zoom.us/j/111" in confirmation.body and "Pilvi Nummi" in confirmation.body

    # Move the session an hour and change the Zoom link.
    with live_app.app_context():
        session_id = db.session.scalar(
            sa.select(TrainingSession.id).where(TrainingSession.order_id == order_id)
        )
    page.goto(f"/trainings/sessions/{session_id}/edit")
    check_page(page, "81-session-change-fi")
    field(page, "Alkaa").fill(f"{start.isoformat()}T10:00")
    field(page, "Päättyy").fill(f"{start.isoformat()}T12:00")
    field(page, "Kokouslinkki").fill("https://zoom.us/j/222")
    page.get_by_role("button", name="Tallenna ja kerro kaikille").click()
    expect(page.get_by_role("status")).to_be_visible()
    changed = [m for m in _mails_to(live_app, TRAINER) if "https://zoom.us/j/222" in m.body]
    assert changed and "SEQUENCE:1" in changed[-1].attachments[0].data.decode()

    # A member of staff without an account registers with the invitation link.
    guest = browser.new_context(base_url=base_url, locale="fi-FI").new_page()
    guest.goto(mailed_path(live_app, CUSTOMER, f"/trainings/sessions/{session_id}?invite="))
    field(guest, "Nimi").fill("Vieras Viikkoinen")
    field(guest, "Sähköposti").fill(GUEST)
    guest.get_by_role("button", name="Ilmoittaudu").click()
    expect(guest.get_by_role("status")).to_be_visible()

    # The trainer starts the day from their start page, with the new link.
    trainer = browser.new_context(base_url=base_url, locale="fi-FI").new_page()
    log_in(trainer, TRAINER)
    trainer.goto("/")
    expect(trainer.get_by_role("link", name="Liity kokoukseen").first).to_have_attribute(
        "href", "https://zoom.us/j/222"
    )
    check_page(trainer, "82-start-trainer-fi")
    _move(live_app, order_id, timedelta(minutes=-5))  # the session has begun
    trainer.goto("/")
    marking = trainer.locator("h3", has_text="Merkitsemättömät läsnäolot")
    expect(marking).to_be_visible()
    trainer.goto(f"/trainings/sessions/{session_id}/participants")
    trainer.set_viewport_size({"width": 320, "height": 640})
    box = trainer.get_by_label("Vieras Viikkoinen osallistui").bounding_box()
    assert box is not None and box["x"] + box["width"] <= 320  # no sideways scrolling
    trainer.get_by_label("Vieras Viikkoinen osallistui").check()
    trainer.get_by_role("button", name="Tallenna läsnäolot").click()
    expect(trainer.get_by_role("status")).to_be_visible()
    assert _mails_to(live_app, GUEST)[-1].subject.startswith("Olet ilmoittautunut")  # no more

    # The session ends: the job worker's round sends the feedback link and the certificate.
    _move(live_app, order_id, timedelta(hours=-3))
    from trainings.operations.feedback import send_due_feedback

    with live_app.app_context():
        send_due_feedback(utcnow())
        db.session.commit()
    subjects = [m.subject for m in _mails_to(live_app, GUEST)]
    assert any(s.startswith("Vastaathan") for s in subjects)
    guest.goto(mailed_path(live_app, GUEST, "/courses/certificates/mailed/"))
    expect(guest.get_by_role("heading", name="Vieras Viikkoinen")).to_be_visible()
    check_page(guest, "83-mailed-certificate-fi")

    # The admin marks the order delivered and invoiced; the customer gets the invoice.
    page.goto(f"/trainings/orders/{order_id}")
    page.get_by_role("button", name="Merkitse pidetyksi").click()
    page.get_by_role("button", name="Merkitse laskutetuksi").click()
    expect(page.get_by_role("heading", name="Laskut")).to_be_visible()
    check_page(page, "84-order-invoiced-admin-fi")
    invoice = [m for m in _mails_to(live_app, CUSTOMER) if m.subject.startswith("Lasku ")][-1]
    assert invoice.attachments[0].data.startswith(b"%PDF")

    customer = browser.new_context(base_url=base_url, locale="fi-FI").new_page()
    log_in(customer, CUSTOMER)
    customer.goto("/")
    panel = customer.locator("section", has_text="Organisaatiosi tilaukset")
    expect(panel.get_by_text("laskutettu").first).to_be_visible()
    check_page(customer, "85-start-customer-fi")
    panel.get_by_role("link", name=f"Tilaus {order_id}: Kahden tunnin somestartti").click()
    invoice_link = customer.get_by_role("link", name=re.compile(r"^Lasku \d+ \(PDF\)$"))
    pdf = customer.request.get(invoice_link.get_attribute("href"))
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    for opened in (guest, trainer, customer):
        opened.context.close()

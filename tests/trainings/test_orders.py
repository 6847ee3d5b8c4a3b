"""Orders: placing, lines, PDF, lists and access (the status workflow: test_order_workflow)."""

import io
import re
from datetime import timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from paja.database import utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.mail import Mail
from paja.models import Membership, Organisation, Role, User
from tests import factories
from tests.conftest import Auth
from tests.paja.test_accounts import same_page
from tests.trainings.factories import create_channel, create_offering, create_order, create_trainer
from trainings.models import Order, OrderStatus, TrainingSession
from trainings.operations.orders import (
    OrderRequest,
    add_line,
    place_order,
    transition,
)


def future(days: int = 30):
    return (utcnow() + timedelta(days=days)).date()


def order_form(**fields):
    data = {
        "organisation": "new", "organisation_name": "Tuusulan kunta", "business_id": "1567535-0",
        "participants": "12", "date_1": future().isoformat(), "mode": "onsite", "address": "Hyrylänkatu 8",
        "tailoring": "Kaavoitus", "einvoice_address": "003715675350", "einvoice_operator": "003721291126",
        "buyer_reference": "KAAV-1",
    }  # fmt: skip
    return {**data, **fields}


def test_a_newcomer_orders_with_a_new_account_and_organisation(
    client: FlaskClient, mails: list[Mail]
) -> None:
    offering = create_offering(title="Kahden tunnin somestartti", price="500.00")
    data = order_form(name="Marja Laine", email="marja@tuusula.example", password="kolme-iloista-kissaa",
                      confirm="kolme-iloista-kissaa")  # fmt: skip
    response = client.post(f"/trainings/{offering.slug}/order", data=data)
    assert response.status_code == 200
    assert "Tilauksesi lähetetään meille heti" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(Order)) is None  # not before the address answers
    [confirm] = mails
    link = re.search(r"http://localhost(/auth/confirm/\S+)", confirm.body).group(1)
    mails.clear()
    response = client.post(link)
    assert response.status_code == 302
    order = db.session.scalar(sa.select(Order))
    assert order.status == OrderStatus.REQUESTED
    assert order.contact.email == "marja@tuusula.example"
    assert order.contact.roles == {Role.CUSTOMER, Role.PARTICIPANT}
    assert order.organisation.business_id == "1567535-0"
    assert order.organisation.has_member(order.contact)
    assert [(line.description, line.unit_price, line.vat_rate) for line in order.lines] == [
        ("Kahden tunnin somestartti", Decimal("500.00"), Decimal("25.50"))
    ]
    assert order.totals.gross == Decimal("627.50")
    assert mails[0].subject == "Tilauksesi on vastaanotettu: Kahden tunnin somestartti"
    page = client.get(response.headers["Location"]).get_data(
        as_text=True
    )  # logged in as the new customer
    assert "627,50\xa0€" in page


def test_ordering_with_an_address_that_has_an_account_reveals_nothing(
    client: FlaskClient, mails: list[Mail]
) -> None:
    offering = create_offering()
    factories.create_user(email="olemassa@example.fi")
    answers = []
    for email in ("olemassa@example.fi", "uusi@example.fi"):
        data = order_form(name="Marja Laine", email=email, password="kolme-iloista-kissaa",
                          confirm="kolme-iloista-kissaa", business_id="0112038-9" if "uusi" in email else "1567535-0")  # fmt: skip
        answers.append(client.post(f"/trainings/{offering.slug}/order", data=data))
    pages = [a.get_data(as_text=True).replace(e, "X") for a, e in
             zip(answers, ("olemassa@example.fi", "uusi@example.fi"), strict=True)]  # fmt: skip
    assert answers[0].status_code == answers[1].status_code == 200
    assert same_page(pages[0], pages[1])
    assert db.session.scalar(sa.select(Order)) is None
    assert [m.subject for m in mails] == [
        "Sinulla on jo Paja-tili",
        "Vahvista sähköpostiosoitteesi Pajaan",
    ]


def test_a_bad_order_keeps_everything_typed(client: FlaskClient) -> None:
    offering = create_offering(max_participants=20)
    data = order_form(name="Marja", email="marja@example.fi", password="kolme-iloista-kissaa",
                      confirm="kolme-iloista-kissaa", participants="99", tailoring="Meidän toiveet")  # fmt: skip
    page = client.post(f"/trainings/{offering.slug}/order", data=data).get_data(as_text=True)
    assert "Tähän koulutukseen mahtuu 1–20 osallistujaa." in page
    assert "Meidän toiveet</textarea>" in page
    assert 'value="marja@example.fi"' in page
    assert (
        db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 0
    )  # nothing half-saved
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Organisation)) == 0


def test_an_existing_organisation_cannot_be_joined_by_ordering(client: FlaskClient) -> None:
    factories.create_organisation(business_id="1567535-0")
    offering = create_offering()
    data = order_form(
        name="Outo",
        email="outo@example.fi",
        password="kolme-iloista-kissaa",
        confirm="kolme-iloista-kissaa",
    )
    page = client.post(f"/trainings/{offering.slug}/order", data=data).get_data(as_text=True)
    assert "käyttää jo Pajaa" in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Order)) == 0


def test_a_member_orders_for_their_organisation(client: FlaskClient, auth: Auth) -> None:
    user = auth.login(Role.CUSTOMER)
    own = factories.create_organisation(members=(user,))
    other = factories.create_organisation()
    offering = create_offering(modes=("remote",))
    response = client.post(
        f"/trainings/{offering.slug}/order",
        data=order_form(organisation=str(own.id), mode="remote"),
    )
    assert response.status_code == 302
    page = client.post(
        f"/trainings/{offering.slug}/order",
        data=order_form(organisation=str(other.id), mode="remote"),
    )
    assert "Valitse jokin luetelluista vaihtoehdoista." in page.get_data(as_text=True)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"preferred_dates": [future(-1)]}, "tulevia"),
        ({"preferred_dates": []}, "yhdestä kolmeen"),
        ({"mode": "hybrid"}, "ei toteuteta"),
        ({"address": ""}, "osoite"),
        ({"einvoice_address": "", "billing_address": ""}, "laskutusosoite"),
        ({"participants": 0}, "1–25"),
    ],
)
def test_order_rules(app: Flask, change: dict, message: str) -> None:
    offering = create_offering()
    contact = factories.create_user()
    organisation = factories.create_organisation(members=(contact,))
    request = OrderRequest(participants=10, preferred_dates=[future()], mode="onsite", address="Katu 1",
                           einvoice_address="003715675350", einvoice_operator="003721291126")  # fmt: skip
    for key, value in change.items():
        setattr(request, key, value)
    with pytest.raises(RuleViolation, match=message):
        place_order(contact, organisation, offering, request)


def test_admin_adds_lines_and_totals_follow(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    order = create_order(offering=create_offering(price="500.00"))
    data = {"description": "Matkakulut", "quantity": "120", "unit_price": "0.25", "vat_rate": "0"}
    client.post(f"/trainings/orders/{order.id}/lines", data=data)
    assert order.totals.net == Decimal("530.00")
    assert order.totals.vat == Decimal("127.50")
    assert order.totals.gross == Decimal("657.50")
    page = client.get(f"/trainings/orders/{order.id}").get_data(as_text=True)
    assert "657,50\xa0€" in page
    transition(order, OrderStatus.CANCELLED, order.contact, note="x")
    with pytest.raises(RuleViolation):
        add_line(order, order.contact, "Lisä", Decimal(1), Decimal(1), Decimal("25.5"))


def test_customer_sees_only_their_organisations_orders(client: FlaskClient, auth: Auth) -> None:
    user = auth.login(Role.CUSTOMER)
    own = create_order(organisation=factories.create_organisation(members=(user,)), contact=user)
    other = create_order()
    page = client.get("/trainings/orders/").get_data(as_text=True)
    assert f'/trainings/orders/{own.id}"' in page
    assert f'/trainings/orders/{other.id}"' not in page
    assert client.get(f"/trainings/orders/{own.id}").status_code == 200
    for path in (f"/trainings/orders/{other.id}", f"/trainings/orders/{other.id}/confirmation.pdf"):
        assert client.get(path).status_code == 403
    assert (
        client.post(f"/trainings/orders/{other.id}/cancel", data={"note": "x"}).status_code == 403
    )
    assert client.get("/trainings/orders/999999").status_code == 404


def test_customer_cancels_own_requested_order(client: FlaskClient, auth: Auth) -> None:
    user = auth.login(Role.CUSTOMER)
    order = create_order(organisation=factories.create_organisation(members=(user,)), contact=user)
    client.post(f"/trainings/orders/{order.id}/cancel", data={"note": "Aikataulu muuttui"})
    assert order.status == OrderStatus.CANCELLED


def test_confirmation_pdf_has_buyer_and_totals(client: FlaskClient, auth: Auth) -> None:
    user = auth.login(factories.create_user(name="Åsa Öhman-Łukasiewicz", roles={Role.CUSTOMER}))
    organisation = factories.create_organisation(
        name="Paperinkeräys Oy", business_id="0357502-9", members=(user,)
    )
    order = create_order(
        organisation=organisation, contact=user, offering=create_offering(title="Somestartti")
    )
    response = client.get(f"/trainings/orders/{order.id}/confirmation.pdf")
    assert response.data.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in (
        "Paperinkeräys Oy",
        "0357502-9",
        "Åsa Öhman-Łukasiewicz",
        "Somestartti",
        "500,00",
        "127,50",
        "627,50",
    ):
        assert expected in text
    assert reader.metadata.title == f"Tilausvahvistus {order.id}"
    assert bool(reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"])
    placed: dict[str, float] = {}  # where each piece of text last starts (its x)
    reader.pages[0].extract_text(
        visitor_text=lambda text, cm, tm, font, size: placed.update({text.strip(): tm[4]})
    )
    label, amount = placed["Veroton yhteensä"], placed["500,00 €"]
    assert label + stringWidth("Veroton yhteensä", "PajaSans", 9) < amount  # side by side
    ends = [placed[money] + stringWidth(money, "PajaSans", 9) for money in ("500,00 €", "127,50 €")]
    assert abs(ends[0] - ends[1]) < 0.5  # money is right-aligned


def test_admin_csv_export(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    order = create_order()
    response = client.get("/trainings/orders.csv")
    lines = response.get_data(as_text=True).lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Tilaus;Päivä;Tila;Organisaatio")
    assert lines[1].startswith(f"{order.id};")
    assert "627,50" in lines[1]


def test_order_list_filters_and_is_bounded(client: FlaskClient, auth: Auth, count_queries) -> None:
    auth.login(Role.ADMIN)
    offering, channel = create_offering(), create_channel()
    create_order(offering=offering)
    with count_queries() as few:
        client.get("/trainings/orders/")
    for _ in range(30):
        create_order(offering=offering, status=OrderStatus.CONFIRMED)
    with count_queries() as many:
        page = client.get("/trainings/orders/?status=confirmed").get_data(as_text=True)
    assert page.count("<tr>") == 31
    assert len(many) == len(few), many
    assert channel  # channels exist but do not add queries


def test_membership_gives_the_customer_access(client: FlaskClient, auth: Auth) -> None:
    user = auth.login(Role.CUSTOMER)
    order = create_order()
    assert client.get(f"/trainings/orders/{order.id}").status_code == 403
    db.session.add(Membership(organisation_id=order.organisation_id, user_id=user.id))
    db.session.commit()
    assert client.get(f"/trainings/orders/{order.id}").status_code == 200


def test_confirm_form_errors_are_shown_at_the_field(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    trainer = create_trainer()
    order = create_order()
    data = {"starts_at": "2031-03-03T09:00", "ends_at": "2031-03-03T11:00", "trainers": [str(trainer.id)],
            "meeting_url": "http://zoom.example/x"}  # fmt: skip
    page = client.post(f"/trainings/orders/{order.id}/confirm", data=data).get_data(as_text=True)
    assert "Kokouslinkin on alettava https://." in page
    assert 'id="meeting_url-error"' in page
    assert order.status == OrderStatus.REQUESTED
    response = client.post(
        f"/trainings/orders/{order.id}/confirm",
        data={**data, "meeting_url": "https://zoom.example/x"},
    )
    assert response.status_code == 302
    assert order.status == OrderStatus.CONFIRMED
    session = db.session.scalar(
        sa.select(TrainingSession).where(TrainingSession.order_id == order.id)
    )
    assert session.starts_at.hour == 7  # 09:00 in Helsinki in March is 07:00 UTC


def test_admins_hear_of_new_orders(app: Flask, mails: list[Mail]) -> None:
    admin = factories.create_user(roles={Role.ADMIN}, locale="en")
    factories.create_user(roles={Role.ADMIN}, active=False)
    contact = factories.create_user()
    organisation = factories.create_organisation(members=(contact,))
    request = OrderRequest(participants=8, preferred_dates=[future()], mode="onsite", address="Katu 1",
                           billing_address="Katu 1, 00100 Helsinki")  # fmt: skip
    with app.test_request_context():
        order = place_order(contact, organisation, create_offering(title="Somestartti"), request)
        db.session.commit()
    to_admin = [m for m in mails if m.to == admin.email]
    assert [m.subject for m in to_admin] == [f"New order {order.id}: Somestartti"]
    assert len(mails) == 2  # the contact and the one active admin


def test_a_newcomer_sees_every_problem_of_the_order_at_once(client: FlaskClient) -> None:
    offering = create_offering(max_participants=20)
    data = order_form(
        name="Marja Laine", email="marja@example.fi", password="salasana1234",
        confirm="salasana1234", participants="", business_id="1567535-1", address="",
        einvoice_address="", einvoice_operator="", organisation_name="Tuusulan kunta",
    )  # fmt: skip
    page = client.post(f"/trainings/{offering.slug}/order", data=data).get_data(as_text=True)
    for message in (
        "Anna osallistujamäärä.",  # the form's own check
        "helppo arvata",  # the password rules
        "Tarkistusmerkki",  # the business ID's check digit
        "Anna osoite, jossa koulutus pidetään.",
        "Anna verkkolaskuosoite ja operaattori tai postitse tuleva laskutusosoite.",
    ):
        assert message in page
    assert page.count('class="alert-link"') == 5  # one summary line per field
    assert 'value="salasana1234"' in page  # the passwords are not cleared
    assert 'value="Tuusulan kunta"' in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 0


def test_a_member_sees_every_problem_of_the_order_at_once(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.CUSTOMER)
    offering = create_offering()
    data = order_form(participants="", date_1=future(-3).isoformat(), organisation_name="")
    data.update(einvoice_address="", einvoice_operator="", business_id="")
    page = client.post(f"/trainings/{offering.slug}/order", data=data).get_data(as_text=True)
    for message in (
        "Anna osallistujamäärä.",
        "Ehdota tulevia päiviä.",
        "Kirjoita nimi.",
        "Kirjoita Y-tunnus.",
        "Anna verkkolaskuosoite ja operaattori tai postitse tuleva laskutusosoite.",
    ):
        assert message in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Order)) == 0


def test_a_unit_price_with_more_than_two_decimals_is_refused(
    client: FlaskClient, auth: Auth
) -> None:
    auth.login(Role.ADMIN)
    order = create_order(offering=create_offering(price="500.00"))
    data = {"description": "Matkakulut", "quantity": "3", "unit_price": "0.333", "vat_rate": "0"}
    page = client.post(f"/trainings/orders/{order.id}/lines", data=data).get_data(as_text=True)
    assert "Liikaa desimaaleja: kirjoita esimerkiksi 0,33." in page
    assert 'value="0.333"' in page and 'value="Matkakulut"' in page  # nothing typed is lost
    assert len(order.lines) == 1  # only the workshop itself
    assert order.totals.net == Decimal("500.00")


def test_order_mails_follow_the_language_of_the_order_pages(
    client: FlaskClient, mails: list[Mail]
) -> None:
    contact = factories.create_user(roles={Role.CUSTOMER}, locale=None)
    organisation = factories.create_organisation(members=(contact,))
    offering = create_offering()
    with client.session_transaction() as session:
        session["_user_id"] = contact.get_id()
    data = order_form(organisation=str(organisation.id))
    response = client.post(
        f"/trainings/{offering.slug}/order", data=data, headers={"Accept-Language": "sv"}
    )
    assert response.status_code == 302
    order = db.session.scalar(sa.select(Order))
    assert order.language == "sv"
    [to_contact] = [mail for mail in mails if mail.to == contact.email]
    assert to_contact.locale == "sv"
    assert to_contact.subject.startswith("Vi har tagit emot din beställning")


def test_a_failed_order_with_made_up_channels_is_told_not_crashed(client: FlaskClient) -> None:
    channel = create_channel()
    offering = create_offering()
    data = order_form(name="Marja", email="marja@example.fi", password="kolme-iloista-kissaa",
                      confirm="kolme-iloista-kissaa", participants="",
                      channels=[str(channel.id), "99999999999999999999", "x"])  # fmt: skip
    response = client.post(f"/trainings/{offering.slug}/order", data=data)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Anna osallistujamäärä." in page
    [box] = re.findall(rf'<input[^>]*name="channels"[^>]*value="{channel.id}"[^>]*>', page)
    assert " checked " in box  # the real channel stays ticked
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Order)) == 0


def test_a_member_orders_with_the_channels_chosen(client: FlaskClient, auth: Auth) -> None:
    user = auth.login(Role.CUSTOMER)
    organisation = factories.create_organisation(members=(user,))
    facebook, tiktok = create_channel(), create_channel()
    offering = create_offering()
    data = order_form(organisation=str(organisation.id), channels=[str(tiktok.id)])
    assert client.post(f"/trainings/{offering.slug}/order", data=data).status_code == 302
    order = db.session.scalar(sa.select(Order))
    assert [channel.id for channel in order.channels] == [tiktok.id]
    assert facebook.id not in {channel.id for channel in order.channels}  # only the ticked

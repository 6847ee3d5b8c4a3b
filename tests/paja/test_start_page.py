"""The logged-in start page: each role's panels show only the person's own data, and a page
runs the same number of queries with few rows and with many."""

from datetime import timedelta

from flask.testing import FlaskClient

from paja.extensions import db
from paja.models import Role
from tests import factories
from tests.conftest import Auth
from tests.courses.factories import certificate_of, complete, create_course, enrol
from tests.feedback.factories import create_survey
from tests.trainings.event_factories import create_event, create_organiser, days_of, register
from tests.trainings.factories import (
    create_order,
    create_registration,
    create_session,
    create_trainer,
)
from trainings.models import OrderStatus


def start(client: FlaskClient) -> str:
    """The start page's main content."""
    page = client.get("/").text
    return page[page.index("<main") : page.index("</main>")]


def test_visitors_get_the_front_page(client: FlaskClient) -> None:
    assert "Luo tili" in start(client)


def test_the_admin_sees_waiting_orders_the_fortnights_sessions_and_certificates(
    client: FlaskClient, auth: Auth
) -> None:
    waiting = create_order()
    create_order(status=OrderStatus.CONFIRMED)
    soon = create_session(starts_in=timedelta(days=3), trainers=(create_trainer(),))
    create_registration(soon)
    create_registration(soon, status="waiting")
    later = create_session(starts_in=timedelta(days=20))
    later.offering.title = "Kaukainen koulutus"
    certificate = certificate_of(complete(factories.create_user(), create_course()))
    db.session.commit()
    auth.login(Role.ADMIN)
    page = start(client)
    assert f"/trainings/orders/{waiting.id}" in page
    assert "pyydetty: 1" in page and "vahvistettu: 1" in page
    assert soon.title in page and "Kaukainen koulutus" not in page  # 20 days ahead
    assert "1 / 10" in page  # seats taken of capacity
    assert certificate.code in page
    assert "Tulevat koulutuksesi" not in page  # an admin is not told they have no sessions


def test_a_trainer_sees_their_own_sessions_attendance_to_mark_and_feedback(
    client: FlaskClient, auth: Auth
) -> None:
    trainer, other = create_trainer(), create_trainer()
    mine = create_session(starts_in=timedelta(days=2), trainers=(trainer,))
    mine.offering.title = "Oma koulutus"
    running = create_session(starts_in=timedelta(minutes=-30), trainers=(trainer,))
    running.offering.title = "Käynnissä oleva"
    theirs = create_session(starts_in=timedelta(days=2), trainers=(other,))
    theirs.offering.title = "Toisen koulutus"
    db.session.commit()
    auth.login(trainer.user)
    page = start(client)
    assert "Oma koulutus" in page and "Toisen koulutus" not in page
    assert mine.meeting_url in page  # the join link
    marked = page[page.index("Merkitsemättömät läsnäolot") :]
    assert "Käynnissä oleva" in marked and "Oma koulutus" not in marked


def test_an_organiser_sees_their_events_days_and_wish_boards(
    client: FlaskClient, auth: Auth
) -> None:
    organiser = create_organiser()
    event = create_event(organiser, days=2)
    register(event, days_of(event))
    other = create_event(create_organiser(), days=1)
    other.title = "Toisen tapahtuma"
    db.session.commit()
    auth.login(organiser)
    page = start(client)
    assert event.title in page and "Toisen tapahtuma" not in page
    assert "1 ilmoittautunut / 10" in page
    assert "Teematoiveet" in page


def test_a_customer_sees_their_organisations_orders_and_staff_certificates(
    client: FlaskClient, auth: Auth
) -> None:
    contact = factories.create_user(roles={Role.CUSTOMER})
    own = create_order(contact=contact)
    others = create_order()
    db.session.commit()
    auth.login(contact)
    page = start(client)
    assert f"/trainings/orders/{own.id}" in page
    assert f"/trainings/orders/{others.id}" not in page
    assert "pyydetty: 1" in page  # their orders by status, the other organisation's not counted
    assert "Henkilöstösi oppiminen" in page


def test_a_participant_sees_what_is_next_for_them(client: FlaskClient, auth: Auth) -> None:
    user = factories.create_user()
    session = create_session(starts_in=timedelta(days=4))
    session.offering.title = "Tuleva koulutus"
    create_registration(session, user=user)
    course = create_course()
    enrol(user, course)
    survey = create_survey()
    from feedback.operations.invitations import invite

    invite(survey, [(user.name, user.email)], context="")
    db.session.commit()
    auth.login(user)
    page = start(client)
    assert "Tuleva koulutus" in page
    assert course.title in page and "Jatka:" in page
    assert survey.title in page  # the survey waiting for an answer
    assert "Vahvistusta odottavat" not in page  # no admin panel


def _many_of_everything(admin_trainer: object) -> None:
    """Rows for every panel: sessions, orders, certificates, events, registrations."""
    for _ in range(12):
        session = create_session(starts_in=timedelta(days=2), trainers=(admin_trainer,))
        create_registration(session)
        create_order()
        certificate_of(complete(factories.create_user(), create_course()))
    db.session.commit()


def test_the_start_pages_queries_do_not_grow_with_rows(
    client: FlaskClient, auth: Auth, count_queries
) -> None:
    trainer = create_trainer()
    trainer.user.set_roles({Role.ADMIN, Role.TRAINER, Role.ORGANISER, Role.CUSTOMER})
    create_event(days=1)  # an admin sees every organiser's events
    db.session.commit()
    auth.login(trainer.user)
    _many_of_everything(trainer)
    with count_queries() as few:
        assert client.get("/").status_code == 200
    _many_of_everything(trainer)
    _many_of_everything(trainer)
    with count_queries() as many:
        assert client.get("/").status_code == 200
    assert len(many) == len(few)
    assert len(few) <= 40  # eleven panels of four roles, about three queries each

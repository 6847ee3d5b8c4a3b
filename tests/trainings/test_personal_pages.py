"""A network-day personal page shows what its link was issued for, and typing someone's email
never reaches their days, links or group (the takeover an outside probe found)."""

from __future__ import annotations

import sqlalchemy as sa
from flask.testing import FlaskClient

from paja.extensions import db
from paja.mail import Mail
from tests.conftest import Auth
from tests.factories import create_user
from tests.trainings.event_factories import create_event, days_of
from trainings.models import Registration, RegistrationStatus, SharedLink

VICTIM = "uhri@example.fi"


def register_form(day_ids: list[int], email: str = VICTIM) -> dict:
    """The public registration form."""
    return {
        "days": [str(d) for d in day_ids],
        "name": "Ulla Uhri",
        "email": email,
        "organisation_name": "Uhrin kunta",
    }


def victims(email: str = VICTIM) -> list[Registration]:
    """The registrations under an email, oldest first."""
    return list(
        db.session.scalars(
            sa.select(Registration).where(Registration.email == email).order_by(Registration.id)
        )
    )


def test_registering_with_someone_elses_email_reveals_none_of_their_days(
    client: FlaskClient, mails: list[Mail]
) -> None:
    event = create_event(days=2)
    first, second = days_of(event)
    client.post(f"/trainings/events/{event.id}/register", data=register_form([first.id]))
    [theirs] = victims()
    client.post(f"/trainings/events/me/{theirs.personal_token}/links",
                data={"url": "https://www.facebook.com/uhrinkunta"})  # fmt: skip
    mails.clear()

    response = client.post(
        f"/trainings/events/{event.id}/register", data=register_form([second.id])
    )

    assert response.status_code == 302
    assert response.headers["Location"] == f"/trainings/events/{event.id}"  # no personal page
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert theirs.cancel_token not in page and theirs.personal_token not in page
    _, new = victims()
    assert new.personal_token != theirs.personal_token
    new_page = client.get(f"/trainings/events/me/{new.personal_token}").get_data(as_text=True)
    assert theirs.cancel_token not in new_page  # even the new day's own page lists only it
    assert "uhrinkunta" not in new_page
    [mail] = mails
    assert mail.to == VICTIM  # only the address's owner hears of it


def test_an_email_already_holding_the_day_is_not_told_so(
    client: FlaskClient, mails: list[Mail]
) -> None:
    event = create_event(days=1)
    [day] = days_of(event)
    client.post(f"/trainings/events/{event.id}/register", data=register_form([day.id]))
    mails.clear()

    response = client.post(f"/trainings/events/{event.id}/register", data=register_form([day.id]))

    assert response.status_code == 302
    assert response.headers["Location"] == f"/trainings/events/{event.id}"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "on jo ilmoittautunut" not in page
    assert len(victims()) == 1
    [mail] = mails  # the owner gets their own link again
    assert mail.to == VICTIM
    assert f"/trainings/events/me/{victims()[0].personal_token}" in mail.body


def test_an_account_with_the_same_email_sees_only_its_own_days(
    client: FlaskClient, auth: Auth
) -> None:
    event = create_event(days=2)
    first, second = days_of(event)
    client.post(f"/trainings/events/{event.id}/register", data=register_form([first.id]))
    [theirs] = victims()
    auth.login(create_user(email=VICTIM))  # sign-up does not prove owning the address

    response = client.post(
        f"/trainings/events/{event.id}/register", data=register_form([second.id])
    )

    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert theirs.cancel_token not in page
    assert (
        client.get(f"/trainings/events/{event.id}")
        .get_data(as_text=True)
        .count("/trainings/events/me/")
        == 1
    )
    assert theirs.personal_token not in client.get(f"/trainings/events/{event.id}").get_data(
        as_text=True
    )


def test_a_personal_page_lists_only_the_days_registered_with_it(client: FlaskClient) -> None:
    event = create_event(days=2)
    first, second = days_of(event)
    client.post(f"/trainings/events/{event.id}/register", data=register_form([first.id]))
    client.post(f"/trainings/events/{event.id}/register", data=register_form([second.id]))
    one, other = victims()

    page = client.get(f"/trainings/events/me/{one.personal_token}").get_data(as_text=True)

    assert one.cancel_token in page
    assert other.cancel_token not in page


def test_a_link_shared_on_one_page_cannot_be_removed_from_another(client: FlaskClient) -> None:
    event = create_event(days=2)
    first, second = days_of(event)
    client.post(f"/trainings/events/{event.id}/register", data=register_form([first.id]))
    client.post(f"/trainings/events/{event.id}/register", data=register_form([second.id]))
    owner, intruder = victims()
    client.post(f"/trainings/events/me/{owner.personal_token}/links",
                data={"url": "https://www.instagram.com/uhrinkunta"})  # fmt: skip
    link = db.session.scalar(sa.select(SharedLink))
    assert link is not None

    response = client.post(f"/trainings/events/me/{intruder.personal_token}/links/{link.id}/remove")

    assert response.status_code == 404
    assert db.session.get(SharedLink, link.id) is not None


def test_cancelling_from_the_cancel_link_returns_to_that_days_page(client: FlaskClient) -> None:
    event = create_event(days=1)
    [day] = days_of(event)
    client.post(f"/trainings/events/{event.id}/register", data=register_form([day.id]))
    [registration] = victims()

    response = client.post(f"/trainings/cancel/{registration.cancel_token}")

    assert response.headers["Location"] == f"/trainings/events/me/{registration.personal_token}"
    db.session.refresh(registration)
    assert registration.status == RegistrationStatus.CANCELLED


def test_registering_an_address_already_on_an_open_session_reveals_nothing(
    client: FlaskClient, mails: list[Mail]
) -> None:
    from tests.trainings.factories import create_session

    session = create_session(capacity=1)
    data = {"name": "Ulla Uhri", "email": VICTIM}
    first = client.post(f"/trainings/sessions/{session.id}/register", data=data)
    first_page = client.get(first.headers["Location"]).get_data(as_text=True)
    again = client.post(f"/trainings/sessions/{session.id}/register", data=data | {"name": "X"})
    again_page = client.get(again.headers["Location"]).get_data(as_text=True)
    assert first.status_code == again.status_code == 302
    assert "on jo ilmoittautunut" not in again_page
    assert first_page.count("ovat matkalla osoitteeseen") == 1
    assert again_page.count("ovat matkalla osoitteeseen") == 1
    assert len(victims()) == 1
    assert [m.to for m in mails] == [VICTIM, VICTIM]  # the owner hears of both

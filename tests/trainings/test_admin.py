"""Admins manage offerings, channels and trainer profiles."""

from decimal import Decimal

import sqlalchemy as sa
from flask.testing import FlaskClient

from paja.extensions import db
from paja.models import Role
from tests import factories
from tests.conftest import Auth
from tests.trainings.factories import create_channel, create_offering, create_order, create_trainer
from trainings.models import Channel, Offering


def offering_data(**fields):
    data = {"title": "Somestartti", "slug": "somestartti", "summary": "Vauhtia", "description": "**Hei**",
            "duration_minutes": "120", "price_excl_vat": "500", "vat_rate": "25.5", "onsite": "y",
            "max_participants": "25", "language": "fi", "next_offering": "0", "active": "y"}  # fmt: skip
    return {**data, **fields}


def test_admin_creates_and_edits_an_offering(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    channel, trainer = create_channel(), create_trainer()
    data = offering_data(channels=[str(channel.id)], trainers=[str(trainer.id)])
    assert client.post("/trainings/admin/offerings/new", data=data).status_code == 302
    offering = db.session.scalar(sa.select(Offering).where(Offering.slug == "somestartti"))
    assert offering.price_excl_vat == Decimal("500.00")
    assert offering.channels == [channel]
    assert offering.trainers == [trainer]
    assert offering.modes == ["onsite"]
    follow_up = create_offering(title="Jatko")
    data = offering_data(
        title="Somestartti 2.0", price_excl_vat="550", next_offering=str(follow_up.id), remote="y"
    )
    assert client.post(f"/trainings/admin/offerings/{offering.id}", data=data).status_code == 302
    assert offering.title == "Somestartti 2.0"
    assert offering.next_offering == follow_up
    assert offering.channels == []


def test_offering_form_refuses_bad_input_and_keeps_it(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    create_offering().slug = "varattu"
    cases = [
        (offering_data(slug="Iso Kirjain"), "Käytä pieniä kirjaimia"),
        (offering_data(slug="orders"), "varattu"),
        (offering_data(slug="varattu"), "käyttää jo"),
        (offering_data(onsite=""), "Valitse vähintään yksi toteutustapa."),
        (offering_data(price_excl_vat="-1"), 'id="price_excl_vat-error"'),
    ]
    for data, message in cases:
        page = client.post("/trainings/admin/offerings/new", data=data).get_data(as_text=True)
        assert message in page, data
        assert 'value="Somestartti"' in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Offering)) == 1


def test_series_cannot_loop(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    first, second = create_offering(), create_offering()
    first.next_offering = second
    db.session.commit()
    data = offering_data(title=second.title, slug=second.slug, next_offering=str(first.id))
    page = client.post(f"/trainings/admin/offerings/{second.id}", data=data).get_data(as_text=True)
    assert "Sarja ei voi palata" in page


def test_ordered_offering_is_archived_not_deleted(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    ordered, unused = create_offering(), create_offering()
    ordered_id, unused_id = ordered.id, unused.id
    create_order(offering=ordered)
    client.post(f"/trainings/admin/offerings/{ordered_id}/remove")
    client.post(f"/trainings/admin/offerings/{unused_id}/remove")
    db.session.expunge_all()
    assert db.session.get(Offering, ordered_id).active is False
    assert db.session.get(Offering, unused_id) is None


def test_channels_have_names_in_three_languages(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    data = {
        "slug": "tiktok",
        "name_fi": "TikTok",
        "name_sv": "TikTok",
        "name_en": "TikTok",
        "position": "3",
    }
    assert client.post("/trainings/admin/channels", data=data).status_code == 302
    channel = db.session.scalar(sa.select(Channel).where(Channel.slug == "tiktok"))
    data = {
        "slug": "blogi",
        "name_fi": "Blogi",
        "name_sv": "Blogg",
        "name_en": "Blog",
        "position": "4",
    }
    client.post(f"/trainings/admin/channels/{channel.id}", data=data)
    assert channel.name("sv") == "Blogg"
    page = client.post("/trainings/admin/channels", data=data).get_data(as_text=True)
    assert "Toinen kanava käyttää jo" in page
    create_offering(channels=(channel,))
    page = client.post(
        f"/trainings/admin/channels/{channel.id}/remove", follow_redirects=True
    ).get_data(as_text=True)
    assert "poista se niistä ensin" in page
    assert db.session.get(Channel, channel.id) is not None


def test_admin_gives_a_trainer_a_profile(client: FlaskClient, auth: Auth) -> None:
    auth.login(Role.ADMIN)
    factories.create_user(name="Jaana Pohjola", email="jaana@example.fi", roles={Role.TRAINER})
    factories.create_user(name="Ei Kouluttaja", email="ei@example.fi")
    response = client.post("/trainings/admin/trainers", data={"email": "jaana@example.fi"})
    assert response.headers["Location"] == "/trainings/trainers/jaana-pohjola/edit"
    page = client.post("/trainings/admin/trainers", data={"email": "jaana@example.fi"}).get_data(
        as_text=True
    )
    assert "on jo profiili" in page
    page = client.post("/trainings/admin/trainers", data={"email": "ei@example.fi"}).get_data(
        as_text=True
    )
    assert "Anna käyttäjälle ensin kouluttajan rooli." in page

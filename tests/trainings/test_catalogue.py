"""The public catalogue, offering pages and trainer profiles."""

import pytest
from flask.testing import FlaskClient

from paja.models import Role
from tests import factories
from tests.conftest import Auth
from tests.trainings.factories import create_channel, create_offering, create_trainer


@pytest.mark.parametrize(
    ("language", "net", "gross"),
    [
        ("fi", "500,00\xa0€ (alv 0 %)", "627,50\xa0€ sis. alv 25,5 %"),
        ("sv", "500,00\xa0€ (moms 0 %)", "627,50\xa0€ inkl. moms 25,5 %"),
        ("en", "€500.00 (VAT 0%)", "€627.50 incl. VAT 25.5%"),
    ],
)
def test_cards_show_prices_as_customers_know_them(
    client: FlaskClient, language: str, net: str, gross: str
) -> None:
    create_offering(title="Kahden tunnin somestartti", price="500")
    page = client.get("/trainings/", headers={"Accept-Language": language}).get_data(as_text=True)
    assert net in page
    assert gross in page


def test_filters(client: FlaskClient) -> None:
    facebook, tiktok = create_channel("facebook"), create_channel("tiktok")
    create_offering(
        title="Somestartti", price="500", minutes=120, modes=("onsite",), channels=(facebook,)
    )
    create_offering(
        title="Some haltuun",
        price="900",
        minutes=240,
        modes=("onsite", "hybrid"),
        channels=(facebook,),
    )
    create_offering(
        title="Twitter-perusteet", price="650", minutes=120, modes=("remote",), channels=(tiktok,)
    )
    create_offering(title="Arkistoitu", active=False)

    def titles(query: str) -> list[str]:
        page = client.get(f"/trainings/?{query}").get_data(as_text=True)
        return [
            t
            for t in ("Somestartti", "Some haltuun", "Twitter-perusteet", "Arkistoitu")
            if t in page
        ]

    assert titles("") == ["Somestartti", "Some haltuun", "Twitter-perusteet"]
    assert titles("channel=facebook") == ["Somestartti", "Some haltuun"]
    assert titles("mode=remote") == ["Twitter-perusteet"]
    assert titles("max_hours=2") == ["Somestartti", "Twitter-perusteet"]
    assert titles("max_price=700") == ["Somestartti", "Twitter-perusteet"]
    assert titles("q=twitter") == ["Twitter-perusteet"]
    page = client.get("/trainings/?max_hours=99&mode=teleport").get_data(as_text=True)
    assert "Anna 1–40 tuntia." in page
    assert "Valitse jokin luetelluista vaihtoehdoista." in page


def test_cheapest_first(client: FlaskClient) -> None:
    create_offering(title="Kallis", price="900")
    create_offering(title="Edullinen", price="500")
    page = client.get("/trainings/").get_data(as_text=True)
    assert page.index("Edullinen") < page.index("Kallis")


def test_catalogue_queries_do_not_grow_with_offerings(client: FlaskClient, count_queries) -> None:
    channels = [create_channel() for _ in range(3)]
    trainers = [create_trainer() for _ in range(2)]
    for _ in range(5):
        create_offering(channels=tuple(channels), trainers=tuple(trainers))
    with count_queries() as five:
        assert client.get("/trainings/").status_code == 200
    for _ in range(495):
        create_offering(channels=tuple(channels), trainers=tuple(trainers))
    with count_queries() as five_hundred:
        page = client.get("/trainings/").get_data(as_text=True)
    assert "500 koulutusta" in page and page.count('class="card h-100"') == 24
    assert len(five_hundred) == len(five) <= 7, five_hundred
    last = client.get("/trainings/?page=21&mode=onsite").get_data(as_text=True)
    assert last.count('class="card h-100"') == 500 - 20 * 24
    assert "mode=onsite" in last and "page=20" in last  # the link back keeps the filter


def test_offering_page_with_series_and_trainers(client: FlaskClient) -> None:
    trainer = create_trainer(name="Pilvi Nummi")
    basics = create_offering(title="Twitter-perusteet", trainers=(trainer,))
    continuation = create_offering(title="Twitter-jatko")
    basics.next_offering = continuation
    page = client.get(f"/trainings/{basics.slug}").get_data(as_text=True)
    assert "Pilvi Nummi" in page
    assert f'href="/trainings/{continuation.slug}">Twitter-jatko' in page
    assert f'href="/trainings/{basics.slug}/order"' in page
    page = client.get(f"/trainings/{continuation.slug}").get_data(as_text=True)
    assert f'href="/trainings/{basics.slug}">Twitter-perusteet' in page


def test_archived_offering_is_gone_from_public_view(client: FlaskClient) -> None:
    archived = create_offering(active=False)
    assert client.get(f"/trainings/{archived.slug}").status_code == 404
    assert client.get(f"/trainings/{archived.slug}/order").status_code == 404


def test_description_and_bio_are_sanitised(client: FlaskClient) -> None:
    offering = create_offering()
    offering.description = (
        "**Hyvä** <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(2)>"
    )
    trainer = create_trainer()
    trainer.bio = "<b onclick='evil()'>Hei</b> [blogi](https://blogi.example.fi)"
    page = client.get(f"/trainings/{offering.slug}").get_data(as_text=True)
    assert "<strong>Hyvä</strong>" in page
    assert "<script>alert" not in page
    assert 'href="javascript' not in page
    assert "onerror" not in page.split("<main")[1].replace("&lt;img src=x onerror", "")
    page = client.get(f"/trainings/trainers/{trainer.slug}").get_data(as_text=True)
    assert "onclick" not in page.split("<main")[1].replace("&lt;b onclick", "")
    assert 'href="https://blogi.example.fi" rel="noopener noreferrer nofollow"' in page


def test_trainer_contact_only_for_logged_in_customers(client: FlaskClient, auth: Auth) -> None:
    trainer = create_trainer()
    trainer.phone = "040 123 4567"
    assert "040 123 4567" not in client.get(f"/trainings/trainers/{trainer.slug}").get_data(
        as_text=True
    )
    auth.login(Role.PARTICIPANT)
    assert "040 123 4567" not in client.get(f"/trainings/trainers/{trainer.slug}").get_data(
        as_text=True
    )
    auth.login(Role.CUSTOMER)
    page = client.get(f"/trainings/trainers/{trainer.slug}").get_data(as_text=True)
    assert "040 123 4567" in page
    assert trainer.user.email in page


def test_trainer_edits_own_profile_only(client: FlaskClient, auth: Auth) -> None:
    trainer = create_trainer()
    other = create_trainer()
    auth.login(trainer.user)
    data = {
        "title": "Bloggaaja",
        "bio": "Uusi",
        "expertise": "Facebook, Instagram",
        "followers": "11400",
    }
    assert client.post(f"/trainings/trainers/{trainer.slug}/edit", data=data).status_code == 302
    assert trainer.title == "Bloggaaja"
    assert trainer.expertise_areas == ["Facebook", "Instagram"]
    assert trainer.followers == 11400
    assert client.get(f"/trainings/trainers/{other.slug}/edit").status_code == 403
    page = client.post(f"/trainings/trainers/{trainer.slug}/edit", data={**data, "followers": "-5"})
    assert page.status_code == 200
    assert 'id="followers-error"' in page.get_data(as_text=True)
    assert factories  # shared factories stay importable

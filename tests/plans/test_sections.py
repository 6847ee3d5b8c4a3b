"""Sections: saving, the goal and age rules, conflicts with a colleague's save, history."""

from flask.testing import FlaskClient

from paja.extensions import db
from plans.labels import PlanRole
from plans.models import PlanSection
from tests.conftest import Auth
from tests.plans.factories import colleague as colleague_of
from tests.plans.factories import member, org_plan


def section(plan_id: int, key: str) -> PlanSection:
    db.session.expire_all()
    found = db.session.get(PlanSection, (plan_id, key))
    assert found is not None
    return found


def test_an_editor_saves_a_section_and_its_history_names_them(
    client: FlaskClient, auth: Auth
) -> None:
    plan = org_plan()
    auth.login(plan.owner)
    response = client.post(
        f"/plans/{plan.id}/sections/6",
        data={"version": "0", "q_6a": "Ks. viestintästrategia", "q_6b": "Liittojen henkilöstö"},
    )
    assert response.status_code == 302
    saved = section(plan.id, "6")
    assert saved.answers == {"6a": "Ks. viestintästrategia", "6b": "Liittojen henkilöstö"}
    assert saved.version == 1
    client.post(
        f"/plans/{plan.id}/sections/6",
        data={"version": "1", "q_6a": "Kaikki", "q_6b": "Liittojen henkilöstö"},
    )
    history = client.get(f"/plans/{plan.id}/sections/6/history").get_data(as_text=True)
    assert "Versio 2" in history and plan.owner.name in history
    assert "Muutettu: 6a</p>" in history  # version 2 changed only 6a
    page = client.get(f"/plans/{plan.id}/sections/6").get_data(as_text=True)
    assert "2 / 2 vastattu" in page


def test_a_colleagues_newer_save_is_never_overwritten_silently(
    client: FlaskClient, auth: Auth
) -> None:
    plan = org_plan()
    colleague = colleague_of(plan, PlanRole.EDITOR)
    auth.login(colleague)
    client.post(f"/plans/{plan.id}/sections/15", data={"version": "0", "q_15a": "Tiedottaja"})
    auth.login(plan.owner)  # opened the form at version 0, before the colleague saved
    response = client.post(
        f"/plans/{plan.id}/sections/15", data={"version": "0", "q_15a": "Koko henkilöstö"}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f"{colleague.name} tallensi tämän osion" in page
    assert "Tiedottaja" in page  # their text, shown
    assert "Koko henkilöstö</textarea>" in page  # ours, kept in the form
    assert section(plan.id, "15").answers == {"15a": "Tiedottaja"}
    assert 'name="version" type="hidden" value="1"' in page
    again = client.post(
        f"/plans/{plan.id}/sections/15",
        data={"version": "1", "q_15a": "Tiedottaja ja koko henkilöstö"},
    )
    assert again.status_code == 302
    assert section(plan.id, "15").answers == {"15a": "Tiedottaja ja koko henkilöstö"}


def test_one_main_goal_and_at_most_three_sub_goals(client: FlaskClient, auth: Auth) -> None:
    plan = org_plan()
    auth.login(plan.owner)
    four = "Tiedon kerääminen\nTunnettuus\nVuorovaikutus\nMyynti"
    response = client.post(
        f"/plans/{plan.id}/sections/7",
        data={"version": "0", "q_7b": "Vaikuttavuus", "q_7c": four},
    )
    page = response.get_data(as_text=True)
    assert "Kirjoita enintään kolme alatavoitetta." in page
    assert "Myynti</textarea>" in page  # what was typed stays
    assert section(plan.id, "7").version == 0
    no_main = client.post(
        f"/plans/{plan.id}/sections/7", data={"version": "0", "q_7c": "Tunnettuus"}
    ).get_data(as_text=True)
    assert "Kirjoita päätavoite ennen alatavoitteita." in no_main
    three = client.post(
        f"/plans/{plan.id}/sections/7",
        data={"version": "0", "q_7b": "Vaikuttavuus", "q_7c": "A\n\nB\nC\n"},
    )
    assert three.status_code == 302
    assert section(plan.id, "7").answers == {"7b": "Vaikuttavuus", "7c": ["A", "B", "C"]}


def test_the_audience_age_range_and_the_calendar_horizon_are_checked(
    client: FlaskClient, auth: Auth
) -> None:
    plan = org_plan()
    auth.login(plan.owner)
    reversed_ages = client.post(
        f"/plans/{plan.id}/sections/12",
        data={"version": "0", "q_12b_min": "65", "q_12b_max": "25", "q_12c": "Koko Suomi"},
    ).get_data(as_text=True)
    assert "Alaikä ei saa olla yläikää suurempi." in reversed_ages
    assert 'value="Koko Suomi"' in reversed_ages
    too_young = client.post(
        f"/plans/{plan.id}/sections/12", data={"version": "0", "q_12b_min": "8", "q_12b_max": "25"}
    ).get_data(as_text=True)
    assert "Ikä 13–120." in too_young
    months = client.post(
        f"/plans/{plan.id}/sections/14",
        data={"version": "0", "q_14a_start": "2027-01-04", "q_14a_months": "12"},
    ).get_data(as_text=True)
    assert "Valitse jokin luetelluista vaihtoehdoista." in months
    good = client.post(
        f"/plans/{plan.id}/sections/9", data={"version": "0", "q_9a_times": "2", "q_9a_per": "week"}
    )
    assert good.status_code == 302
    assert section(plan.id, "9").answers == {"9a": {"times": 2, "per": "week"}}


def test_viewers_and_commenters_read_but_cannot_save(client: FlaskClient, auth: Auth) -> None:
    plan = org_plan()
    viewer = member(plan.organisation)
    auth.login(viewer)
    page = client.get(f"/plans/{plan.id}/sections/6").get_data(as_text=True)
    assert "Ei vastattu vielä." in page and "<textarea" not in page.split("Kommentit")[0]
    assert (
        client.post(f"/plans/{plan.id}/sections/6", data={"version": "0", "q_6a": "x"}).status_code
        == 403
    )
    assert section(plan.id, "6").version == 0


def test_an_unknown_section_is_not_found(client: FlaskClient, auth: Auth) -> None:
    plan = org_plan()
    auth.login(plan.owner)
    assert client.get(f"/plans/{plan.id}/sections/99").status_code == 404


def test_a_tampered_version_is_a_conflict_not_an_error(client: FlaskClient, auth: Auth) -> None:
    plan = org_plan()
    auth.login(plan.owner)
    for version in ("abc", "99999999999999999999", "-1"):
        response = client.post(
            f"/plans/{plan.id}/sections/6", data={"version": version, "q_6a": "x"}
        )
        assert response.status_code == 200
        assert "Kollega tallensi tämän osion sen jälkeen, kun avasit sen." in response.get_data(
            as_text=True
        )
    assert section(plan.id, "6").version == 0

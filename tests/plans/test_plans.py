"""Plans: starting one, settings, giving roles, sharing with a session's trainers, print and PDF."""

import io

import sqlalchemy as sa
from flask.testing import FlaskClient
from pypdf import PdfReader

from paja.extensions import db
from paja.models import Role, User
from plans.labels import PlanRole
from plans.models import Plan, PlanSection
from tests import factories
from tests.conftest import Auth
from tests.plans.factories import member, org_plan, personal_plan
from tests.trainings.factories import create_registration, create_session, create_trainer


def newest_plan() -> Plan:
    db.session.expire_all()
    found = db.session.scalar(sa.select(Plan).order_by(Plan.id.desc()))
    assert found is not None
    return found


def role_of(plan_id: int, user_id: int) -> PlanRole | None:
    db.session.expunge_all()
    found, user = db.session.get(Plan, plan_id), db.session.get(User, user_id)
    assert found is not None and user is not None
    return found.role_of(user)


def test_a_member_starts_an_organisation_plan_from_the_worksheet(
    client: FlaskClient, auth: Auth
) -> None:
    user = factories.create_user(roles={Role.CUSTOMER})
    organisation = factories.create_organisation(members=(user,))
    auth.login(user)
    form = client.get("/plans/new").get_data(as_text=True)
    assert organisation.name in form
    response = client.post(
        "/plans/new",
        data={"title": "TJS:n Facebook", "owner": str(organisation.id), "language": "fi",
              "channels": ["facebook", "instagram"], "requires_approval": "y", "shared_session": ""},
    )  # fmt: skip
    plan = newest_plan()
    assert response.headers["Location"] == f"/plans/{plan.id}"
    assert (plan.organisation_id, plan.owner_id, plan.channels) == (
        organisation.id,
        user.id,
        "facebook,instagram",
    )
    keys = db.session.scalars(
        sa.select(PlanSection.key).where(PlanSection.plan_id == plan.id)
    ).all()
    assert len(keys) == 20 and {"1", "7", "14", "15", "18", "20"} <= set(keys)
    overview = client.get(f"/plans/{plan.id}").get_data(as_text=True)
    assert "0/48 kysymykseen vastattu" in overview
    assert (
        "7. Tavoite" in overview
        and "15. Pelisäännöt" in overview
        and "18. Moderointi ja kriisisuunnitelma" in overview
    )


def test_a_plan_for_someone_elses_organisation_or_without_channels_is_refused(
    client: FlaskClient, auth: Auth
) -> None:
    user = factories.create_user()
    stranger = factories.create_organisation()
    auth.login(user)
    page = client.post(
        "/plans/new",
        data={"title": "Vieras", "owner": str(stranger.id), "language": "fi", "channels": ["x"]},
    ).get_data(as_text=True)
    assert "Valitse jokin luetelluista vaihtoehdoista." in page and 'value="Vieras"' in page
    none = client.post(
        "/plans/new", data={"title": "Ei kanavia", "owner": "0", "language": "fi"}
    ).get_data(as_text=True)
    assert "Valitse vähintään yksi kanava." in none
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Plan)) == 0


def test_a_personal_plan_is_shared_only_with_a_session_its_owner_attended(
    client: FlaskClient, auth: Auth
) -> None:
    trainer = create_trainer()
    attended = create_session(trainers=(trainer,))
    other = create_session()
    user = factories.create_user()
    create_registration(attended, user)
    auth.login(user)
    refused = client.post(
        "/plans/new",
        data={
            "title": "Oma",
            "owner": "0",
            "language": "sv",
            "channels": ["x"],
            "shared_session": str(other.id),
        },
    )
    assert refused.status_code == 200
    client.post(
        "/plans/new",
        data={
            "title": "Oma",
            "owner": "0",
            "language": "sv",
            "channels": ["x"],
            "shared_session": str(attended.id),
        },
    )
    plan = newest_plan()
    assert (plan.organisation_id, plan.shared_session_id, plan.language) == (
        None,
        attended.id,
        "sv",
    )
    auth.login(trainer.user)
    assert "Oma" in client.get("/plans/").get_data(as_text=True)
    assert client.get(f"/plans/{plan.id}").status_code == 200
    auth.login(user)
    client.post(
        f"/plans/{plan.id}/settings",
        data={"title": "Oma", "language": "sv", "channels": ["x"], "shared_session": ""},
    )
    auth.login(trainer.user)
    assert client.get(f"/plans/{plan.id}").status_code == 403


def test_the_owner_gives_and_takes_back_roles(client: FlaskClient, auth: Auth) -> None:
    plan = org_plan()
    colleague = member(plan.organisation)
    outsider = factories.create_user()
    colleague_id, outsider_id, plan_id = colleague.id, outsider.id, plan.id
    auth.login(plan.owner)
    page = client.get(f"/plans/{plan.id}/people").get_data(as_text=True)
    assert colleague.name in page and outsider.name not in page
    client.post(f"/plans/{plan.id}/people", data={"person": str(colleague.id), "role": "editor"})
    assert role_of(plan.id, colleague_id) == PlanRole.EDITOR
    refused = client.post(
        f"/plans/{plan_id}/people", data={"person": str(outsider_id), "role": "editor"}
    )
    assert "Valitse jokin luetelluista vaihtoehdoista." in refused.get_data(as_text=True)
    client.post(f"/plans/{plan_id}/people/{colleague_id}/remove")
    assert role_of(plan_id, colleague_id) == PlanRole.VIEWER
    auth.login(db.session.get(User, colleague_id))
    denied = client.post(
        f"/plans/{plan_id}/people", data={"person": str(colleague_id), "role": "editor"}
    )
    assert denied.status_code == 403


def test_print_view_and_pdf_show_the_answers_in_the_plans_language(
    client: FlaskClient, auth: Auth
) -> None:
    plan = org_plan()
    plan.language = "sv"
    section = db.session.get(PlanSection, (plan.id, "7"))
    assert section is not None
    section.answers = {"7b": "Påverkan", "7c": ["Insamling", "Synlighet"]}
    db.session.commit()
    auth.login(plan.owner)
    printed = client.get(f"/plans/{plan.id}/print").get_data(as_text=True)
    assert 'lang="sv"' in printed and "7. Mål" in printed and "1. Insamling" in printed
    response = client.get(f"/plans/{plan.id}/plan.pdf")
    assert response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.data))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Skriv ner högst tre delmål" in text and "2. Synlighet" in text
    assert "Inte besvarad än." in text
    assert reader.metadata is not None and reader.metadata.title == plan.title


def test_the_plans_page_lists_the_users_plans_only(client: FlaskClient, auth: Auth) -> None:
    mine = org_plan()
    other = org_plan()
    own = personal_plan(owner=mine.owner)
    auth.login(mine.owner)
    page = client.get("/plans/").get_data(as_text=True)
    assert f'href="/plans/{mine.id}"' in page and f'href="/plans/{own.id}"' in page
    assert f'href="/plans/{other.id}"' not in page


def test_the_plans_page_runs_the_same_queries_for_2_and_40_plans(
    client: FlaskClient, auth: Auth, count_queries
) -> None:
    trainer = create_trainer()
    sessions = [create_session(trainers=(trainer,)) for _ in range(2)]
    auth.login(trainer.user)

    def share(count: int) -> None:
        for n in range(count):
            personal_plan(session=sessions[n % 2])

    share(2)
    with count_queries() as few:
        client.get("/plans/")
    share(38)
    with count_queries() as many:
        page = client.get("/plans/").get_data(as_text=True)
    assert page.count("Oma Twitter-suunnitelma") == 40
    assert len(many) == len(few)


def test_the_owner_deletes_a_plan_after_ticking_the_box(client: FlaskClient, auth: Auth) -> None:
    plan = org_plan()
    plan_id = plan.id
    auth.login(plan.owner)
    kept = client.post(f"/plans/{plan_id}/delete", data={}).get_data(as_text=True)
    assert "Rastita ruutu, niin suunnitelma poistetaan." in kept
    assert db.session.get(Plan, plan_id) is not None
    response = client.post(f"/plans/{plan_id}/delete", data={"confirm": "y"})
    assert response.headers["Location"] == "/plans/"
    db.session.expire_all()
    assert db.session.get(Plan, plan_id) is None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(PlanSection)) == 0

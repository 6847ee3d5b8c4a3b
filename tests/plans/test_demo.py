"""Demo plans from the seeds: TJS's Facebook plan (003) and the ministry's personal plans (004)."""

import sqlalchemy as sa
from flask.testing import FlaskClient

from paja.demo import load_demo
from paja.extensions import db
from paja.models import User
from plans.labels import Status
from plans.models import Comment, Entry, Plan, PlanSection
from tests.conftest import Auth


def test_the_tjs_plan_is_the_seeds_form_with_its_comments_and_a_calendar(
    client: FlaskClient, auth: Auth
) -> None:
    load_demo()
    plan = db.session.scalar(
        sa.select(Plan).where(Plan.title == "TJS Opintokeskuksen Facebook-suunnitelma")
    )
    assert plan is not None and plan.organisation.name == "TJS Opintokeskus"
    goals = db.session.get(PlanSection, (plan.id, "7"))
    assert goals is not None and goals.answers["7b"].startswith(
        "Yhdistystoiminnan ja työelämän edunvalvonnan"
    )
    threads = db.session.scalars(
        sa.select(Comment).where(Comment.plan_id == plan.id, Comment.thread_id.is_(None))
    ).all()
    assert len(threads) == 4
    assert any(c.mentioned for c in threads)
    entries = db.session.scalars(sa.select(Entry).where(Entry.plan_id == plan.id)).all()
    span = max(e.starts_at for e in entries) - min(e.starts_at for e in entries)
    assert len(entries) >= 15 and span.days >= 70
    assert {e.status for e in entries} == set(Status)
    assert any("Studia Generalia" in e.topic for e in entries) and any(
        "Välkky" in e.topic for e in entries
    )
    marika = db.session.scalar(sa.select(User).where(User.email == "marika.virtanen@tjs.example"))
    auth.login(marika)
    page = client.get(f"/plans/{plan.id}/calendar").get_data(as_text=True)
    assert "Viikon työelämäuutiset" in page


def test_the_ministry_experts_plans_are_shared_with_their_trainer_with_her_tips(
    client: FlaskClient, auth: Auth
) -> None:
    load_demo()
    personal = db.session.scalars(
        sa.select(Plan).where(Plan.title == "Oma Twitter-suunnitelma")
    ).all()
    assert len(personal) == 3
    session = personal[0].shared_session
    assert session is not None and session.offering is not None
    assert session.offering.slug == "oma-somesuunnitelma"
    trainer = session.trainers[0].user
    auth.login(trainer)
    page = client.get("/plans/").get_data(as_text=True)
    assert page.count("Oma Twitter-suunnitelma") == 3
    tips = db.session.scalars(sa.select(Comment).where(Comment.author_id == trainer.id)).all()
    assert len(tips) == 3
    tiia = db.session.scalar(sa.select(User).where(User.email == "tiia.talvitie@paja.example"))
    auth.login(tiia)
    own = client.get("/plans/").get_data(as_text=True)
    assert own.count("Oma Twitter-suunnitelma") == 1

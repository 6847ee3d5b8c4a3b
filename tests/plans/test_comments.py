"""Comments: mentions reach only people on the plan; mail goes to the mentioned and the thread."""

import sqlalchemy as sa
from flask.testing import FlaskClient

from paja.extensions import db
from paja.mail import Mail
from paja.models import Role
from plans.labels import PlanRole
from plans.mentions import handle_of
from plans.models import Comment
from tests import factories
from tests.conftest import Auth
from tests.plans.factories import colleague, member, org_plan


def comments_of(plan_id: int) -> list[Comment]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            sa.select(Comment).where(Comment.plan_id == plan_id).order_by(Comment.id)
        )
    )


def test_a_mention_mails_only_the_person_mentioned_in_their_language(
    client: FlaskClient, auth: Auth, mails: list[Mail]
) -> None:
    plan = org_plan()
    colleague = member(plan.organisation)
    colleague.locale = "sv"
    bystander = member(plan.organisation)
    db.session.commit()
    auth.login(plan.owner)
    response = client.post(
        f"/plans/{plan.id}/sections/3/comments",
        data={"body": f"@{handle_of(colleague)} kuka päivittää perjantaisin?"},
    )
    assert response.status_code == 302
    assert [m.to for m in mails] == [colleague.email]
    assert mails[0].locale == "sv"
    assert mails[0].subject == f"{plan.owner.name} nämnde dig: {plan.title}"
    assert "kuka päivittää perjantaisin?" in mails[0].body
    assert f"/plans/{plan.id}/sections/3#comment-" in mails[0].body
    assert bystander.email not in [m.to for m in mails]
    page = client.get(f"/plans/{plan.id}/sections/3").get_data(as_text=True)
    assert f'<strong class="mention">@{handle_of(colleague)}</strong>' in page


def test_a_reply_mails_the_thread_and_the_mentioned_but_not_the_writer_or_others(
    client: FlaskClient, auth: Auth, mails: list[Mail]
) -> None:
    plan = org_plan()
    first, second = colleague(plan), colleague(plan)
    mentioned, bystander = member(plan.organisation), member(plan.organisation)
    auth.login(first)
    client.post(f"/plans/{plan.id}/sections/9/comments", data={"body": "Päivitystiheys?"})
    thread = comments_of(plan.id)[0]
    auth.login(second)
    client.post(f"/plans/comments/{thread.id}/reply", data={"body": "Kerran viikossa."})
    assert [m.to for m in mails] == [first.email]
    mails.clear()
    auth.login(plan.owner)
    client.post(
        f"/plans/comments/{thread.id}/reply",
        data={"body": f"Sovitaan näin, @{handle_of(mentioned)} kirjaa sen."},
    )
    assert sorted(m.to for m in mails) == sorted([first.email, second.email, mentioned.email])
    assert plan.owner.email not in [m.to for m in mails]
    assert bystander.email not in [m.to for m in mails]
    assert len(comments_of(plan.id)) == 3


def test_mentions_never_reach_or_reveal_anyone_outside_the_plan(
    client: FlaskClient, auth: Auth, mails: list[Mail]
) -> None:
    plan = org_plan()
    colleague = member(plan.organisation)
    outsider = factories.create_user(name="Ulla Ulkopuolinen", roles={Role.CUSTOMER})
    factories.create_organisation(members=(outsider,))
    auth.login(plan.owner)
    page = client.get(f"/plans/{plan.id}/sections/1").get_data(as_text=True)
    assert f"@{handle_of(colleague)}" in page
    assert "UllaUlkopuolinen" not in page and outsider.name not in page
    client.post(
        f"/plans/{plan.id}/sections/1/comments", data={"body": "@UllaUlkopuolinen katso tätä"}
    )
    assert mails == []
    assert comments_of(plan.id)[0].mentioned == []
    shown = client.get(f"/plans/{plan.id}/sections/1").get_data(as_text=True)
    assert '<strong class="mention">@UllaUlkopuolinen' not in shown


def test_a_colleague_who_left_the_organisation_is_not_mailed(
    client: FlaskClient, auth: Auth, mails: list[Mail]
) -> None:
    plan = org_plan()
    leaver = colleague(plan)
    auth.login(leaver)
    client.post(f"/plans/{plan.id}/sections/2/comments", data={"body": "Kuka vastaa?"})
    thread = comments_of(plan.id)[0]
    plan.organisation.memberships = [
        m for m in plan.organisation.memberships if m.user_id != leaver.id
    ]
    db.session.commit()
    auth.login(plan.owner)
    client.post(f"/plans/comments/{thread.id}/reply", data={"body": "Tiedottaja."})
    assert mails == []


def test_only_the_writer_edits_or_deletes_a_comment(client: FlaskClient, auth: Auth) -> None:
    plan = org_plan()
    other = colleague(plan, PlanRole.EDITOR)
    auth.login(plan.owner)
    client.post(f"/plans/{plan.id}/sections/5/comments", data={"body": "Viisi kuvaa"})
    comment = comments_of(plan.id)[0]
    auth.login(other)
    assert client.post(f"/plans/comments/{comment.id}/edit", data={"body": "x"}).status_code == 403
    assert client.post(f"/plans/comments/{comment.id}/delete").status_code == 403
    auth.login(plan.owner)
    assert (
        client.post(f"/plans/comments/{comment.id}/edit", data={"body": "Neljä kuvaa"}).status_code
        == 302
    )
    assert comments_of(plan.id)[0].body == "Neljä kuvaa"
    assert comments_of(plan.id)[0].edited_at is not None
    assert client.post(f"/plans/comments/{comment.id}/delete").status_code == 302
    assert comments_of(plan.id) == []


def test_a_deleted_first_comment_leaves_its_replies(client: FlaskClient, auth: Auth) -> None:
    plan = org_plan()
    other = colleague(plan)
    auth.login(plan.owner)
    client.post(f"/plans/{plan.id}/sections/5/comments", data={"body": "Alku"})
    thread = comments_of(plan.id)[0]
    auth.login(other)
    client.post(f"/plans/comments/{thread.id}/reply", data={"body": "Vastaus jää"})
    auth.login(plan.owner)
    client.post(f"/plans/comments/{thread.id}/delete")
    page = client.get(f"/plans/{plan.id}/sections/5").get_data(as_text=True)
    assert "Kommentti on poistettu." in page and "Vastaus jää" in page and "Alku" not in page


def test_resolving_and_the_list_of_all_comments_with_open_ones_first(
    client: FlaskClient, auth: Auth
) -> None:
    plan = org_plan()
    auth.login(plan.owner)
    for key, body in (("1", "Ensimmäinen ratkaistaan"), ("8", "Toinen jää auki")):
        client.post(f"/plans/{plan.id}/sections/{key}/comments", data={"body": body})
    first = comments_of(plan.id)[0]
    client.post(f"/plans/comments/{first.id}/resolve", data={"resolved": "1"})
    assert comments_of(plan.id)[0].resolved_at is not None
    page = client.get(f"/plans/{plan.id}/comments").get_data(as_text=True)
    assert "1 avoin keskustelu, 1 ratkaistu" in page
    assert page.index("Toinen jää auki") < page.index("Ensimmäinen ratkaistaan")
    overview = client.get(f"/plans/{plan.id}").get_data(as_text=True)
    assert "1 avoin kommentti" in overview


def test_an_empty_or_overlong_comment_is_refused_with_a_message(
    client: FlaskClient, auth: Auth
) -> None:
    plan = org_plan()
    auth.login(plan.owner)
    response = client.post(
        f"/plans/{plan.id}/sections/1/comments", data={"body": "  "}, follow_redirects=True
    )
    assert "Kirjoita ensin kommentti." in response.get_data(as_text=True)
    long = client.post(
        f"/plans/{plan.id}/sections/1/comments", data={"body": "x" * 5001}, follow_redirects=True
    )
    assert "Kommentti voi olla enintään 5000 merkkiä." in long.get_data(as_text=True)
    assert comments_of(plan.id) == []


def test_comment_text_is_escaped(client: FlaskClient, auth: Auth) -> None:
    plan = org_plan()
    auth.login(plan.owner)
    client.post(f"/plans/{plan.id}/sections/1/comments", data={"body": "<script>alert(1)</script>"})
    page = client.get(f"/plans/{plan.id}/sections/1").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page

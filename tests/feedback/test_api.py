"""The feedback API gives survey figures, never single answers: the free texts stay out, and
an anonymous survey's figures stay hidden under three answers, as on the summary page."""

from datetime import date, timedelta

from flask.testing import FlaskClient

from feedback.models import QuestionType
from paja.models import Role
from tests import factories
from tests.api_helpers import all_pages, token_for
from tests.feedback.factories import answer, create_survey


def rated(survey, rating: int, text: str = "", day: date | None = None, context: str = ""):
    """A response rating the first rating question, with a free text when given."""
    first = next(q for q in survey.questions if q.kind == QuestionType.RATING)
    texts = [q for q in survey.questions if q.kind == QuestionType.LONG][:1]
    values = {first: rating, **({texts[0]: text} if text and texts else {})}
    return answer(survey, values, day=day, context=context)


def test_a_summary_is_figures_only_and_hidden_under_three_anonymous_answers(
    client: FlaskClient,
) -> None:
    owner = factories.create_user(roles={Role.TRAINER})
    survey = create_survey(owner)
    rated(survey, 5, "Kouluttaja Kaisa oli loistava")
    rated(survey, 4)
    headers = token_for(owner, "surveys:read")
    body = client.get(f"/api/v1/surveys/{survey.id}/summary", headers=headers).get_json()
    assert body["responses"] == 2 and body["hidden"] is True
    assert all(q["options"] == [] and q["mean"] is None for q in body["questions"])
    rated(survey, 3)
    body = client.get(f"/api/v1/surveys/{survey.id}/summary", headers=headers).get_json()
    assert body["hidden"] is False
    first = next(q for q in body["questions"] if q["kind"] == "rating")
    assert first["mean"] == "4.00" and first["median"] == "4" and first["answered"] == 3
    assert [o["count"] for o in first["options"]] == [0, 0, 1, 1, 1]
    assert "Kaisa" not in str(body)  # a free text may name its writer: aggregates only
    listed = client.get("/api/v1/surveys", headers=headers).get_json()["items"]
    assert [(s["id"], s["responses"], s["mean"], s["hidden"]) for s in listed] == [
        (survey.id, 3, "4.00", False)
    ]


def test_the_list_hides_the_key_figures_of_small_anonymous_surveys(client: FlaskClient) -> None:
    owner = factories.create_user(roles={Role.TRAINER})
    rated(create_survey(owner), 1)
    named = create_survey(owner, anonymous=False)
    rated(named, 2)
    headers = token_for(owner, "surveys:read")
    listed = client.get("/api/v1/surveys", headers=headers).get_json()["items"]
    assert [(s["hidden"], s["mean"]) for s in listed] == [(True, None), (False, "2.00")]


def test_a_summary_is_narrowed_by_days_and_context(client: FlaskClient) -> None:
    owner = factories.create_user(roles={Role.TRAINER})
    survey = create_survey(owner, anonymous=False)
    today = date.today()
    for rating in (5, 5, 4):
        rated(survey, rating, context="session:1", day=today)
    rated(survey, 1, context="session:2", day=today - timedelta(days=10))
    headers = token_for(owner, "surveys:read")
    path = f"/api/v1/surveys/{survey.id}/summary"
    assert client.get(path, headers=headers).get_json()["responses"] == 4
    assert client.get(f"{path}?context=session:2", headers=headers).get_json()["responses"] == 1
    recent = client.get(f"{path}?start={today - timedelta(days=1)}", headers=headers).get_json()
    assert recent["responses"] == 3
    bad = client.get(f"{path}?start=eilen", headers=headers)
    assert bad.status_code == 422 and "start" in bad.get_json()["errors"]


def test_nobody_reads_another_persons_survey(client: FlaskClient) -> None:
    survey = create_survey()
    stranger = factories.create_user(roles={Role.TRAINER})
    headers = token_for(stranger, "surveys:read")
    response = client.get(f"/api/v1/surveys/{survey.id}/summary", headers=headers)
    assert response.status_code == 404
    assert client.get("/api/v1/surveys", headers=headers).get_json()["items"] == []
    admin = token_for(factories.create_user(roles={Role.ADMIN}), "surveys:read")
    assert client.get(f"/api/v1/surveys/{survey.id}/summary", headers=admin).status_code == 200


def test_an_organisation_token_reads_no_ones_surveys(client: FlaskClient) -> None:
    contact = factories.create_user(roles={Role.CUSTOMER, Role.TRAINER})
    organisation = factories.create_organisation(members=(contact,))
    survey = create_survey(contact)
    headers = token_for(contact, "surveys:read", organisation=organisation)
    for path in ("/api/v1/surveys", f"/api/v1/surveys/{survey.id}/summary"):
        response = client.get(path, headers=headers)
        assert response.status_code == 403
        assert "henkilökohtainen" in response.get_json()["detail"]


def test_pages_of_surveys_cost_the_same_queries(client: FlaskClient, count_queries) -> None:
    owner = factories.create_user(roles={Role.ADMIN})
    for _ in range(12):
        rated(create_survey(owner, anonymous=False), 4)
    headers = token_for(owner, "surveys:read")
    assert len(all_pages(client, "/api/v1/surveys", headers, limit=5)) == 12
    with count_queries() as few:
        client.get("/api/v1/surveys?limit=2", headers=headers)
    with count_queries() as many:
        client.get("/api/v1/surveys?limit=12", headers=headers)
    assert len(many) == len(few)

"""The OpenAPI document describes the API exactly: Schemathesis generates requests from it
for every operation and checks each answer against it (no server error, every status, header
and body as documented), with a token carrying every scope."""

import json
import re
from typing import Any

import pytest
import schemathesis
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests import factories
from tests.api_helpers import token_for


@pytest.fixture
def api_schema(app: Flask) -> Any:
    """The document as the app serves it, with a little data to read and register for."""
    from tests.trainings.factories import create_offering, create_registration, create_session

    session = create_session(offering=create_offering(), capacity=2)
    create_registration(session)
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


def test_the_document_is_openapi_3_1(client: FlaskClient) -> None:
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"] == "3.1.0"
    assert document["servers"] == [{"url": client.application.config["PAJA_BASE_URL"]}]
    names = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in {"get", "post", "delete"}:
                assert operation.get("summary"), (method, path)
                names.append(operation["operationId"])
    assert len(names) == len(set(names))  # each operation has its own name for clients
    referred = set(re.findall(r'"#/components/schemas/([^"]+)"', json.dumps(document)))
    assert set(document["components"]["schemas"]) == referred  # no model left unused


def test_every_operation_answers_as_documented(app: Flask, api_schema: Any) -> None:
    every_scope = token_for(factories.create_user())
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 9
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck),
                  database=None)  # fmt: skip
        def answers_as_documented(case: Any) -> None:
            # A cursor is opaque: any string fits its schema, but only the server's own are
            # understood, and another is a documented 400, not a "valid request rejected".
            case.call_and_validate(headers=every_scope, excluded_checks=[positive_data_acceptance])

        answers_as_documented()


def test_every_read_of_real_data_answers_as_documented(app: Flask, api_schema: Any) -> None:
    """Generated ids mostly miss: here every GET reads objects its token may see, so each
    documented body is checked with real content (nulls, nested lists, money, times)."""
    from datetime import datetime

    from feedback.models import QuestionType
    from paja.extensions import db
    from paja.models import Role
    from plans.labels import Channel
    from tests.courses.factories import certificate_of, complete, create_course
    from tests.feedback.factories import answer, create_survey
    from tests.incentives.factories import member, participant, programme
    from tests.incentives.test_standing import give
    from tests.plans.factories import entry, personal_plan
    from tests.trainings.event_factories import create_event
    from tests.trainings.factories import (
        create_offering,
        create_registration,
        create_session,
        create_trainer,
    )
    from trainings.operations.feedback import attach_survey

    item = programme()
    holder = participant(item)
    holder.user.role_links.clear()  # no admin's reach: what a person may see
    db.session.commit()
    give(holder, 12)
    member(item.organisation)
    survey = create_survey(holder.user)
    rating = next(q for q in survey.questions if q.kind == QuestionType.RATING)
    for value in (3, 4, 5):
        answer(survey, {rating: value})
    plan = personal_plan(holder.user)
    entry(plan, datetime(2027, 3, 1, 9), channel=Channel.X)
    certificate = certificate_of(complete(holder.user, create_course()))
    offering = create_offering()
    session = create_session(offering=offering)
    trainer = create_trainer(user=holder.user)
    session.trainers.append(trainer)  # so the holder reads its feedback
    attach_survey(session)
    registration = create_registration(session)
    registration.registered_by_id = holder.user.id
    event = create_event(days=1)
    db.session.commit()
    values = {
        "survey_id": survey.id, "plan_id": plan.id, "programme_id": item.id,
        "session_id": session.id, "registration_id": registration.id, "slug": offering.slug,
        "code": certificate.code, "event_id": event.id,
    }  # fmt: skip
    headers = token_for(holder.user)
    assert not holder.user.has_role(Role.ADMIN)
    checked = 0
    for result in api_schema.get_all_operations():
        operation = result.ok()
        if operation.method.upper() != "GET":
            continue
        wanted = {p.name: values[p.name] for p in operation.path_parameters}
        case = operation.Case(path_parameters=wanted, headers=headers)
        response = case.call_and_validate(excluded_checks=[positive_data_acceptance])
        assert response.status_code == 200, (operation.path, response.text)
        checked += 1
    assert checked >= 20

"""Who may use each API operation: public ones answer anyone; the others need a token with
every scope named (none: 401, without the scope: 403). Every API route is listed here."""

from collections.abc import Callable
from dataclasses import dataclass

from tests.paja.access_targets import Targets


@dataclass(frozen=True)
class ApiRule:
    """An API operation's URL, method, the scopes it needs (none: public) and a body."""

    url: Callable[[Targets], str]
    method: str = "GET"
    scopes: tuple[str, ...] = ()
    body: dict | Callable[[Targets], dict] | None = None


PERSON = {"name": "Matriisi Testaaja", "email": "matriisi@example.fi"}
API_RULES: dict[str, ApiRule] = {
    "api-docs.openapi_json": ApiRule(lambda t: "/api/v1/openapi.json"),
    "api_docs.docs": ApiRule(lambda t: "/api/v1/docs"),
    "api_trainings.list_workshops": ApiRule(lambda t: "/api/v1/workshops"),
    "api_trainings.get_workshop": ApiRule(lambda t: f"/api/v1/workshops/{t.offering.slug}"),
    "api_trainings.list_channels": ApiRule(lambda t: "/api/v1/channels"),
    "api_trainings.list_trainers": ApiRule(lambda t: "/api/v1/trainers"),
    "api_trainings.list_sessions": ApiRule(lambda t: "/api/v1/sessions"),
    "api_trainings.get_session": ApiRule(lambda t: f"/api/v1/sessions/{t.open_session.id}"),
    "api_trainings.create_registration": ApiRule(
        lambda t: f"/api/v1/sessions/{t.open_session.id}/registrations",
        "POST", ("registrations:write",), PERSON,
    ),
    "api_trainings.list_registrations": ApiRule(
        lambda t: "/api/v1/registrations", "GET", ("registrations:write",)
    ),
    "api_trainings.get_registration": ApiRule(
        lambda t: f"/api/v1/registrations/{t.registration.id}", "GET", ("registrations:write",)
    ),
    "api_trainings.delete_registration": ApiRule(
        lambda t: f"/api/v1/registrations/{t.registration.id}", "DELETE", ("registrations:write",)
    ),
    "api_trainings.list_orders": ApiRule(
        lambda t: "/api/v1/orders", "GET", ("orders:read",)
    ),
    "api_trainings.list_events": ApiRule(lambda t: "/api/v1/events"),
    "api_trainings.get_event": ApiRule(lambda t: f"/api/v1/events/{t.event.id}"),
    "api_trainings.get_session_feedback": ApiRule(
        lambda t: f"/api/v1/sessions/{t.session_with_survey.id}/feedback", "GET", ("surveys:read",)
    ),
    "api_trainings.create_event_registrations": ApiRule(
        lambda t: f"/api/v1/events/{t.event.id}/registrations", "POST", ("registrations:write",),
        lambda t: {**PERSON, "organisation": "Matriisi ry", "days": [t.event_day.id]},
    ),
    "api_courses.verify_certificate": ApiRule(
        lambda t: f"/api/v1/certificates/{t.certificate.code}"
    ),
    "api_courses.list_courses": ApiRule(lambda t: "/api/v1/courses"),
    "api_courses.list_progress": ApiRule(
        lambda t: "/api/v1/courses/progress", "GET", ("learning:read",)
    ),
    "api_courses.list_certificates": ApiRule(
        lambda t: "/api/v1/certificates", "GET", ("learning:read",)
    ),
    "api_account.me": ApiRule(lambda t: "/api/v1/me", "GET", ("account:read",)),
    "api_feedback.list_surveys": ApiRule(lambda t: "/api/v1/surveys", "GET", ("surveys:read",)),
    "api_feedback.get_summary": ApiRule(
        lambda t: f"/api/v1/surveys/{t.survey.id}/summary", "GET", ("surveys:read",)
    ),
    "api_plans.list_plans": ApiRule(lambda t: "/api/v1/plans", "GET", ("plans:read",)),
    "api_plans.list_entries": ApiRule(
        lambda t: f"/api/v1/plans/{t.plan.id}/entries", "GET", ("plans:read",)
    ),
    "api_incentives.list_programmes": ApiRule(
        lambda t: "/api/v1/programmes", "GET", ("programmes:read",)
    ),
    "api_incentives.get_standing": ApiRule(
        lambda t: f"/api/v1/programmes/{t.programme.id}/standing", "GET", ("programmes:read",)
    ),
    "api_incentives.get_boards": ApiRule(
        lambda t: f"/api/v1/programmes/{t.programme.id}/boards", "GET", ("programmes:read",)
    ),
}  # fmt: skip

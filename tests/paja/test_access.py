"""Who may use which route: every route of the app is in this matrix, or the test fails.

Allowed roles get exactly the status their rule names (a page, or the route's own redirect,
never one to the login page); anonymous visitors who are not allowed are sent to log in;
logged-in users without the role get 403.
"""

import pytest
from flask import Flask
from flask.testing import FlaskClient

from courses.operations.certificate_mail import certificate_token
from paja.models import Role
from tests.conftest import Auth
from tests.paja.access_events import EVENT_RULES
from tests.paja.access_incentives import INCENTIVE_RULES
from tests.paja.access_plans import PLAN_RULES
from tests.paja.access_rules import ADMIN, ANONYMOUS, EVERYONE, LOGGED_IN, NOBODY, Rule
from tests.paja.access_targets import Targets

MATRIX: dict[str, Rule] = {
    "static": Rule(lambda t: "/static/css/paja.css", EVERYONE),
    "bootstrap.static": Rule(lambda t: "/bootstrap/static/css/bootstrap.min.css", EVERYONE),
    "main.home": Rule(lambda t: "/", EVERYONE),
    "main.set_language": Rule(lambda t: "/language", EVERYONE),
    "main.healthz": Rule(lambda t: "/healthz", EVERYONE),
    "main.accessibility": Rule(lambda t: "/accessibility", EVERYONE),
    "main.brand_file": Rule(lambda t: "/brand/logo", EVERYONE, get=404),  # none configured
    "tokens.tokens": Rule(lambda t: "/account/tokens/", LOGGED_IN, post=200),
    "tokens.revoke": Rule(lambda t: f"/account/tokens/{t.api_token.id}/revoke", NOBODY),
    "webhooks.webhooks": Rule(
        lambda t: "/account/webhooks/", frozenset({Role.ADMIN, Role.CUSTOMER}), post=200
    ),
    "webhooks.webhook": Rule(lambda t: f"/account/webhooks/{t.webhook.id}", ADMIN),
    "webhooks.stop": Rule(lambda t: f"/account/webhooks/{t.webhook.id}/stop", ADMIN),
    "webhooks.again": Rule(
        lambda t: f"/account/webhooks/deliveries/{t.webhook_delivery.id}/again", ADMIN
    ),
    "auth.signup": Rule(
        lambda t: "/auth/signup", EVERYONE, post=200, logged_in={"GET": 302, "POST": 302}
    ),
    "auth.login": Rule(
        lambda t: "/auth/login", EVERYONE, post=200, logged_in={"GET": 302, "POST": 302}
    ),
    "auth.logout": Rule(lambda t: "/auth/logout", EVERYONE),
    "auth.confirm_signup": Rule(lambda t: "/auth/confirm/not-a-token", EVERYONE, post=200),
    "auth.forgot_password": Rule(lambda t: "/auth/forgot-password", EVERYONE, post=200),
    "auth.reset_password": Rule(lambda t: "/auth/reset-password/not-a-token", EVERYONE, post=200),
    "account.profile": Rule(lambda t: "/account/", LOGGED_IN),
    "account.change_password": Rule(lambda t: "/account/password", LOGGED_IN, post=200),
    "admin.users": Rule(lambda t: "/admin/users", ADMIN),
    "admin.audit": Rule(lambda t: "/admin/audit", ADMIN),
    "admin.jobs": Rule(lambda t: "/admin/jobs", ADMIN),
    "files.index": Rule(lambda t: "/files/", LOGGED_IN),
    "files.file_page": Rule(lambda t: f"/files/{t.prepared_file.token}", NOBODY),
    "files.download": Rule(lambda t: f"/files/{t.prepared_file.token}/download", NOBODY),
    "admin.run_job_again": Rule(lambda t: f"/admin/jobs/{t.job_failure.id}/run", ADMIN),
    "admin.user_data": Rule(lambda t: f"/admin/users/{t.user.id}/data.zip", ADMIN),
    "admin.erase_user": Rule(lambda t: f"/admin/users/{t.user.id}/erase", ADMIN),
    "account.download_data": Rule(lambda t: "/account/data.zip", LOGGED_IN),
    "account.delete_account": Rule(lambda t: "/account/delete", LOGGED_IN, post=200),
    "admin.user": Rule(lambda t: f"/admin/users/{t.user.id}", ADMIN),
    "admin.set_active": Rule(lambda t: f"/admin/users/{t.user.id}/active", ADMIN),
    "organisations.index": Rule(lambda t: "/organisations/", ADMIN),
    "organisations.new": Rule(lambda t: "/organisations/new", ADMIN, post=200),
    "organisations.view": Rule(lambda t: f"/organisations/{t.organisation.id}", ADMIN),
    "organisations.edit": Rule(lambda t: f"/organisations/{t.organisation.id}/edit", ADMIN),
    "organisations.add": Rule(
        lambda t: f"/organisations/{t.organisation.id}/members", ADMIN, post=200
    ),
    "organisations.remove": Rule(
        lambda t: f"/organisations/{t.organisation.id}/members/{t.user.id}/remove", ADMIN
    ),
}
MATRIX |= {
    "trainings.catalogue": Rule(lambda t: "/trainings/", EVERYONE),
    "trainings.offering": Rule(lambda t: f"/trainings/{t.offering.slug}", EVERYONE),
    "trainings.order": Rule(lambda t: f"/trainings/{t.offering.slug}/order", EVERYONE, post=200),
    "trainings.trainers": Rule(lambda t: "/trainings/trainers/", EVERYONE),
    "trainings.trainer": Rule(lambda t: f"/trainings/trainers/{t.trainer.slug}", EVERYONE),
    "trainings.edit_trainer": Rule(lambda t: f"/trainings/trainers/{t.trainer.slug}/edit", ADMIN),
    "trainings.sessions": Rule(lambda t: "/trainings/sessions/", EVERYONE),
    "trainings.session": Rule(lambda t: f"/trainings/sessions/{t.open_session.id}", EVERYONE),
    "trainings.session_ics": Rule(
        lambda t: f"/trainings/sessions/{t.open_session.id}.ics", EVERYONE
    ),
    "trainings.register_to_session": Rule(
        lambda t: f"/trainings/sessions/{t.open_session.id}/register",
        EVERYONE,
        post=200,
        logged_in={"POST": 302},
    ),
    "trainings.cancel_by_link": Rule(
        lambda t: f"/trainings/cancel/{t.registration.cancel_token}", EVERYONE
    ),
    "trainings.cancel_own": Rule(
        lambda t: f"/trainings/registrations/{t.registration.id}/cancel", NOBODY
    ),
    "trainings.feed": Rule(lambda t: f"/trainings/calendar/{t.feed.token}.ics", EVERYONE),
    "trainings.renew_feed": Rule(lambda t: "/trainings/calendar/renew", LOGGED_IN),
    "trainings.my_sessions": Rule(lambda t: "/trainings/my-sessions", LOGGED_IN),
    "trainings.orders": Rule(lambda t: "/trainings/orders/", LOGGED_IN),
    "trainings.orders_csv": Rule(lambda t: "/trainings/orders.csv", ADMIN),
    "trainings.order_page": Rule(lambda t: f"/trainings/orders/{t.order.id}", ADMIN),
    "trainings.order_pdf": Rule(
        lambda t: f"/trainings/orders/{t.order.id}/confirmation.pdf", ADMIN
    ),
    "trainings.cancel_order": Rule(lambda t: f"/trainings/orders/{t.order.id}/cancel", ADMIN),
    "trainings.confirm_order": Rule(
        lambda t: f"/trainings/orders/{t.order.id}/confirm", ADMIN, post=200
    ),
    "trainings.advance_order": Rule(lambda t: f"/trainings/orders/{t.order.id}/advance", ADMIN),
    "trainings.add_order_line": Rule(
        lambda t: f"/trainings/orders/{t.order.id}/lines", ADMIN, post=200
    ),
    "trainings.new_session": Rule(lambda t: "/trainings/sessions/new", ADMIN, post=200),
    "trainings.participants": Rule(
        lambda t: f"/trainings/sessions/{t.private_session.id}/participants", ADMIN
    ),
    "trainings.admin_offerings": Rule(lambda t: "/trainings/admin/offerings", ADMIN),
    "trainings.edit_offering": Rule(
        lambda t: f"/trainings/admin/offerings/{t.offering.id}", ADMIN, post=200
    ),
    "trainings.remove_offering": Rule(
        lambda t: f"/trainings/admin/offerings/{t.offering.id}/remove", ADMIN
    ),
    "trainings.admin_channels": Rule(lambda t: "/trainings/admin/channels", ADMIN, post=200),
    "trainings.edit_channel": Rule(
        lambda t: f"/trainings/admin/channels/{t.channel.id}", ADMIN, post=200
    ),
    "trainings.remove_channel": Rule(
        lambda t: f"/trainings/admin/channels/{t.channel.id}/remove", ADMIN
    ),
    "trainings.admin_trainers": Rule(lambda t: "/trainings/admin/trainers", ADMIN, post=200),
    "trainings.cancel_session": Rule(
        lambda t: f"/trainings/sessions/{t.private_session.id}/cancel", ADMIN
    ),
    "trainings.feedback_overview": Rule(
        lambda t: "/trainings/feedback", frozenset({Role.ADMIN, Role.TRAINER})
    ),
    "trainings.session_feedback": Rule(
        lambda t: f"/trainings/sessions/{t.session_with_survey.id}/feedback", ADMIN
    ),
    "trainings.attendance": Rule(
        lambda t: f"/trainings/sessions/{t.private_session.id}/attendance", ADMIN
    ),
}
MATRIX |= EVENT_RULES
MATRIX |= PLAN_RULES
MATRIX |= INCENTIVE_RULES
AUTHORS = frozenset({Role.ADMIN, Role.TRAINER, Role.ORGANISER})
MATRIX |= {
    "feedback.surveys": Rule(lambda t: "/feedback/surveys/", AUTHORS),
    "feedback.new_survey": Rule(lambda t: "/feedback/surveys/new", AUTHORS, post=200),
    "feedback.edit_survey": Rule(lambda t: f"/feedback/surveys/{t.survey.id}", ADMIN),
    "feedback.add_question": Rule(
        lambda t: f"/feedback/surveys/{t.survey.id}/questions", ADMIN, post=200
    ),
    "feedback.edit_question": Rule(
        lambda t: f"/feedback/questions/{t.survey.questions[0].id}", ADMIN
    ),
    "feedback.move_question": Rule(
        lambda t: f"/feedback/questions/{t.survey.questions[0].id}/down", ADMIN
    ),
    "feedback.remove_question": Rule(
        lambda t: f"/feedback/questions/{t.survey.questions[0].id}/remove", ADMIN
    ),
    "feedback.set_status": Rule(lambda t: f"/feedback/surveys/{t.survey.id}/closed", ADMIN),
    "feedback.duplicate": Rule(lambda t: f"/feedback/surveys/{t.survey.id}/duplicate", ADMIN),
    "feedback.preview": Rule(lambda t: f"/feedback/surveys/{t.survey.id}/preview", ADMIN),
    "feedback.invite": Rule(
        lambda t: f"/feedback/surveys/{t.survey.id}/invitations", ADMIN, post=200
    ),
    "feedback.remind": Rule(lambda t: f"/feedback/surveys/{t.survey.id}/remind", ADMIN),
    "feedback.summary": Rule(lambda t: f"/feedback/surveys/{t.survey.id}/summary", ADMIN),
    "feedback.summary_pdf": Rule(lambda t: f"/feedback/surveys/{t.survey.id}/summary.pdf", ADMIN),
    "feedback.export_csv": Rule(lambda t: f"/feedback/surveys/{t.survey.id}/answers.csv", ADMIN),
    "feedback.export_xlsx": Rule(lambda t: f"/feedback/surveys/{t.survey.id}/answers.xlsx", ADMIN),
    "feedback.answer_public": Rule(
        lambda t: f"/feedback/a/{t.survey.public_token}", EVERYONE, post=200
    ),
    "feedback.answer_invitation": Rule(
        lambda t: f"/feedback/i/{t.invitation.token}", EVERYONE, post=200
    ),
    "feedback.boards": Rule(
        lambda t: "/feedback/boards/", frozenset({Role.ADMIN, Role.ORGANISER}), post=200
    ),
    "feedback.board": Rule(lambda t: f"/feedback/boards/{t.board.id}", ADMIN),
    "feedback.wish_status": Rule(
        lambda t: f"/feedback/boards/{t.board.id}/wishes/{t.wish.id}/status", ADMIN
    ),
    "feedback.merge_wishes": Rule(
        lambda t: f"/feedback/boards/{t.board.id}/merge",
        ADMIN,
        data=lambda t: {"source": t.wish.id, "target": t.other_wish.id},
    ),
    "feedback.board_state": Rule(lambda t: f"/feedback/boards/{t.board.id}/closed", ADMIN),
    "feedback.wishes": Rule(lambda t: f"/feedback/w/{t.board.token}", EVERYONE, post=200),
    "feedback.vote_wish": Rule(lambda t: f"/feedback/w/{t.board.token}/vote/{t.wish.id}", EVERYONE),
    "feedback.answer_logged_in": Rule(lambda t: f"/feedback/s/{t.survey.id}", LOGGED_IN, post=200),
}
EDITORS = frozenset({Role.ADMIN, Role.TRAINER})
MATRIX |= {
    "courses.catalogue": Rule(lambda t: "/courses/", EVERYONE),
    "courses.course": Rule(lambda t: f"/courses/{t.course.slug}", EVERYONE),
    "courses.enrol": Rule(lambda t: f"/courses/{t.course.slug}/enrol", LOGGED_IN),
    "courses.leave": Rule(lambda t: f"/courses/{t.course.slug}/leave", LOGGED_IN),
    "courses.make_key": Rule(
        lambda t: f"/courses/{t.course.slug}/keys",
        frozenset({Role.ADMIN, Role.CUSTOMER}),
        data=lambda t: {"organisation": t.organisation.id},
    ),
    "courses.join": Rule(lambda t: f"/courses/join/{t.enrolment_key.token}", LOGGED_IN),
    "courses.module": Rule(
        lambda t: f"/courses/{t.course.slug}/modules/{t.course.modules[0].id}", ADMIN
    ),
    "courses.done": Rule(
        lambda t: f"/courses/{t.course.slug}/modules/{t.course.modules[0].id}/done", NOBODY
    ),
    "courses.tick": Rule(
        lambda t: f"/courses/{t.course.slug}/modules/{t.course.modules[0].id}/tasks/0", NOBODY
    ),
    "courses.my_learning": Rule(lambda t: "/courses/my", LOGGED_IN),
    "courses.manage": Rule(lambda t: "/courses/manage/", EDITORS),
    "courses.edit_course": Rule(lambda t: f"/courses/manage/{t.course.id}", ADMIN, post=200),
    "courses.add_module": Rule(lambda t: f"/courses/manage/{t.course.id}/modules", ADMIN, post=200),
    "courses.edit_module": Rule(
        lambda t: f"/courses/modules/{t.course.modules[0].id}/edit", ADMIN, post=200
    ),
    "courses.take_skill_check": Rule(
        lambda t: f"/courses/{t.course_with_check.slug}/skills/before", NOBODY
    ),
    "courses.skill_result": Rule(
        lambda t: f"/courses/{t.course_with_check.slug}/skills/result", NOBODY
    ),
    "courses.group": Rule(
        lambda t: f"/courses/{t.course_with_check.slug}/group?organisation={t.organisation.id}",
        ADMIN,
    ),
    "courses.edit_skill_check": Rule(
        lambda t: f"/courses/manage/{t.course_with_check.id}/skills", ADMIN, post=200
    ),
    "courses.add_skill_part": Rule(
        lambda t: f"/courses/manage/{t.course_with_check.id}/skills/areas", ADMIN, post=200
    ),
    "courses.certificate_pdf": Rule(
        lambda t: f"/courses/certificates/{t.certificate.code}.pdf", ADMIN
    ),
    "trainings.change_session_page": Rule(
        lambda t: f"/trainings/sessions/{t.open_session.id}/edit", ADMIN, post=200
    ),
    "courses.certificate_page": Rule(
        lambda t: f"/courses/certificates/{t.certificate.code}/page", ADMIN
    ),
    "courses.session_certificates_pdf": Rule(
        lambda t: f"/courses/certificates/session/{t.open_session.id}", ADMIN
    ),
    "courses.certificates": Rule(lambda t: "/courses/certificates/", ADMIN),
    "courses.certificate_badge": Rule(
        lambda t: f"/courses/certificates/{t.certificate.code}.jwt", ADMIN
    ),
    "courses.mailed_certificate_badge": Rule(
        lambda t: f"/courses/certificates/mailed/{certificate_token(t.certificate)}.jwt", EVERYONE
    ),
    "verify.status_list_file": Rule(lambda t: "/verify/status/revocation", EVERYONE),
    "well_known.did_json": Rule(lambda t: "/.well-known/did.json", EVERYONE),
    "courses.mailed_certificate": Rule(
        lambda t: f"/courses/certificates/mailed/{certificate_token(t.certificate)}", EVERYONE
    ),
    "courses.mailed_certificate_pdf": Rule(
        lambda t: f"/courses/certificates/mailed/{certificate_token(t.certificate)}.pdf", EVERYONE
    ),
    "courses.claim_mailed_certificate": Rule(
        lambda t: f"/courses/certificates/mailed/{certificate_token(t.certificate)}/claim",
        LOGGED_IN,
    ),
    "trainings.invoice_file": Rule(
        lambda t: f"/trainings/orders/{t.invoice.order_id}/invoices/{t.invoice.number}.pdf", ADMIN
    ),
    "trainings.credit_note": Rule(lambda t: f"/trainings/invoices/{t.invoice.id}/credit", ADMIN),
    "trainings.invoice_again": Rule(lambda t: f"/trainings/orders/{t.order.id}/invoice", ADMIN),
    "courses.certificate_admin": Rule(
        lambda t: f"/courses/certificates/{t.certificate.code}", ADMIN, post=200
    ),
    "verify.form": Rule(lambda t: "/verify", EVERYONE),
    "verify.certificate": Rule(lambda t: f"/verify/{t.certificate.code}", EVERYONE),
    "courses.change_module": Rule(
        lambda t: f"/courses/modules/{t.course.modules[0].id}/down", ADMIN
    ),
}
ROLES = [ANONYMOUS, *Role]


def methods_of(app: Flask, endpoint: str) -> list[str]:
    """The HTTP methods an endpoint answers (besides HEAD and OPTIONS)."""
    methods = set().union(*(rule.methods for rule in app.url_map.iter_rules(endpoint)))
    return sorted(methods - {"HEAD", "OPTIONS"})


def test_every_route_is_in_the_matrix(app: Flask) -> None:
    """Pages are here; the API's operations in access_api (tested in test_api_access)."""
    pages = {r.endpoint for r in app.url_map.iter_rules() if not r.rule.startswith("/api/")}
    assert pages == set(MATRIX)


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "anonymous")
@pytest.mark.parametrize("endpoint", sorted(MATRIX))
def test_access(
    app: Flask, client: FlaskClient, auth: Auth, endpoint: str, role: Role | None
) -> None:
    targets = Targets()
    if role is not None:
        auth.login(role)
    rule = MATRIX[endpoint]
    for method in methods_of(app, endpoint):
        data = rule.data(targets) if rule.data and method == "POST" else None
        response = client.open(rule.url(targets), method=method, data=data)
        response.close()
        to_login = response.status_code == 302 and response.headers["Location"].startswith(
            "/auth/login"
        )
        if role in rule.allowed:
            assert response.status_code == rule.expected(method, role is not ANONYMOUS), method
            assert not to_login, method
        elif role is ANONYMOUS:
            assert to_login, (method, response.status_code)
        else:
            assert response.status_code == 403, method

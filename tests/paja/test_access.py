"""Who may use which route: every route of the app is in this matrix, or the test fails.

Allowed roles get a page (not 403, not a login redirect); anonymous visitors who are not
allowed are sent to log in; logged-in users without the role get 403.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from flask import Flask
from flask.testing import FlaskClient

from paja.models import Organisation, Role, User
from tests import factories
from tests.conftest import Auth

ANONYMOUS = None
EVERYONE = frozenset({ANONYMOUS, *Role})
LOGGED_IN = frozenset(Role)
ADMIN = frozenset({Role.ADMIN})


@dataclass(frozen=True)
class Targets:
    """Objects the URLs point at; the visitor is not a member of the organisation."""

    user: User
    organisation: Organisation


@dataclass(frozen=True)
class Rule:
    """The URL of an endpoint and the roles that may use it."""

    url: Callable[[Targets], str]
    allowed: frozenset


MATRIX: dict[str, Rule] = {
    "static": Rule(lambda t: "/static/css/paja.css", EVERYONE),
    "bootstrap.static": Rule(lambda t: "/bootstrap/static/css/bootstrap.min.css", EVERYONE),
    "main.home": Rule(lambda t: "/", EVERYONE),
    "main.set_language": Rule(lambda t: "/language", EVERYONE),
    "main.healthz": Rule(lambda t: "/healthz", EVERYONE),
    "main.accessibility": Rule(lambda t: "/accessibility", EVERYONE),
    "auth.signup": Rule(lambda t: "/auth/signup", EVERYONE),
    "auth.login": Rule(lambda t: "/auth/login", EVERYONE),
    "auth.logout": Rule(lambda t: "/auth/logout", EVERYONE),
    "auth.forgot_password": Rule(lambda t: "/auth/forgot-password", EVERYONE),
    "auth.reset_password": Rule(lambda t: "/auth/reset-password/not-a-token", EVERYONE),
    "account.profile": Rule(lambda t: "/account/", LOGGED_IN),
    "account.change_password": Rule(lambda t: "/account/password", LOGGED_IN),
    "admin.users": Rule(lambda t: "/admin/users", ADMIN),
    "admin.user": Rule(lambda t: f"/admin/users/{t.user.id}", ADMIN),
    "admin.set_active": Rule(lambda t: f"/admin/users/{t.user.id}/active", ADMIN),
    "organisations.index": Rule(lambda t: "/organisations/", ADMIN),
    "organisations.new": Rule(lambda t: "/organisations/new", ADMIN),
    "organisations.view": Rule(lambda t: f"/organisations/{t.organisation.id}", ADMIN),
    "organisations.edit": Rule(lambda t: f"/organisations/{t.organisation.id}/edit", ADMIN),
    "organisations.add": Rule(lambda t: f"/organisations/{t.organisation.id}/members", ADMIN),
    "organisations.remove": Rule(
        lambda t: f"/organisations/{t.organisation.id}/members/{t.user.id}/remove", ADMIN
    ),
}
ROLES = [ANONYMOUS, *Role]


def methods_of(app: Flask, endpoint: str) -> list[str]:
    """The HTTP methods an endpoint answers (besides HEAD and OPTIONS)."""
    (rule,) = app.url_map.iter_rules(endpoint)
    return sorted(rule.methods - {"HEAD", "OPTIONS"})


def test_every_route_is_in_the_matrix(app: Flask) -> None:
    assert {rule.endpoint for rule in app.url_map.iter_rules()} == set(MATRIX)


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "anonymous")
@pytest.mark.parametrize("endpoint", sorted(MATRIX))
def test_access(
    app: Flask, client: FlaskClient, auth: Auth, endpoint: str, role: Role | None
) -> None:
    targets = Targets(user=factories.create_user(), organisation=factories.create_organisation())
    if role is not None:
        auth.login(role)
    rule = MATRIX[endpoint]
    for method in methods_of(app, endpoint):
        response = client.open(rule.url(targets), method=method)
        response.close()
        to_login = response.status_code == 302 and response.headers["Location"].startswith(
            "/auth/login"
        )
        if role in rule.allowed:
            assert response.status_code != 403, method
            assert not to_login or endpoint.startswith("auth."), method
            assert response.status_code < 500, method
        elif role is ANONYMOUS:
            assert to_login, (method, response.status_code)
        else:
            assert response.status_code == 403, method

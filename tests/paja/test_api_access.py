"""Every API operation's scopes are enforced: without a token 401, with a token lacking a
needed scope 403, with the scopes through; public operations answer anyone."""

import pytest
from flask import Flask
from flask.testing import FlaskClient

from paja.api_tokens import SCOPES
from tests import factories
from tests.api_helpers import token_for
from tests.paja.access_api import API_RULES
from tests.paja.access_targets import Targets


def call(client: FlaskClient, targets: Targets, endpoint: str, headers: dict[str, str]) -> int:
    """The status of the operation's request."""
    rule = API_RULES[endpoint]
    body = rule.body(targets) if callable(rule.body) else rule.body
    response = client.open(rule.url(targets), method=rule.method, json=body, headers=headers)
    response.close()
    return response.status_code


def test_every_api_route_is_listed(app: Flask) -> None:
    api = {r.endpoint for r in app.url_map.iter_rules() if r.rule.startswith("/api/")}
    assert api == set(API_RULES)


@pytest.mark.parametrize("endpoint", sorted(API_RULES))
def test_scopes_are_enforced(app: Flask, client: FlaskClient, endpoint: str) -> None:
    targets, rule = Targets(), API_RULES[endpoint]
    holder = factories.create_user()
    if rule.scopes:
        assert call(client, targets, endpoint, {}) == 401
        others = [s for s in SCOPES if s not in rule.scopes]
        assert call(client, targets, endpoint, token_for(holder, *others)) == 403
    status = call(client, targets, endpoint, token_for(holder, *(rule.scopes or SCOPES)))
    assert status not in {401, 403, 405, 500}, status
    if not rule.scopes:
        assert call(client, targets, endpoint, {}) == status  # public: no token needed

"""get_or_404, or_404 and check: a missing object is 404, a refused rule 403 (or log in)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from werkzeug.exceptions import NotFound

from paja.access import check, get_or_404, or_404
from paja.models import Organisation, Role, User
from tests import factories


def run_as(app: Flask, user: User | None, action: Callable[[], object]) -> object:
    """The status an action aborts with for a visitor, or what it returns."""
    from flask_login import login_user, logout_user

    with app.test_request_context():
        if user is None:
            logout_user()  # the test's app context may remember an earlier login
        else:
            login_user(user)
        try:
            return action()  # type: ignore[operator]
        except Exception as abort:
            response = getattr(abort, "response", None)
            return response.status_code if response is not None else abort.code


def test_a_missing_object_is_404_before_any_rule(app: Flask) -> None:
    admin = factories.create_user(roles={Role.ADMIN})
    assert run_as(app, admin, lambda: get_or_404(Organisation, 10**9, Organisation.can_view)) == 404
    assert run_as(app, admin, lambda: get_or_404(Organisation, None, None)) == 404
    with pytest.raises(NotFound):
        or_404(None)


def test_the_models_rule_decides_between_the_object_403_and_log_in(app: Flask) -> None:
    member, outsider = factories.create_user(roles={Role.CUSTOMER}), factories.create_user()
    organisation = factories.create_organisation(members=(member,))
    load = lambda: get_or_404(Organisation, organisation.id, Organisation.can_view)  # noqa: E731
    assert run_as(app, member, load) == organisation
    assert run_as(app, outsider, load) == 403
    assert run_as(app, None, load) == 302  # anonymous visitors are sent to log in
    assert run_as(app, outsider, lambda: check(organisation, None)) == organisation

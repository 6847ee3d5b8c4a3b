"""Fuzzing every route with hostile ids and form values: never a server error (on SQLite and,
in the PostgreSQL run, on PostgreSQL, where NUL bytes and integer overflows used to crash)."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paja.models import Role
from tests.conftest import Auth
from tests.paja.access_targets import Targets
from tests.paja.test_access import MATRIX, methods_of

HOSTILE_IDS = st.sampled_from([2**63, 2**63 - 1, 2**31, 2**31 - 1, 10**30, 0])
HOSTILE_TEXT = st.one_of(
    st.sampled_from([
        "NaN", "sNaN", "-Infinity", "1e999", "0001-01-01", "0001-01-01T00:00", "9999-12-31T23:59",
        str(2**63), str(-(2**63)), "-1", "0", "=1+1", "a\x00b", "\x00", "x" * 5000, "🙂" * 50,
        "<script>alert(1)</script>", "../../etc/passwd", " ", "",
    ]),
    st.text(max_size=30),
)  # fmt: skip
QUERY_NAMES = {"page", "q", "role", "status", "from", "to", "context", "format", "action",
               "actor", "channel", "mode", "language", "invite", "next", "code"}  # fmt: skip
FIELD = re.compile(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"')
SKIPPED = {"static", "bootstrap.static", "auth.logout"}
POSTING = sorted(
    endpoint for endpoint in MATRIX if endpoint not in SKIPPED and MATRIX[endpoint].post
)
FUZZ = settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def field_names(client: FlaskClient, url: str) -> set[str]:
    """The names of the fields on the page that holds the form (if the route shows one)."""
    response = client.get(url)
    page = response.status_code == 200 and response.mimetype == "text/html"
    names = set(FIELD.findall(response.get_data(as_text=True))) if page else set()
    response.close()
    return names - {"csrf_token"}


def int_segments(url: str) -> list[int]:
    """Where the numbers are in a URL's path segments."""
    parts = url.split("?")[0].split("/")
    return [i for i, part in enumerate(parts) if part.isdigit()]


@pytest.mark.parametrize("endpoint", sorted(set(MATRIX) - SKIPPED))
@FUZZ
@given(number=HOSTILE_IDS)
def test_hostile_ids_in_urls_never_crash(
    app: Flask, client: FlaskClient, auth: Auth, endpoint: str, number: int
) -> None:
    auth.login(Role.ADMIN)
    url = MATRIX[endpoint].url(Targets())
    parts = url.split("/")
    for index in int_segments(url):
        hostile = list(parts)
        hostile[index] = str(number)
        for method in methods_of(app, endpoint):
            response = client.open("/".join(hostile), method=method, data={})
            response.close()
            assert response.status_code < 500, (method, "/".join(hostile))


@pytest.mark.parametrize("endpoint", POSTING)
@FUZZ
@given(value=HOSTILE_TEXT)
def test_hostile_form_values_never_crash(
    app: Flask, client: FlaskClient, auth: Auth, endpoint: str, value: str
) -> None:
    auth.login(Role.ADMIN)
    targets = Targets()
    rule = MATRIX[endpoint]
    url = rule.url(targets)
    names = field_names(client, url) | set((rule.data(targets) if rule.data else {}).keys())
    data = dict.fromkeys(names, value)
    response = client.post(url, data=data)
    response.close()
    assert response.status_code < 500, (url, sorted(names))
    params = urlencode(dict.fromkeys(names, value) | {"q": value})
    query = client.get(f"{url}{'&' if '?' in url else '?'}{params}")
    query.close()
    assert query.status_code < 500, url


@pytest.mark.parametrize("endpoint", sorted(set(MATRIX) - SKIPPED))
@FUZZ
@given(value=HOSTILE_TEXT)
def test_hostile_query_values_never_crash(
    app: Flask, client: FlaskClient, auth: Auth, endpoint: str, value: str
) -> None:
    if "GET" not in methods_of(app, endpoint):
        return
    auth.login(Role.ADMIN)
    url = MATRIX[endpoint].url(Targets())
    names = QUERY_NAMES | field_names(client, url)
    params = urlencode(dict.fromkeys(names, value))
    response = client.get(f"{url}{'&' if '?' in url else '?'}{params}")
    response.close()
    assert response.status_code < 500, (url, value)

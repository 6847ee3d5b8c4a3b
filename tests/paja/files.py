"""Following a request for a prepared file to the file itself."""

from __future__ import annotations

from flask.testing import FlaskClient
from werkzeug.test import TestResponse


def made_file(
    client: FlaskClient, asked: TestResponse, ready: str = "Tiedosto on valmis."
) -> TestResponse:
    """The file a "make the file" request led to (jobs run at once in tests)."""
    assert asked.status_code == 302 and asked.location.startswith("/files/"), asked.location
    page = client.get(asked.location)
    assert ready in page.get_data(as_text=True)
    download = client.get(f"{asked.location}/download")
    assert download.status_code == 200
    return download

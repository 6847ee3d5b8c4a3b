"""GET /healthz reports the version and the database status."""

from flask.testing import FlaskClient

from paja import __version__
from tests.conftest import make_app


def test_health_is_ok_with_the_database(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "version": __version__, "database": "ok"}


def test_health_is_503_when_the_database_is_unreachable() -> None:
    app = make_app(SQLALCHEMY_DATABASE_URI="sqlite:////nonexistent-folder/paja.sqlite3")
    with app.app_context():
        response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["database"] == "unavailable"
    assert response.json["status"] == "degraded"

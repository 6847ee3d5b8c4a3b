"""Every page reached by following links, as each demo person, passes the Nu HTML Checker."""

from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

from courses.models import Certificate, EnrolmentKey
from courses.operations.certificate_mail import certificate_token
from feedback.models import Invitation, Survey
from paja.demo import DEMO_USERS, load_demo
from paja.extensions import db
from paja.models import User
from tests.conftest import make_file_app
from tests.html_pages import check_html, crawl
from trainings.models import Registration

pytestmark = pytest.mark.own_sqlite
PEOPLE = [None, *(person.email for person in DEMO_USERS)]
VISITS = [(email, "fi") for email in PEOPLE] + [
    (email, language) for email in (None, "admin@paja.example") for language in ("sv", "en")
]


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """An app on its own SQLite file holding the demo data."""
    app = make_file_app(tmp_path_factory.mktemp("demo"), WTF_CSRF_ENABLED=True)
    with app.app_context():
        load_demo()
        db.session.commit()
    return app


def link_pages(app: Flask) -> list[str]:
    """Pages reached from links in mails and handed-out links, not from other pages."""
    with app.app_context():
        first = lambda column: db.session.scalars(sa.select(column).limit(1)).first()  # noqa: E731
        registration = db.session.scalars(
            sa.select(Registration).order_by(Registration.id.desc()).limit(1)
        ).one()
        pages = [
            f"/trainings/cancel/{registration.cancel_token}",
            f"/trainings/events/me/{registration.personal_token}",
            f"/feedback/a/{first(Survey.public_token)}",
        ]
        if invitation := first(Invitation.token):
            pages.append(f"/feedback/i/{invitation}")
        if key := first(EnrolmentKey.token):
            pages.append(f"/courses/join/{key}")
        if certificate := db.session.scalars(sa.select(Certificate).limit(1)).first():
            pages.append(f"/courses/certificates/mailed/{certificate_token(certificate)}")
    return pages


@pytest.mark.parametrize(
    ("email", "language"),
    VISITS,
    ids=[f"{(email or 'anonymous').split('@')[0]}-{language}" for email, language in VISITS],
)
def test_every_page_is_valid_html(
    demo_app: Flask, email: str | None, language: str, tmp_path: Path
) -> None:
    client = demo_app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    if email:
        with demo_app.app_context():
            user = db.session.query(User).filter_by(email=email).one()
            with client.session_transaction() as session:
                session["_user_id"] = user.get_id()
                session["_fresh"] = True
    pages = dict(crawl(client, ["/", *link_pages(demo_app)]))
    errors = check_html(pages, tmp_path)
    assert len(pages) >= 20
    assert not errors, f"{len(errors)} HTML errors on {len(pages)} pages:\n" + "\n".join(errors)


def test_the_checker_finds_an_invalid_page(tmp_path: Path) -> None:
    page = (
        '<!DOCTYPE html><html lang="fi"><head><title>T</title></head><body>'
        '<p id="a">1</p><p id="a">2</p></body></html>'
    )
    errors = check_html({"/duplicate": page}, tmp_path)
    assert len(errors) == 1
    assert errors[0].startswith("/duplicate: Duplicate ID “a”")

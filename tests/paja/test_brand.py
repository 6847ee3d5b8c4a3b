"""The provider's brand: its name on pages, mails, PDFs and calendars; its logo and favicon."""

import io
from pathlib import Path
from types import SimpleNamespace

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader

from paja.mail import Mail, send_mail
from paja.pdf import build_pdf, paragraph

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture
def branded(app: Flask, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The app configured with another provider's name, logo and favicon."""
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    monkeypatch.setitem(app.config, "SITE_NAME", "Koulutustalo Oy")
    monkeypatch.setitem(app.config, "SITE_LOGO", str(logo))
    monkeypatch.setitem(app.config, "SITE_FAVICON", str(logo))
    return logo


def test_pages_show_the_configured_name_logo_and_favicon(
    client: FlaskClient, branded: Path
) -> None:
    page = client.get("/accessibility").text
    assert "· Koulutustalo Oy</title>" in page
    assert '<img src="/brand/logo" alt="Koulutustalo Oy"' in page
    assert '<link rel="icon" href="/brand/favicon">' in page
    with client.get("/brand/logo") as logo:
        assert logo.status_code == 200 and logo.data == PNG and logo.mimetype == "image/png"


def test_without_a_logo_the_name_and_the_built_in_favicon_show(client: FlaskClient) -> None:
    page = client.get("/accessibility").text
    assert '<link rel="icon" href="/static/favicon.svg">' in page
    assert client.get("/brand/favicon").status_code == 404
    with client.get("/static/favicon.svg") as icon:
        assert icon.status_code == 200


def test_mails_and_pdfs_carry_the_name(app: Flask, branded: Path, mails: list[Mail]) -> None:
    with app.test_request_context():
        send_mail("a@example.fi", "password_reset", "fi", user=SimpleNamespace(name="A"), link="x")
        document = build_pdf([paragraph("Sisältö")], title="T", subject="S", language="fi")
    assert mails[0].body.rstrip().endswith("Koulutustalo Oy")
    reader = PdfReader(io.BytesIO(document))
    assert "Koulutustalo Oy" in reader.pages[0].extract_text()
    assert reader.metadata.creator == "Koulutustalo Oy"

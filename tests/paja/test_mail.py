"""One function sends mail: memory in tests, console or folder in development, SMTP in production."""

from email import message_from_bytes, policy
from pathlib import Path
from unittest import mock

import pytest
from flask import Flask

from paja.mail import Attachment, outbox, send_mail
from tests.conftest import make_app


class Person:
    name = "Åsa Öhman-Łukasiewicz"


def test_memory_backend_keeps_messages_in_the_recipients_language(app: Flask) -> None:
    with app.test_request_context():
        send_mail("asa@example.fi", "password_reset", "sv", user=Person(), link="http://x/y")
        send_mail("maija@example.fi", "password_reset", None, user=Person(), link="http://x/y")
    swedish, default = outbox()
    assert swedish.subject == "Välj ett nytt lösenord för Paja"
    assert swedish.locale == "sv"
    assert "Hej Åsa Öhman-Łukasiewicz," in swedish.body
    assert "http://x/y" in swedish.body
    assert default.locale == "fi"
    assert default.subject == "Valitse uusi Paja-salasana"


def test_folder_backend_writes_eml_files(tmp_path: Path) -> None:
    app = make_app(MAIL_BACKEND="folder", MAIL_FOLDER=str(tmp_path))
    with app.test_request_context():
        send_mail("asa@example.fi", "password_reset", "en", user=Person(), link="http://x/y")
    (path,) = tmp_path.glob("*.eml")
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert message["To"] == "asa@example.fi"
    assert message["Subject"] == "Choose a new Paja password"
    assert "Hello Åsa Öhman-Łukasiewicz," in message.get_body(("plain",)).get_content()


class Script:
    name = "<script>alert(1)</script> Åsa"


def test_a_mail_has_text_and_html_in_its_language_and_marks_itself_automatic(
    tmp_path: Path,
) -> None:
    app = make_app(
        MAIL_BACKEND="folder", MAIL_FOLDER=str(tmp_path), PAJA_BASE_URL="https://paja.example.fi"
    )
    with app.test_request_context():
        send_mail("asa@example.fi", "password_reset", "sv", user=Script(),
                  link="https://paja.example.fi/auth/reset-password/abc?x=1&y=2")  # fmt: skip
    (path,) = tmp_path.glob("*.eml")
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert message["Content-Language"] == "sv"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Message-ID"].endswith("@paja.example.fi>")
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Hej <script>alert(1)</script> Åsa," in text
    assert '<html lang="sv">' in html
    assert "<title>Välj ett nytt lösenord för Paja</title>" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Åsa" in html and "<script>" not in html
    link = "https://paja.example.fi/auth/reset-password/abc?x=1&amp;y=2"
    assert f'<a href="{link}">{link}</a>' in html


def test_attachments_travel_as_mime_parts(tmp_path: Path) -> None:
    app = make_app(MAIL_BACKEND="folder", MAIL_FOLDER=str(tmp_path))
    invite = Attachment(
        "paja.ics", "text/calendar", b"BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n"
    )
    with app.test_request_context():
        send_mail("asa@example.fi", "password_reset", "fi", (invite,), user=Person(), link="x")
    (path,) = tmp_path.glob("*.eml")
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    [part] = list(message.iter_attachments())
    assert (part.get_filename(), part.get_content_type()) == ("paja.ics", "text/calendar")
    assert part.get_content_charset() == "utf-8"
    assert part.get_param("method") == "CANCEL"
    assert "BEGIN:VCALENDAR" in part.get_content()
    assert message["Subject"] == "Valitse uusi Paja-salasana"


def test_console_backend_prints(capsys: pytest.CaptureFixture[str]) -> None:
    app = make_app(MAIL_BACKEND="console")
    with app.test_request_context():
        send_mail("asa@example.fi", "password_reset", "fi", user=Person(), link="http://x/y")
    assert "To: asa@example.fi" in capsys.readouterr().err


def test_smtp_backend_uses_tls_and_login() -> None:
    app = make_app(
        MAIL_BACKEND="smtp",
        MAIL_SERVER="smtp.example.fi",
        MAIL_PORT=587,
        MAIL_USERNAME="paja",
        MAIL_PASSWORD="pw",
    )
    with mock.patch("paja.mail.smtplib.SMTP") as smtp, app.test_request_context():
        send_mail("asa@example.fi", "password_reset", "fi", user=Person(), link="http://x/y")
    smtp.assert_called_once_with("smtp.example.fi", 587, timeout=30)
    connection = smtp.return_value.__enter__.return_value
    connection.starttls.assert_called_once()
    connection.login.assert_called_once_with("paja", "pw")
    (sent,), _ = connection.send_message.call_args
    assert sent["To"] == "asa@example.fi"


def test_mail_waits_for_the_commit_and_is_dropped_on_rollback(app: Flask) -> None:
    from paja.extensions import db
    from tests import factories

    with app.test_request_context():
        factories.create_user()  # commits; the session starts a new transaction on next use
        db.session.execute(db.select(db.literal(1)))
        send_mail("a@example.fi", "password_reset", "fi", user=Person(), link="http://x/1")
        assert outbox() == []
        db.session.rollback()
        db.session.execute(db.select(db.literal(1)))
        send_mail("b@example.fi", "password_reset", "fi", user=Person(), link="http://x/2")
        with db.session.begin_nested():
            pass  # a savepoint rolled back or released does not drop it
        db.session.commit()
    assert [mail.to for mail in outbox()] == ["b@example.fi"]

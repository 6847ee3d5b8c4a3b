"""One way to send mail: console or folder in development, memory in tests, SMTP in production."""

from __future__ import annotations

import re
import smtplib
import sys
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import current_app, render_template
from flask_babel import force_locale

from paja.database import utcnow
from paja.jobs import job, queue
from paja.mail_html import mail_html
from paja.models import LANGUAGES

OUTBOX_KEY = "paja.outbox"


@dataclass(frozen=True)
class Attachment:
    """A file sent with a mail."""

    filename: str
    content_type: str
    data: bytes


@dataclass
class Mail:
    """A message as sent, kept for the memory backend."""

    to: str
    subject: str
    body: str
    locale: str
    attachments: tuple[Attachment, ...] = ()
    sent_at: datetime = field(default_factory=utcnow)


def outbox() -> list[Mail]:
    """Messages sent with the memory backend (tests)."""
    sent: list[Mail] = current_app.extensions.setdefault(OUTBOX_KEY, [])
    return sent


def send_mail(
    to: str,
    template: str,
    locale: str | None,
    attachments: tuple[Attachment, ...] = (),
    **context: Any,
) -> Mail:
    """Render templates/mail/<template>.txt in the recipient's language and send it.

    The template's first line is the subject; the rest is the body. The mail is sent by a
    job, queued when the current transaction commits (never for a change that was rolled
    back), so a request never waits for the mail server.
    """
    locale = locale if locale in LANGUAGES else current_app.config["BABEL_DEFAULT_LOCALE"]
    with force_locale(locale):
        subject, _, body = render_template(f"mail/{template}.txt", **context).partition("\n")
    mail = Mail(
        to=to,
        subject=subject.strip(),
        body=body.strip() + "\n",
        locale=locale,
        attachments=attachments,
    )
    queue(deliver_mail, mail)
    return mail


def _describe(mail: Mail) -> str:
    """How admins see a mail in the list of failed jobs."""
    return f"{mail.to}: {mail.subject}"


@job(describe=_describe)
def deliver_mail(mail: Mail) -> None:
    """Send one rendered mail (a job, retried when the mail server fails)."""
    deliver(mail)


def deliver(mail: Mail) -> None:
    """Hand a rendered mail to the configured backend."""
    backend = current_app.config["MAIL_BACKEND"]
    if backend == "memory":
        outbox().append(mail)
    elif backend == "console":
        print(message_of(mail).as_string(), file=sys.stderr)
    elif backend == "folder":
        _write_to_folder(mail)
    elif backend == "smtp":
        _send_smtp(mail)
    else:
        raise ValueError(f"unknown MAIL_BACKEND {backend!r}")


def message_of(mail: Mail) -> EmailMessage:
    """The MIME message for a Mail: plain text and simple HTML, then any attachments.

    Content-Language follows the parts (set_content clears content headers it finds).
    """
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message["Date"] = format_datetime(mail.sent_at)
    message["Message-ID"] = make_msgid(domain=_domain())
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies
    message.set_content(mail.body)
    message.add_alternative(mail_html(mail.subject, mail.body, mail.locale), subtype="html")
    for attachment in mail.attachments:
        maintype, _, subtype = attachment.content_type.partition("/")
        if maintype == "text":  # text parts say their charset (calendars their METHOD too)
            text = attachment.data.decode()
            method = re.search(r"^METHOD:(\w+)", text, re.MULTILINE)
            message.add_attachment(
                text, subtype=subtype, filename=attachment.filename,
                params={"method": method.group(1)} if method else {},
            )  # fmt: skip
        else:
            message.add_attachment(
                attachment.data, maintype=maintype, subtype=subtype, filename=attachment.filename
            )
    message["Content-Language"] = mail.locale
    return message


def _domain() -> str:
    """The host of the configured base address (Message-IDs are unique on it)."""
    return urlsplit(current_app.config["PAJA_BASE_URL"]).hostname or "localhost"


def _write_to_folder(mail: Mail) -> None:
    """Write the message as an .eml file into MAIL_FOLDER."""
    folder = Path(current_app.config["MAIL_FOLDER"])
    folder.mkdir(parents=True, exist_ok=True)
    stamp = mail.sent_at.strftime("%Y%m%dT%H%M%S%f")
    (folder / f"{stamp}.eml").write_bytes(bytes(message_of(mail)))


def _send_smtp(mail: Mail) -> None:
    """Send through the configured SMTP server."""
    config = current_app.config
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=30) as smtp:
        if config["MAIL_USE_TLS"]:
            smtp.starttls()
        if config["MAIL_USERNAME"]:
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(message_of(mail))

"""A person's data: everything Paja holds about them in one download, and erasure on request.

Each package adds what it holds through the app's registries (its blueprint's install hook):
`app.extensions[EXPORTERS]` takes functions `(user, data)` that add a section and files, and
`app.extensions[ERASERS]` functions `(user)` that erase or anonymise the package's personal
fields. Erasure keeps the account row as an anonymous tombstone, so counts (seats, answers,
completions) and certificates' existence stay as they were; the person behind them is gone.
"""

from __future__ import annotations

import io
import json
import secrets
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from paja.audit import Action, AuditEntry, forget_actor, record
from paja.database import utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.models import Membership, Role, User
from paja.sql import changed

EXPORTERS = "paja.exporters"
ERASERS = "paja.erasers"
ERASED_DOMAIN = "erased.invalid"  # RFC 2606: never a real address


@dataclass
class PersonalData:
    """What the download holds: sections of plain data (JSON) and files (PDFs)."""

    sections: dict[str, object] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)


Exporter = Callable[[User, PersonalData], None]
Eraser = Callable[[User], None]


def erased_email(kind: str, ident: int) -> str:
    """The placeholder that replaces an erased address (unique, never deliverable)."""
    return f"erased-{kind}-{ident}@{ERASED_DOMAIN}"


def _plain(value: object) -> object:
    """Dates, times and decimals as JSON text."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(type(value).__name__)


def collect(user: User) -> PersonalData:
    """Everything the shell and every package hold about the user."""
    data = PersonalData()
    data.sections["account"] = {
        "email": user.email,
        "name": user.name,
        "language": user.locale,
        "roles": sorted(user.roles),
        "created_at": user.created_at,
        "last_login_at": user.last_login_at,
        "organisations": [m.organisation.name for m in user.memberships],
    }
    data.sections["actions_on_others_data"] = [
        {"at": entry.at, "action": str(entry.action), "target": entry.target}
        for entry in db.session.scalars(
            sa.select(AuditEntry).where(AuditEntry.actor_id == user.id).order_by(AuditEntry.id)
        )
    ]
    exporters: list[Exporter] = current_app.extensions.get(EXPORTERS, [])
    for exporter in exporters:
        exporter(user, data)
    return data


def export_zip(actor: User, user: User) -> bytes:
    """The user's data as a ZIP: paja-data.json and their PDFs; an admin's download is logged."""
    data = collect(user)
    if actor.id != user.id:
        record(actor, Action.EXPORTED, f"user {user.id}")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "paja-data.json",
            json.dumps(data.sections, default=_plain, ensure_ascii=False, indent=2),
        )
        for name, content in data.files.items():
            archive.writestr(f"files/{name}", content)
    return buffer.getvalue()


def erase(actor: User, user: User, password: str | None = None) -> None:
    """Erase a person's data: by themselves (with their password) or by an admin on request."""
    if actor.id == user.id:
        if password is None or not user.check_password(password):
            raise RuleViolation(_("The password is not correct."), "password")
        if user.has_role(Role.ADMIN):
            raise RuleViolation(_("Ask another administrator to erase an administrator."))
    elif not actor.has_role(Role.ADMIN):
        raise RuleViolation(_("Only administrators erase other people's data."))
    erasers: list[Eraser] = current_app.extensions.get(ERASERS, [])
    for eraser in reversed(erasers):  # the highest package first, the shell last
        eraser(user)
    _erase_account(user)
    record(actor, Action.ERASED, f"user {user.id}")  # a self-erasure's entry names nobody


def _erase_account(user: User) -> None:
    """Make the account row an anonymous tombstone: nothing left that names the person."""
    changed(sa.delete(Membership).where(Membership.user_id == user.id))
    forget_actor(user)
    user.email = erased_email("user", user.id)
    user.name = ""
    user.locale = None
    user.password_hash = "!" + secrets.token_hex(16)  # matches no password
    user.active = False
    user.last_login_at = None
    user.set_roles(set())
    user.end_sessions()
    user.erased_at = utcnow()
    db.session.flush()

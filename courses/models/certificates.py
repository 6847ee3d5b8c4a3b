"""Certificates: a snapshot of what was achieved, with a verification code."""

from __future__ import annotations

import json
import secrets
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from paja.database import Base, UTCDateTime, utcnow
from paja.models import Role, User

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L look-alikes


def new_code() -> str:
    """An unguessable, readable code: three groups of four characters (about 59 bits)."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(12))
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4))


def normalise_code(text: str) -> str:
    """A typed code in its canonical form: upper case, groups of four."""
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


class Certificate(Base):
    """A course-completion or workshop-attendance certificate; its content never changes."""

    __tablename__ = "certificates"
    __table_args__ = (
        sa.Index(
            "uq_certificates_live_enrolment",
            "enrolment_id",
            unique=True,
            sqlite_where=sa.text("superseded_by_id IS NULL AND enrolment_id IS NOT NULL"),
            postgresql_where=sa.text("superseded_by_id IS NULL AND enrolment_id IS NOT NULL"),
        ),
        sa.Index(
            "uq_certificates_live_registration",
            "registration_id",
            unique=True,
            sqlite_where=sa.text("superseded_by_id IS NULL AND registration_id IS NOT NULL"),
            postgresql_where=sa.text("superseded_by_id IS NULL AND registration_id IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(14), unique=True, default=new_code)
    kind: Mapped[str] = mapped_column(sa.String(12))  # "course" or "attendance"
    user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    enrolment_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("enrolments.id", ondelete="SET NULL")
    )
    registration_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("registrations.id", ondelete="SET NULL")
    )
    course_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("courses.id", ondelete="SET NULL"), index=True
    )
    session_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("sessions.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(sa.String(120))
    title: Mapped[str] = mapped_column(sa.String(200))
    achieved_on: Mapped[date]
    hours: Mapped[Decimal] = mapped_column(sa.Numeric(5, 1))
    trainers: Mapped[str] = mapped_column(sa.String(300), default="")
    issuer: Mapped[str] = mapped_column(sa.String(200))
    details_json: Mapped[str] = mapped_column(sa.Text, default="{}")
    language: Mapped[str] = mapped_column(sa.String(5), default="fi")
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When a holder without an account was mailed the link to it (once, after the session).
    mailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoke_reason: Mapped[str] = mapped_column(sa.String(300), default="")
    superseded_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("certificates.id", ondelete="SET NULL")
    )

    @property
    def details(self) -> dict[str, Any]:
        """Outcomes (module titles) and growth per area, as issued."""
        found: dict[str, Any] = json.loads(self.details_json or "{}")
        return found

    @property
    def until(self) -> date | None:
        """The last day of a multi-day event, or None."""
        last = self.details.get("until")
        return date.fromisoformat(last) if last else None

    def can_download(self, user: User) -> bool:
        """Its holder and admins may download the PDF."""
        return user.is_authenticated and (user.has_role(Role.ADMIN) or self.user_id == user.id)

    def handed_out_to(self, user: User) -> bool:
        """A revoked or replaced certificate is handed out to admins only, never again to its
        holder."""
        return self.state == "valid" or user.has_role(Role.ADMIN)

    @property
    def state(self) -> str:
        """valid, revoked or superseded."""
        if self.superseded_by_id is not None:
            return "superseded"
        if self.revoked_at is not None:
            return "revoked"
        return "valid"

"""Accounts, roles and organisations: the shell's own models."""

from __future__ import annotations

import secrets
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from flask import current_app
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates
from werkzeug.security import check_password_hash, generate_password_hash

from paja.database import Base, UTCDateTime, string_enum, utcnow
from paja.extensions import db


class Role(StrEnum):
    """What a user may do; a user holds one or more."""

    ADMIN = "admin"
    TRAINER = "trainer"
    ORGANISER = "organiser"
    CUSTOMER = "customer"
    PARTICIPANT = "participant"


LANGUAGES = ("fi", "sv", "en")


def _new_session_token() -> str:
    """A random value that changes when every login of a user must end."""
    return secrets.token_hex(16)


class UserRole(Base):
    """One role held by one user."""

    __tablename__ = "user_roles"

    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[Role] = mapped_column(string_enum(Role), primary_key=True)


class User(UserMixin, Base):
    """A person with an account; email is stored lower-cased and unique."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    password_hash: Mapped[str] = mapped_column(sa.String(256))
    locale: Mapped[str | None] = mapped_column(sa.String(5))
    active: Mapped[bool] = mapped_column(default=True)
    session_token: Mapped[str] = mapped_column(sa.String(32), default=_new_session_token)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # personal data erased

    role_links: Mapped[list[UserRole]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by=UserRole.role
    )
    memberships: Mapped[list[Membership]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email}>"

    @validates("email")
    def _lower_email(self, key: str, value: str) -> str:
        """Store emails trimmed and lower-cased, so uniqueness ignores case."""
        return value.strip().lower()

    @property
    def is_active(self) -> bool:
        """Flask-Login refuses to log in deactivated users."""
        return self.active

    def get_id(self) -> str:
        """The login id: user id plus a token that changes with the password."""
        return f"{self.id}:{self.session_token}"

    @property
    def roles(self) -> set[Role]:
        """The roles this user holds."""
        return {link.role for link in self.role_links}

    def has_role(self, *roles: Role) -> bool:
        """Whether the user holds any of the given roles."""
        return not self.roles.isdisjoint(roles)

    def set_roles(self, roles: set[Role]) -> None:
        """Replace the user's roles with the given set."""
        self.role_links = [link for link in self.role_links if link.role in roles] + [
            UserRole(role=role) for role in sorted(roles - self.roles)
        ]

    def set_password(self, password: str) -> None:
        """Hash and store a new password; this ends every other login."""
        method = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
        self.password_hash = generate_password_hash(password, method=method)
        self.end_sessions()

    def end_sessions(self) -> None:
        """Invalidate every session and remember-me cookie of this user."""
        self.session_token = _new_session_token()

    def check_password(self, password: str) -> bool:
        """Whether the password matches."""
        return check_password_hash(self.password_hash, password)


class Membership(Base):
    """A user belongs to an organisation."""

    __tablename__ = "memberships"

    organisation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    organisation: Mapped[Organisation] = relationship(back_populates="memberships")
    user: Mapped[User] = relationship(back_populates="memberships")


class Organisation(Base):
    """An ordering organisation: a municipality, an agency, a company or an association."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    business_id: Mapped[str] = mapped_column(sa.String(9), unique=True)
    billing_street: Mapped[str] = mapped_column(sa.String(200), default="")
    billing_postcode: Mapped[str] = mapped_column(sa.String(10), default="")
    billing_city: Mapped[str] = mapped_column(sa.String(100), default="")
    einvoice_address: Mapped[str] = mapped_column(sa.String(35), default="")
    einvoice_operator: Mapped[str] = mapped_column(sa.String(35), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan"
    )

    @property
    def postal_billing_address(self) -> str:
        """Street, postcode and city on one line ("" when none is stored)."""
        place = f"{self.billing_postcode} {self.billing_city}".strip()
        return ", ".join(part for part in (self.billing_street.strip(), place) if part)

    def billing_details(self) -> dict[str, str]:
        """What prefills an order's billing fields."""
        return {
            "einvoice_address": self.einvoice_address,
            "einvoice_operator": self.einvoice_operator,
            "billing_address": self.postal_billing_address,
        }

    def __repr__(self) -> str:
        return f"<Organisation {self.id} {self.name}>"

    def has_member(self, user: User) -> bool:
        """Whether the user is a member (one query, no member list loaded)."""
        if not user.is_authenticated:
            return False
        return db.session.get(Membership, (self.id, user.id)) is not None

    def can_view(self, user: User) -> bool:
        """Admins and its customer contacts see its billing details and members; a plain member
        (staff taking part) needs none of that."""
        return self.can_act_for_staff(user)

    def can_edit(self, user: User) -> bool:
        """Admins, and member customers for their own organisation's details."""
        return self.can_act_for_staff(user)

    def can_act_for_staff(self, user: User) -> bool:
        """Admins and the organisation's customer contacts (members holding the customer role):
        they edit its details, make enrolment links for its staff and read their group results."""
        if not user.is_authenticated:
            return False
        return user.has_role(Role.ADMIN) or (user.has_role(Role.CUSTOMER) and self.has_member(user))

    def can_manage_members(self, user: User) -> bool:
        """Only admins add and remove members."""
        return user.is_authenticated and user.has_role(Role.ADMIN)

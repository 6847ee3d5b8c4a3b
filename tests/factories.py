"""Factories for test data; each commits (a savepoint inside the test's transaction)."""

from __future__ import annotations

import itertools

import sqlalchemy as sa
from flask import current_app

from paja.business_id import check_digit
from paja.extensions import db
from paja.job_failures import JobFailure, record_failure
from paja.jobs import job_name, queue_of
from paja.mail import Mail, deliver_mail
from paja.models import Membership, Organisation, Role, User
from paja.prepared_files import FileStatus, PreparedFile

PASSWORD = "kolme-iloista-kissaa"
_sequence = itertools.count(1)


def create_user(
    email: str | None = None,
    name: str | None = None,
    roles: set[Role] | None = None,
    password: str = PASSWORD,
    active: bool = True,
    locale: str | None = None,
) -> User:
    """A user with the given roles (participant by default) and the test password."""
    n = next(_sequence)
    user = User(
        email=(email or f"user{n}@example.fi").lower(),
        name=name or f"Testi Käyttäjä {n}",
        active=active,
        locale=locale,
    )
    user.set_password(password)
    user.set_roles(roles or {Role.PARTICIPANT})
    db.session.add(user)
    db.session.commit()
    return user


def valid_business_id() -> str:
    """A new, valid Y-tunnus."""
    while True:
        digits = f"{3000000 + next(_sequence):07d}"
        check = check_digit(digits)
        if check is not None:
            return f"{digits}-{check}"


def create_organisation(
    name: str | None = None, business_id: str | None = None, members: tuple[User, ...] = ()
) -> Organisation:
    """An organisation with the given members."""
    organisation = Organisation(
        name=name or f"Testiorganisaatio {next(_sequence)}",
        business_id=business_id or valid_business_id(),
        billing_street="Testikatu 1",
        billing_postcode="00100",
        billing_city="Helsinki",
    )
    db.session.add(organisation)
    for user in members:
        db.session.add(Membership(organisation=organisation, user=user))
    db.session.commit()
    return organisation


def create_job_failure(final: bool = True, to: str = "kalle@example.fi") -> JobFailure:
    """A failed attempt to send a mail, as the queue records it."""
    mail = Mail(to=to, subject="Tervetuloa", body="Hei!\n", locale="fi")
    huey = queue_of(current_app).huey
    task = queue_of(current_app).tasks[job_name(deliver_mail)].s(mail)
    record_failure(huey, task, ConnectionRefusedError("smtp down"), final=final)
    db.session.commit()
    failure = db.session.scalars(sa.select(JobFailure).order_by(JobFailure.id.desc())).first()
    assert failure is not None
    return failure


def create_prepared_file(user: User, ready: bool = True) -> PreparedFile:
    """A one-page PDF made for the user (or still being made)."""
    prepared = PreparedFile(
        user_id=user.id,
        kind="badges",
        key=1,
        title="Nimikyltit",
        filename="paja-badges-1.pdf",
        locale="fi",
        status=FileStatus.READY if ready else FileStatus.PREPARING,
        data=b"%PDF-1.4 test" if ready else None,
    )
    db.session.add(prepared)
    db.session.commit()
    return prepared

"""`paja purge` deletes personal data past its documented retention time, and nothing else."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa
from flask import Flask

from feedback.models import Invitation
from feedback.privacy import purge_invitations
from paja.database import utcnow
from paja.extensions import db
from paja.ratelimits import SQLiteStorage
from tests.feedback.factories import create_survey
from tests.trainings.factories import create_registration, create_session
from trainings.models import Registration, RegistrationStatus
from trainings.privacy import purge_cancelled


def test_cancelled_registrations_go_30_days_after_the_session(app: Flask) -> None:
    old = create_session(starts_in=timedelta(days=-40))
    recent = create_session(starts_in=timedelta(days=-10))
    gone = create_registration(old, status=RegistrationStatus.CANCELLED).id
    kept = {create_registration(old).id,
            create_registration(recent, status=RegistrationStatus.CANCELLED).id}  # fmt: skip
    assert purge_cancelled(utcnow()) == 1
    ids = set(db.session.scalars(sa.select(Registration.id)))
    assert gone not in ids and kept <= ids


def test_invitations_go_a_year_after_they_were_sent(app: Flask) -> None:
    survey = create_survey()
    old = Invitation(
        survey_id=survey.id, email="vanha@example.fi", sent_at=utcnow() - timedelta(days=400)
    )
    new = Invitation(
        survey_id=survey.id, email="uusi@example.fi", sent_at=utcnow() - timedelta(days=30)
    )
    db.session.add_all([old, new])
    db.session.commit()
    assert purge_invitations(utcnow()) == 1
    assert list(db.session.scalars(sa.select(Invitation.email))) == ["uusi@example.fi"]


def test_the_command_runs_every_rule(app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    for rule in ("audit entries", "rate-limit counters", "survey invitations",
                 "cancelled registrations", "network-day needs"):  # fmt: skip
        assert f"{rule}: " in result.output


def test_expired_rate_limit_counters_are_deleted(tmp_path: Path) -> None:
    storage = SQLiteStorage(f"paja-sqlite:///{tmp_path / 'limits.sqlite3'}")
    storage.incr("gone", expiry=0)
    storage.incr("kept", expiry=600)
    assert storage.purge() == 1
    assert storage.get("kept") == 1

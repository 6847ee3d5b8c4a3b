"""Runs last: tests that commit for real (races) must leave the shared database as they found it."""

import sqlalchemy as sa
from flask import Flask

from feedback.models import Survey
from paja.extensions import db
from paja.models import Organisation, User
from trainings.models import Offering, TrainingSession


def test_no_rows_are_left_behind(app: Flask) -> None:
    for model in (User, Organisation, Offering, TrainingSession, Survey):
        assert db.session.scalar(sa.select(sa.func.count()).select_from(model)) == 0, model.__name__

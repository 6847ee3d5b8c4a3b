"""What the operations share when they change rows with conditional SQL."""

from __future__ import annotations

from typing import Any, cast

import sqlalchemy as sa

from paja.extensions import db


def changed(statement: sa.Update | sa.Delete) -> int:
    """Run an UPDATE or DELETE in the request's transaction; how many rows it changed.

    The session's objects are not synchronised: callers refresh what they show next.
    """
    result = db.session.execute(statement.execution_options(synchronize_session=False))
    return cast(sa.CursorResult[Any], result).rowcount

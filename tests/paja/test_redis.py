"""The set-up for several machines: the page generation, the job queue and the rate-limit
counters on a real Redis server instead of files on one machine."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from paja.extensions import db, limiter
from paja.jobs import queue_of
from paja.mail import outbox
from tests import factories
from tests.conftest import make_file_app
from tests.queue import work_through
from tests.redis_server import redis_server
from tests.trainings.factories import create_offering
from trainings.models import Offering

pytestmark = pytest.mark.nodb  # each test has its own SQLite file; the PostgreSQL run skips them


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A Redis server of the test's own."""
    with redis_server(tmp_path) as url:
        yield url


def test_a_change_on_one_machine_reaches_the_pages_of_another(
    tmp_path: Path, redis_url: str
) -> None:
    one = make_file_app(tmp_path, CACHE_URL=redis_url)
    another = make_file_app(tmp_path, migrate=False, CACHE_URL=redis_url)
    with one.app_context():
        slug = create_offering(price="500.00").slug
    visitor = another.test_client()
    assert "500,00" in visitor.get(f"/trainings/{slug}").get_data(as_text=True)
    with one.app_context():
        db.session.scalars(
            sa.select(Offering).where(Offering.slug == slug)
        ).one().price_excl_vat = Decimal("820.00")
        db.session.commit()
    assert "820,00" in visitor.get(f"/trainings/{slug}").get_data(as_text=True)


def test_mail_waits_in_the_redis_queue_until_a_worker_sends_it(
    tmp_path: Path, redis_url: str
) -> None:
    app = make_file_app(tmp_path, JOBS_URL=redis_url)
    with app.app_context():
        factories.create_user(email="kaisa@example.fi")
    app.test_client().post("/auth/forgot-password", data={"email": "kaisa@example.fi"})
    with app.app_context():
        huey = queue_of(app).huey
        assert outbox() == [] and huey.pending_count() == 1
        assert work_through(huey) == 1
        assert [mail.to for mail in outbox()] == ["kaisa@example.fi"]


def test_rate_limits_count_in_redis(tmp_path: Path, redis_url: str) -> None:
    app = make_file_app(tmp_path, RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI=redis_url)
    try:
        data = {"email": "ei@example.fi", "password": "väärä-salasana"}
        machines = [app.test_client(), make_file_app(
            tmp_path, migrate=False, RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI=redis_url
        ).test_client()]  # fmt: skip
        codes = [machines[n % 2].post("/auth/login", data=data).status_code for n in range(21)]
        assert codes == [200] * 20 + [429]  # counted together across both
    finally:
        limiter.reset()
        limiter.enabled = False

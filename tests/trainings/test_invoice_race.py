"""Racing invoicing: unique numbers without gaps, and one invoice per order, on SQLite and
PostgreSQL."""

import sqlalchemy as sa
from flask import Flask

from paja.extensions import db
from paja.models import Role
from tests import factories
from tests.racing import race
from trainings.models import Invoice, OrderStatus

ORDERS = 6


def test_racing_invoicing_numbers_without_gaps(racing_app: Flask) -> None:
    with racing_app.app_context():
        from tests.trainings.factories import create_order

        orders = [create_order(status=OrderStatus.DELIVERED) for _ in range(ORDERS)]
        order_ids = [order.id for order in orders]
        admin = factories.create_user(roles={Role.ADMIN})
        admin.get_id()  # loaded before it leaves the session
        db.session.expunge(admin)
        first = racing_app.config["INVOICE_FIRST_NUMBER"]
    # Every order once, and the first order a second time at the same moment.
    paths = [f"/trainings/orders/{i}/advance" for i in [*order_ids, order_ids[0]]]
    codes = race(racing_app, paths, [{"to": "invoiced"}] * len(paths), login=admin)
    assert codes == [302] * len(paths)
    with racing_app.app_context():
        rows = db.session.execute(
            sa.select(Invoice.order_id, Invoice.number).order_by(Invoice.number)
        ).all()
    assert sorted(order_id for order_id, _ in rows) == sorted(order_ids)  # one per order
    assert [number for _, number in rows] == list(range(first, first + ORDERS))

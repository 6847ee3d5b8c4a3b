"""Webhooks: an admin or an organisation's contact subscribes a URL to events; each delivery
is signed (HMAC-SHA256 of the timestamp and body with the subscription's secret), queued,
retried with back-off until the receiver answers 2xx, and logged with its answers."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import urllib.error
import urllib.request
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy.orm import Mapped, mapped_column, relationship

from paja.database import Base, UTCDateTime, utcnow
from paja.errors import RuleViolation
from paja.extensions import db
from paja.jobs import every, job, queue
from paja.models import Organisation, Role, User
from paja.sql import changed
from paja.webhook_transport import check_url, opener

log = logging.getLogger(__name__)
#: Every event a subscription may choose, with what it means (packages add theirs).
EVENTS: dict[str, str] = {}
BACKOFF = (1, 5, 30, 120, 360, 720)  # minutes before each retry: about 20 hours in all
TIMEOUT = 10  # seconds a receiver has to answer
SIGNATURE = "Paja-Signature"


def event_type(name: str, label: str) -> str:
    """Declare an event (at import of the package that emits it) and return its name."""
    EVENTS[name] = label
    return name


class Webhook(Base):
    """A URL subscribed to events: an admin's sees every event, an organisation's those of
    the organisation."""

    __tablename__ = "webhooks"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    organisation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(sa.String(500))
    secret: Mapped[str] = mapped_column(sa.String(64))
    events_text: Mapped[str] = mapped_column(sa.String(500))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    owner: Mapped[User] = relationship(lazy="joined", innerjoin=True)
    organisation: Mapped[Organisation | None] = relationship(lazy="joined")

    @property
    def events(self) -> set[str]:
        """The events it receives."""
        return set(self.events_text.split())

    def can_manage(self, user: User) -> bool:
        """Its owner, and admins."""
        return user.is_authenticated and (user.id == self.owner_id or user.has_role(Role.ADMIN))


class Delivery(Base):
    """One event sent (or to be sent) to one webhook, with the last answer."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (sa.Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    webhook_id: Mapped[int] = mapped_column(
        sa.ForeignKey("webhooks.id", ondelete="CASCADE"), index=True
    )
    event: Mapped[str] = mapped_column(sa.String(60))
    body: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[str] = mapped_column(sa.String(12), default="pending")  # delivered, failed
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=utcnow)
    last_status: Mapped[int | None]
    last_answer: Mapped[str] = mapped_column(sa.String(500), default="")
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    webhook: Mapped[Webhook] = relationship(lazy="joined", innerjoin=True)

    def can_manage(self, user: User) -> bool:
        """Who manages its webhook."""
        return self.webhook.can_manage(user)


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """`v1=` and the HMAC-SHA256 of `timestamp.body` with the subscription's secret."""
    signed = timestamp.encode() + b"." + body
    return "v1=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def subscribe(
    owner: User, url: str, events: list[str], organisation: Organisation | None
) -> Webhook:
    """A new subscription with a fresh secret; admins may subscribe to everything."""
    if not events or set(events) - set(EVENTS):
        raise RuleViolation(_("Choose at least one of the listed events."), "events")
    if organisation is None and not owner.has_role(Role.ADMIN):
        raise RuleViolation(_("Choose one of the listed options."), "organisation")
    if organisation is not None and not organisation.can_edit(owner):
        raise RuleViolation(_("Choose one of the listed options."), "organisation")
    webhook = Webhook(
        owner_id=owner.id, organisation_id=organisation.id if organisation else None,
        url=check_url(url), secret=secrets.token_hex(32), events_text=" ".join(sorted(events)),
    )  # fmt: skip
    db.session.add(webhook)
    db.session.flush()
    return webhook


def unsubscribe(webhook: Webhook) -> None:
    """Stop sending to a webhook (its log stays)."""
    webhook.active = False
    db.session.flush()


def emit(event: str, data: dict[str, Any], organisation_id: int | None = None) -> int:
    """Queue the event for every active webhook subscribed to it: admins' always, an
    organisation's when the event concerns it. Sent once the transaction commits."""
    hooks = db.session.scalars(
        sa.select(Webhook).where(
            Webhook.active.is_(True),
            Webhook.events_text.contains(event),
            sa.or_(Webhook.organisation_id.is_(None), Webhook.organisation_id == organisation_id),
        )
    ).all()
    made = []
    for webhook in hooks:
        if event not in webhook.events:
            continue
        body = {"event": event, "created_at": utcnow().isoformat(), "data": data}
        delivery = Delivery(webhook_id=webhook.id, event=event, body=json.dumps(body))
        db.session.add(delivery)
        made.append(delivery)
    db.session.flush()
    for delivery in made:
        body_with_id = {**json.loads(delivery.body), "id": delivery.id}
        delivery.body = json.dumps(body_with_id, ensure_ascii=False)
        queue(deliver_webhook, delivery.id)
    return len(made)


def _describe(delivery_id: int) -> str:
    """How admins see a delivery in the list of failed jobs."""
    return f"webhook delivery {delivery_id}"


@job(describe=_describe)
def deliver_webhook(delivery_id: int) -> None:
    """Try one delivery now (a job); a failure is retried by the round, with back-off."""
    attempt(delivery_id, utcnow())


def attempt(delivery_id: int, now: datetime) -> bool:
    """Send a due delivery once, claimed by a conditional UPDATE so racing rounds send it
    once; record the answer, and when it was not 2xx, when to try again (or give up)."""
    claimed = changed(
        sa.update(Delivery)
        .where(Delivery.id == delivery_id, Delivery.status == "pending")
        .where(sa.or_(Delivery.next_attempt_at.is_(None), Delivery.next_attempt_at <= now))
        .values(next_attempt_at=None, attempts=Delivery.attempts + 1)
    )
    if not claimed:
        return False
    db.session.commit()  # the claim holds while the receiver is waited for
    delivery = db.session.get_one(Delivery, delivery_id)
    db.session.refresh(delivery)
    status, answer = _post(delivery, now)
    delivery.last_status, delivery.last_answer = status, answer[:500]
    if status is not None and 200 <= status < 300:
        delivery.status, delivery.delivered_at = "delivered", utcnow()
    elif delivery.attempts > len(BACKOFF):
        delivery.status = "failed"
    else:
        delivery.next_attempt_at = utcnow() + timedelta(minutes=BACKOFF[delivery.attempts - 1])
    db.session.commit()
    log.info("webhook delivery %s: %s (attempt %s)", delivery.id, status, delivery.attempts)
    return delivery.status == "delivered"


def _post(delivery: Delivery, now: datetime) -> tuple[int | None, str]:
    """POST the signed body; the receiver's status and the start of its answer."""
    body = delivery.body.encode()
    timestamp = str(int(now.timestamp()))
    request = urllib.request.Request(  # noqa: S310 (https, or http outside production)
        delivery.webhook.url, data=body, method="POST",
        headers={"Content-Type": "application/json", "User-Agent": "Paja-Webhooks/1",
                 "Paja-Event": delivery.event, "Paja-Delivery": str(delivery.id),
                 "Paja-Timestamp": timestamp,
                 SIGNATURE: signature(delivery.webhook.secret, timestamp, body)},
    )  # fmt: skip
    send = opener(current_app.config["PAJA_ENV"] == "production")
    try:
        with send.open(request, timeout=TIMEOUT) as response:
            return response.status, response.read(500).decode(errors="replace")
    except urllib.error.HTTPError as refused:
        with refused:
            return refused.code, refused.read(500).decode(errors="replace")
    except (urllib.error.URLError, OSError, ValueError) as failed:
        return None, str(failed)


def due_deliveries(now: datetime, limit: int = 100) -> list[int]:
    """Deliveries waiting for their next attempt, oldest first."""
    return list(
        db.session.scalars(
            sa.select(Delivery.id)
            .where(Delivery.status == "pending", Delivery.next_attempt_at <= now)
            .order_by(Delivery.next_attempt_at, Delivery.id)
            .limit(limit)
        )
    )


@every(minutes=1)
def retry_round() -> None:
    """The job worker's round: retry the deliveries that are due."""
    now = utcnow()
    for delivery_id in due_deliveries(now):
        attempt(delivery_id, now)


def send_again(delivery: Delivery) -> None:
    """A failed (or delivered) delivery is queued again, as a new round of attempts."""
    delivery.status, delivery.attempts, delivery.next_attempt_at = "pending", 0, utcnow()
    db.session.flush()
    queue(deliver_webhook, delivery.id)


def webhooks_of(user: User) -> list[Webhook]:
    """The user's subscriptions (admins: all), newest first."""
    statement = sa.select(Webhook).order_by(Webhook.created_at.desc(), Webhook.id.desc())
    if not user.has_role(Role.ADMIN):
        statement = statement.where(Webhook.owner_id == user.id)
    return list(db.session.scalars(statement))


def deliveries_of(webhook: Webhook, limit: int = 50) -> list[Delivery]:
    """A webhook's newest deliveries."""
    return list(
        db.session.scalars(
            sa.select(Delivery)
            .where(Delivery.webhook_id == webhook.id)
            .order_by(Delivery.id.desc())
            .limit(limit)
        )
    )


def failed_deliveries(limit: int = 100) -> Iterable[Delivery]:
    """Deliveries that gave up, newest first (for admins)."""
    return db.session.scalars(
        sa.select(Delivery).where(Delivery.status == "failed").order_by(Delivery.id.desc())
        .limit(limit)
    )  # fmt: skip


KEPT = timedelta(days=30)  # how long a finished delivery (with the person it named) is kept


def purge_deliveries(now: datetime) -> int:
    """Delete deliveries finished (delivered or given up) more than 30 days ago."""
    return changed(
        sa.delete(Delivery).where(
            Delivery.status.in_(["delivered", "failed"]), Delivery.created_at < now - KEPT
        )
    )

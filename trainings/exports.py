"""Rows for spreadsheets: every order with its sums, and a session's participants."""

from __future__ import annotations

from collections.abc import Iterator

from flask_babel import gettext as _
from flask_babel import to_user_timezone

from trainings.labels import REGISTRATION_LABELS, STATUS_LABELS
from trainings.models import Registration, TrainingSession
from trainings.queries.orders import every_order


def order_rows() -> Iterator[list[object]]:
    """The header, then every order with its organisation, workshop, sums and contact."""
    yield [
        _("Order"),
        _("Date"),
        _("Status"),
        _("Organisation"),
        _("Business ID"),
        _("Workshop"),
        _("Participants"),
        _("Net (EUR)"),
        _("VAT (EUR)"),
        _("Total (EUR)"),
        _("Contact"),
        _("Email"),
    ]
    for order in every_order():
        totals, organisation, contact = order.totals, order.organisation, order.contact
        yield [
            order.id,
            to_user_timezone(order.created_at).date(),
            str(STATUS_LABELS[order.status]),
            organisation.name,
            organisation.business_id,
            order.offering.title,
            order.participants,
            totals.net,
            totals.vat,
            totals.gross,
            contact.name,
            contact.email,
        ]


def _yes_no(value: bool) -> str:
    """Yes or no in the reader's language."""
    return _("yes") if value else _("no")


def participant_rows(session: TrainingSession, people: list[Registration]) -> list[list[str]]:
    """The participant list; an event day adds organisation, project, needs and consent."""
    event_day = session.event_id is not None
    header = [_("Name"), _("Email"), _("Status"), _("Attended")]
    if event_day:
        header += [_("Organisation"), _("Project"), _("Needs"), _("In the directory")]
    rows = [header]
    for person in people:
        attended = "" if person.attended is None else _yes_no(person.attended)
        row = [person.name, person.email, str(REGISTRATION_LABELS[person.status]), attended]
        if event_day:
            row += [
                person.organisation_name,
                person.project,
                person.needs,
                _yes_no(person.directory_consent),
            ]
        rows.append(row)
    return rows

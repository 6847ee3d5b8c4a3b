"""The logged-in start page: each package adds the panels its roles start their day from.

A panel says who sees it and loads its own data in a fixed number of queries; the shell
knows no domain package, so the packages register their panels when their blueprint is
registered (`add_panel`), and the home view shows the ones for the person, in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import current_app
from flask.sansio.app import App

from paja.models import Role, User

START_PANELS = "paja.start_panels"


@dataclass(frozen=True)
class Panel:
    """One part of the start page: its template, the roles it is for and its data."""

    name: str
    template: str
    roles: frozenset[Role]
    load: Callable[[User, datetime], dict[str, Any]]
    order: int = 50

    def shows_for(self, user: User) -> bool:
        """Whether the user holds one of the panel's roles (no roles: everyone)."""
        return not self.roles or any(user.has_role(role) for role in self.roles)


def add_panel(app: App, panel: Panel) -> None:
    """Register a panel (connecting twice changes nothing)."""
    panels: dict[str, Panel] = app.extensions.setdefault(START_PANELS, {})
    panels[panel.name] = panel


def panels_for(user: User, now: datetime) -> list[tuple[Panel, dict[str, Any]]]:
    """The user's panels in order, each with its data."""
    panels: dict[str, Panel] = current_app.extensions.get(START_PANELS, {})
    shown = sorted((p for p in panels.values() if p.shows_for(user)), key=lambda p: p.order)
    return [(panel, panel.load(user, now)) for panel in shown]


WORK_ROLES = frozenset({Role.ADMIN, Role.TRAINER, Role.ORGANISER, Role.CUSTOMER})


def unless_idle(user: User, data: dict[str, Any], *found: object) -> dict[str, Any]:
    """A personal panel's data, or none (no panel) when it found nothing and the person has
    work panels to start from: an admin need not be told they have no courses."""
    if any(found) or not any(user.has_role(role) for role in WORK_ROLES):
        return data
    return {}

"""Small helpers for text lists and ordered items, shared by the domain packages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

T = TypeVar("T")
P = TypeVar("P", bound="Positioned")


class Positioned(Protocol):
    """Anything with a position in an ordered list."""

    position: int


def lines(text: str) -> list[str]:
    """The non-empty, trimmed lines of a text (options, tasks, statements)."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def move(items: Sequence[Positioned], item: Positioned, step: int) -> None:
    """Move an item up (-1) or down (+1) and renumber the positions 0, 1, 2, …"""
    ordered = list(items)
    index = ordered.index(item)
    target = index + step
    if 0 <= target < len(ordered):
        ordered[index], ordered[target] = ordered[target], ordered[index]
    for position, each in enumerate(ordered):
        each.position = position


def take_out(items: list[P], item: P) -> None:
    """Remove an item from an ordered list and renumber the rest 0, 1, 2, …"""
    items.remove(item)
    for position, each in enumerate(items):
        each.position = position


def reaches(start: T | None, target: T, step: Callable[[T], T | None]) -> bool:
    """Whether following `step` from `start` (a series' next course, say) comes to `target`."""
    seen = start
    while seen is not None:
        if seen is target:
            return True
        seen = step(seen)
    return False

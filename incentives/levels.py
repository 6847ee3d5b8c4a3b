"""Levels: one more for every `level_points` points in a category, starting at level 1."""

from __future__ import annotations


def level(points: int, level_points: int) -> int:
    """The level these points reach."""
    return 1 + max(points, 0) // max(level_points, 1)


def share_label(rank: int, of: int) -> int | None:
    """The smallest of 10, 25 or 50 (per cent) the rank falls within; None below the top half,
    which is never shown as a position (low scorers are not ranked in public or in private)."""
    for share in (10, 25, 50):
        if rank <= max(1, of * share // 100):
            return share
    return None

"""Rounding as people and invoices expect it: halves go up (away from zero)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def half_up(value: Decimal | int, step: str = "1") -> Decimal:
    """Round to the step, halves away from zero: 0.005 € -> 0.01 €, 1.25 h -> 1.3 h."""
    return Decimal(value).quantize(Decimal(step), rounding=ROUND_HALF_UP)


def whole(value: Decimal | int) -> int:
    """Round to a whole number, halves up: 82.5 -> 83."""
    return int(half_up(value))


def percent(part: int, whole_: int) -> Decimal:
    """A share in percent with one decimal (0 of nothing is 0)."""
    return half_up(Decimal(100 * part) / whole_, "0.1") if whole_ else Decimal(0)

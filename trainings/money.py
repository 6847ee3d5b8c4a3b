"""Money arithmetic: Decimal only, VAT per rate, rounded half-up to the cent."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from paja.numbers import half_up

DEFAULT_VAT_RATE = Decimal("25.5")


def cents(amount: Decimal) -> Decimal:
    """Round to the cent, halves up (0.005 -> 0.01)."""
    return half_up(amount, "0.01")


def vat(net: Decimal, rate: Decimal) -> Decimal:
    """The VAT on a net amount at a rate given in percent."""
    return cents(net * rate / 100)


def gross(net: Decimal, rate: Decimal) -> Decimal:
    """A net amount with its VAT."""
    return cents(net) + vat(net, rate)


@dataclass(frozen=True)
class PriceLine:
    """What a line of an order needs for totals."""

    quantity: Decimal
    unit_price: Decimal
    vat_rate: Decimal

    @property
    def net(self) -> Decimal:
        """Quantity times unit price, to the cent."""
        return cents(self.quantity * self.unit_price)


@dataclass(frozen=True)
class VatRow:
    """One VAT rate's base and tax."""

    rate: Decimal
    base: Decimal
    tax: Decimal


@dataclass(frozen=True)
class Totals:
    """Net, VAT per rate, and gross of some lines."""

    net: Decimal
    vat_rows: list[VatRow] = field(default_factory=list)

    @property
    def vat(self) -> Decimal:
        """All VAT together."""
        return sum((row.tax for row in self.vat_rows), Decimal("0.00"))

    @property
    def gross(self) -> Decimal:
        """What the buyer pays."""
        return self.net + self.vat


def totals(lines: Iterable[PriceLine]) -> Totals:
    """Sum lines; VAT is computed once per rate on that rate's net sum (as on an invoice)."""
    bases: dict[Decimal, Decimal] = {}
    for line in lines:
        rate = line.vat_rate.normalize()
        bases[rate] = bases.get(rate, Decimal("0.00")) + line.net
    rows = [
        VatRow(rate, base, vat(base, rate)) for rate, base in sorted(bases.items(), reverse=True)
    ]
    return Totals(net=sum((row.base for row in rows), Decimal("0.00")), vat_rows=rows)

"""Price and VAT arithmetic: Decimal, per rate, half-up to the cent."""

from decimal import Decimal as D  # noqa: N817 (short for the many literals here)

import pytest

from trainings.money import PriceLine, cents, gross, totals, vat

pytestmark = pytest.mark.nodb


@pytest.mark.parametrize(
    ("amount", "rounded"),
    [
        (D("0.005"), D("0.01")),
        (D("0.004999"), D("0.00")),
        (D("2.675"), D("2.68")),
        (D("-0.005"), D("-0.01")),
    ],
)
def test_cents_round_half_up(amount: D, rounded: D) -> None:
    assert cents(amount) == rounded


def test_the_seed_prices_with_finnish_vat() -> None:
    assert vat(D("500"), D("25.5")) == D("127.50")
    assert gross(D("500"), D("25.5")) == D("627.50")
    assert gross(D("900"), D("25.5")) == D("1129.50")


def test_vat_rounding_case() -> None:
    # 19.99 * 25.5 % = 5.09745 -> 5.10; 0.02 * 25.5 % = 0.0051 -> 0.01
    assert vat(D("19.99"), D("25.5")) == D("5.10")
    assert vat(D("0.02"), D("25.5")) == D("0.01")


def test_totals_group_vat_by_rate() -> None:
    result = totals(
        [
            PriceLine(D("1"), D("500.00"), D("25.5")),
            PriceLine(D("2"), D("0.29"), D("25.5")),  # net 0.58
            PriceLine(D("120"), D("0.25"), D("0")),  # travel, no VAT: 30.00
            PriceLine(D("1"), D("10.00"), D("14")),
        ]
    )
    assert result.net == D("540.58")
    assert [(row.rate, row.base, row.tax) for row in result.vat_rows] == [
        (D("25.5"), D("500.58"), D("127.65")),  # 500.58 * 0.255 = 127.6479
        (D("14"), D("10.00"), D("1.40")),
        (D("0"), D("30.00"), D("0.00")),
    ]
    assert result.vat == D("129.05")
    assert result.gross == D("669.63")
    assert all(isinstance(x, D) for x in (result.net, result.vat, result.gross))


def test_vat_per_rate_is_rounded_once_not_per_line() -> None:
    lines = [
        PriceLine(D("1"), D("0.02"), D("25.5"))
    ] * 3  # per line 0.0051 -> 0.01 each would give 0.03
    assert totals(lines).vat == D("0.02")  # 0.06 * 0.255 = 0.0153 -> 0.02


def test_no_lines_cost_nothing() -> None:
    assert totals([]).gross == D("0.00")

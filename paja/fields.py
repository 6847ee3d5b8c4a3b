"""Form fields that refuse what the database cannot store, with a message instead of a 500.

Use these instead of WTForms' own: whole numbers fit a 32-bit column, decimals are finite
and of sane size, dates fall between 1900 and 2999.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import wtforms
from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l

INT_MAX = 2**31 - 1
DECIMAL_MAX = 10**9
YEARS = range(1900, 3000)


class IntegerField(wtforms.IntegerField):
    """A whole number that fits the database's integer column."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        """Refuse numbers past ±2 147 483 647."""
        super().process_formdata(valuelist)
        if self.data is not None and abs(self.data) > INT_MAX:
            self.data = None
            raise ValueError(_l("Enter a smaller number."))


class DecimalField(wtforms.DecimalField):
    """A finite decimal number below a billion with no more decimals than its `places`
    (NaN and infinities are refused)."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        """Refuse NaN, sNaN, infinities and absurd sizes."""
        super().process_formdata(valuelist)
        if self.data is None:
            return
        if not self.data.is_finite():
            self.data = None
            raise ValueError(_l("Enter a number, e.g. 12,50."))
        if abs(self.data) >= DECIMAL_MAX:
            self.data = None
            raise ValueError(_l("Enter a smaller number."))
        exponent = self.data.as_tuple().exponent
        if self.places is not None and isinstance(exponent, int) and -exponent > self.places:
            rounded = self.data.quantize(Decimal(1).scaleb(-self.places), ROUND_HALF_UP)
            self.data = None  # 0,333 is not taken as 0,33 behind the person's back
            raise ValueError(
                _l("Too many decimals: write e.g. %(example)s.", example=format_decimal(rounded))
            )


def _check_year(field: wtforms.Field) -> None:
    """Refuse dates outside 1900-2999 (year 0001 overflows time-zone arithmetic)."""
    if field.data is not None and field.data.year not in YEARS:
        field.data = None
        raise ValueError(_l("Enter a date between the years 1900 and 2999."))


class DateField(wtforms.DateField):
    """A date between 1900 and 2999."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        """Parse, then check the year."""
        super().process_formdata(valuelist)
        _check_year(self)


class DateTimeLocalField(wtforms.DateTimeLocalField):
    """A wall-clock date and time between 1900 and 2999."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        """Parse, then check the year."""
        super().process_formdata(valuelist)
        _check_year(self)

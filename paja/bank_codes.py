"""Finnish payment codes: the reference number (viitenumero, 7-3-1 check digit), the RF
creditor reference (ISO 11649) and the virtual bank barcode (pankkiviivakoodi 4 and 5), as
Finance Finland's Pankkiviivakoodi-opas specifies them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

WEIGHTS = (7, 3, 1)
MAX_BARCODE_AMOUNT = Decimal("999999.99")


def _digits(text: str) -> str:
    """The text without spaces."""
    return "".join(text.split())


def check_digit(base: str) -> str:
    """The 7-3-1 check digit of a reference number's base, weighting from the right."""
    total = sum(int(c) * WEIGHTS[i % 3] for i, c in enumerate(reversed(base)))
    return str(-total % 10)


def reference_number(base: int | str) -> str:
    """A Finnish reference number: the base (3 to 19 digits) and its check digit."""
    digits = str(base)
    if not digits.isdigit() or not 3 <= len(digits) <= 19:
        raise ValueError("a reference number's base has 3 to 19 digits")
    return digits + check_digit(digits)


def _mod97(text: str) -> int:
    """ISO 7064 mod 97-10 of letters (A=10 … Z=35) and digits."""
    return int("".join(str(int(c, 36)) for c in text)) % 97


def rf_reference(reference: str) -> str:
    """The RF creditor reference (ISO 11649) of a reference: RF, two check digits, it."""
    body = _digits(reference).upper()
    return f"RF{98 - _mod97(body + 'RF00'):02d}{body}"


def is_rf_reference(text: str) -> bool:
    """Whether an RF creditor reference's check digits are right."""
    code = _digits(text).upper()
    return code.startswith("RF") and len(code) > 4 and _mod97(code[4:] + code[:4]) == 1


def grouped(reference: str) -> str:
    """A reference for people to read: national ones in fives from the right, RF in fours."""
    code = _digits(reference)
    if code.upper().startswith("RF"):
        return " ".join(code[i : i + 4] for i in range(0, len(code), 4))
    head = len(code) % 5
    parts = ([code[:head]] if head else []) + [code[i : i + 5] for i in range(head, len(code), 5)]
    return " ".join(parts)


def virtual_barcode(iban: str, reference: str, amount: Decimal, due: date | None) -> str:
    """The 54-digit virtual barcode: version 4 for a national reference, 5 for an RF one.

    An amount the code cannot hold (a million euros or more) is left out as zeros, as is a
    missing due date; the payer then types them.
    """
    account = _digits(iban).upper()
    if not account.startswith("FI") or len(account) != 18:
        raise ValueError("the barcode takes a Finnish IBAN")
    if not Decimal(0) <= amount <= MAX_BARCODE_AMOUNT:
        amount = Decimal(0)
    euros, cents = divmod(int((amount * 100).to_integral_value()), 100)
    money = f"{euros:06d}{cents:02d}"
    when = due.strftime("%y%m%d") if due else "000000"
    code = _digits(reference).upper()
    if code.startswith("RF"):
        return f"5{account[2:]}{money}{code[2:4]}{code[4:]:0>21}{when}"
    return f"4{account[2:]}{money}000{code:0>20}{when}"

"""Reference numbers and the virtual bank barcode match Finance Finland's guide
(Pankkiviivakoodi-opas): its nine example invoices in versions 4 and 5."""

from datetime import date
from decimal import Decimal

import pytest

from paja.bank_codes import (
    check_digit,
    grouped,
    is_rf_reference,
    reference_number,
    rf_reference,
    virtual_barcode,
)

# The guide's example invoices: IBAN, amount, reference, due date and the code it gives.
VERSION_4 = [
    ("FI79 4405 2020 0360 82", "4883.15", "86851 62596 19897", date(2010, 6, 12),
     "479440520200360820048831500000000868516259619897100612"),
    ("FI58 1017 1000 0001 22", "482.99", "55958 22432 94671", date(2012, 1, 31),
     "458101710000001220004829900000000559582243294671120131"),
    ("FI02 5000 4640 0013 02", "693.80", "69 87567 20834 35364", date(2011, 7, 24),
     "402500046400013020006938000000069875672083435364110724"),
    ("FI15 6601 0001 5306 41", "7444.54", "7 75847 47906 47489", date(2019, 12, 19),
     "415660100015306410074445400000007758474790647489191219"),
    ("FI16 8000 1400 0502 67", "935.85", "78 77767 96566 28687", None,
     "416800014000502670009358500000078777679656628687000000"),
    ("FI73 3131 3001 0000 58", "0.00", "8 68624", date(2013, 8, 9),
     "473313130010000580000000000000000000000000868624130809"),
    ("FI83 3301 0001 1007 75", "150000.20", "92125 37425 25398 97737", date(2016, 5, 25),
     "483330100011007751500002000092125374252539897737160525"),
    ("FI39 3636 3002 0924 92", "1.03", "5907 38390", date(2023, 3, 11),
     "439363630020924920000010300000000000000590738390230311"),
    ("FI92 3939 0001 0033 91", "0.02", "13 57914", date(2099, 12, 24),
     "492393900010033910000000200000000000000001357914991224"),
]  # fmt: skip
VERSION_5 = [
    ("FI79 4405 2020 0360 82", "4883.15", "RF09 8685 1625 9619 897", date(2010, 6, 12),
     "579440520200360820048831509000000868516259619897100612"),
    ("FI58 1017 1000 0001 22", "482.99", "RF06 5595 8224 3294 671", date(2010, 1, 31),
     "558101710000001220004829906000000559582243294671100131"),
    ("FI02 5000 4640 0013 02", "693.80", "RF02 6987 5672 0834", date(2011, 7, 24),
     "502500046400013020006938002000000000698756720834110724"),
    ("FI15 6601 0001 5306 41", "7444.54", "RF84 7758 4747 9064 7489", date(2019, 12, 19),
     "515660100015306410074445484000007758474790647489191219"),
    ("FI16 8000 1400 0502 67", "935.85", "RF60 7877 7679 6566 2868 7", None,
     "516800014000502670009358560000078777679656628687000000"),
    ("FI73 3131 3001 0000 58", "0.00", "RF10 8686 24", date(2013, 8, 9),
     "573313130010000580000000010000000000000000868624130809"),
    ("FI83 3301 0001 1007 75", "150000.20", "RF71 9212 5374 2525 3989 7737", date(2016, 5, 25),
     "583330100011007751500002071092125374252539897737160525"),
    ("FI39 3636 3002 0924 92", "1.03", "RF66 5907 3839 0", date(2023, 3, 11),
     "539363630020924920000010366000000000000590738390230311"),
    ("FI92 3939 0001 0033 91", "0.02", "RF95 1357 914", date(2099, 12, 24),
     "592393900010033910000000295000000000000001357914991224"),
]  # fmt: skip


@pytest.mark.nodb
@pytest.mark.parametrize(("iban", "amount", "reference", "due", "code"), VERSION_4)
def test_version_4_with_a_national_reference(
    iban: str, amount: str, reference: str, due: date | None, code: str
) -> None:
    digits = reference.replace(" ", "")
    assert reference_number(digits[:-1]) == digits  # its 7-3-1 check digit
    assert virtual_barcode(iban, reference, Decimal(amount), due) == code


@pytest.mark.nodb
@pytest.mark.parametrize(("iban", "amount", "reference", "due", "code"), VERSION_5)
def test_version_5_with_an_rf_reference(
    iban: str, amount: str, reference: str, due: date | None, code: str
) -> None:
    compact = reference.replace(" ", "")
    assert is_rf_reference(reference)
    assert rf_reference(compact[4:]) == compact  # its ISO 11649 check digits
    assert virtual_barcode(iban, reference, Decimal(amount), due) == code


@pytest.mark.nodb
def test_wrong_codes_are_told_apart() -> None:
    assert check_digit("1234") == "4"  # 4*7 + 3*3 + 2*1 + 1*7 = 46 -> 4
    assert not is_rf_reference("RF19 8685 1625 9619 897")
    assert not is_rf_reference("RF")
    with pytest.raises(ValueError, match="3 to 19"):
        reference_number(12)
    with pytest.raises(ValueError, match="Finnish IBAN"):
        virtual_barcode("DE89 3704 0044 0532 0130 00", "1232", Decimal(1), None)
    # A million euros does not fit: the amount is left for the payer to type.
    code = virtual_barcode("FI79 4405 2020 0360 82", "1232", Decimal("1000000.00"), None)
    assert code[17:25] == "00000000"


@pytest.mark.nodb
def test_references_are_grouped_for_reading() -> None:
    assert grouped("868516259619897") == "86851 62596 19897"
    assert grouped("1357914") == "13 57914"
    assert grouped("RF09868516259619897") == "RF09 8685 1625 9619 897"

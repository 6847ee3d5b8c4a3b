"""Files a view hands out: CSV and XLSX written from rows, PDFs and calendars as they are.

Rows hold typed values: text, whole numbers, Decimals, dates and datetimes. XLSX keeps numbers
and dates as numbers and dates; CSV writes them as the reader's locale does. Text that a
spreadsheet would run as a formula (it starts with =, +, -, @, tab or CR: anyone may have
typed it into a public form) is stored as plain text in XLSX and prefixed with ' in CSV.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from flask import Response
from flask_babel import format_date, format_datetime, format_decimal, to_user_timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
Rows = Iterable[Sequence[object]]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet would take the text for a formula."""
    return text.startswith(FORMULA_STARTS)


def csv_cell(value: object) -> str:
    """A value as CSV text: numbers and dates in the reader's locale, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, Decimal):  # as many decimals as it has: 627.50 stays 627,50
        exponent = value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return format_decimal(value, format="0." + "0" * places if places else "0")
    if isinstance(value, float):
        return format_decimal(value, format="0.##########")
    if isinstance(value, datetime):
        return format_datetime(value, "short")
    if isinstance(value, date):
        return format_date(value, "short")
    text = str(value)
    return "'" + text if is_formula_like(text) else text


def csv_text(rows: Rows) -> str:
    """Semicolon-separated CSV with a BOM, as Finnish spreadsheets expect."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return "\ufeff" + buffer.getvalue()


DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
MONEY_FORMAT = "0.00"


def xlsx_cell(sheet: WriteOnlyWorksheet, value: object) -> Cell:
    """A typed cell: numbers and dates as such (times in Helsinki), text never a formula."""
    if isinstance(value, datetime):
        local = to_user_timezone(value).replace(tzinfo=None) if value.tzinfo else value
        cell = WriteOnlyCell(sheet, value=local)
        cell.number_format = DATETIME_FORMAT
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=datetime(value.year, value.month, value.day))
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, Decimal):  # sums of money: two decimals
        cell = WriteOnlyCell(sheet, value=float(value))
        cell.number_format = MONEY_FORMAT
        return cell
    if isinstance(value, int | float) or value is None:
        return WriteOnlyCell(sheet, value=value)
    cell = WriteOnlyCell(sheet, value=str(value))
    cell.data_type = "s"  # openpyxl would store text starting with = as a formula
    return cell


def xlsx_bytes(sheet_name: str, rows: Rows) -> bytes:
    """A workbook with one sheet of the rows (streamed: write-only mode)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name)
    for row in rows:
        sheet.append([xlsx_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _file(data: bytes | str, mimetype: str, filename: str, inline: bool = False) -> Response:
    """A response that the browser saves (or shows, when inline) under the filename."""
    disposition = "inline" if inline else "attachment"
    return Response(
        data,
        mimetype=mimetype,
        headers={"Content-Disposition": f"{disposition}; filename={filename}"},
    )


def csv_file(rows: Rows, filename: str) -> Response:
    """The rows as a CSV download."""
    return _file(csv_text(rows), "text/csv", filename)


def xlsx_file(sheet_name: str, rows: Rows, filename: str) -> Response:
    """The rows as an XLSX download."""
    return _file(xlsx_bytes(sheet_name, rows), XLSX, filename)


def zip_file(data: bytes, filename: str) -> Response:
    """A ZIP download."""
    return _file(data, "application/zip", filename)


def prepared_file(data: bytes, mimetype: str, filename: str) -> Response:
    """A file made by a job: PDFs shown in the browser, anything else saved."""
    return _file(data, mimetype, filename, inline=mimetype == "application/pdf")


def pdf_file(data: bytes, filename: str) -> Response:
    """A PDF shown in the browser (it can be saved from there)."""
    return _file(data, "application/pdf", filename, inline=True)


def calendar_file(data: bytes, filename: str | None = None) -> Response:
    """An iCalendar file: a download when named, else a feed read by calendar programs."""
    if filename is None:
        return Response(data, mimetype="text/calendar")
    return _file(data, "text/calendar", filename)

"""Files a view hands out: CSV and XLSX written from rows, PDFs and calendars as they are."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from flask import Response
from openpyxl import Workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
Rows = Iterable[Sequence[object]]


def csv_text(rows: Rows) -> str:
    """Semicolon-separated CSV with a BOM, as Finnish spreadsheets expect."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    return "\ufeff" + buffer.getvalue()


def xlsx_bytes(sheet_name: str, rows: Rows) -> bytes:
    """A workbook with one sheet of the rows (streamed: write-only mode)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name)
    for row in rows:
        sheet.append(list(row))
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


def pdf_file(data: bytes, filename: str) -> Response:
    """A PDF shown in the browser (it can be saved from there)."""
    return _file(data, "application/pdf", filename, inline=True)


def calendar_file(data: bytes, filename: str | None = None) -> Response:
    """An iCalendar file: a download when named, else a feed read by calendar programs."""
    if filename is None:
        return Response(data, mimetype="text/calendar")
    return _file(data, "text/calendar", filename)

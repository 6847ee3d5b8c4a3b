"""Field messages come in the client's language: every message marshmallow gives for the kinds
of field the API uses is known (so an upgrade that rewords one fails here), and a wrong
registration is answered field by field in Finnish or Swedish."""

import marshmallow as ma
from flask import Flask
from flask.testing import FlaskClient

from paja.api_messages import translated
from tests import factories
from tests.api_helpers import token_for
from tests.trainings.factories import create_session

FIELDS = {
    "needed": ma.fields.String(required=True),
    "between": ma.fields.Integer(validate=ma.validate.Range(min=1, max=5)),
    "low": ma.fields.Integer(validate=ma.validate.Range(min=1)),
    "high": ma.fields.Integer(validate=ma.validate.Range(max=5)),
    "short": ma.fields.String(validate=ma.validate.Length(min=2)),
    "long": ma.fields.String(validate=ma.validate.Length(max=2)),
    "sized": ma.fields.String(validate=ma.validate.Length(min=1, max=2)),
    "choice": ma.fields.String(validate=ma.validate.OneOf(["a", "b"])),
    "email": ma.fields.Email(),
    "day": ma.fields.Date(),
    "moment": ma.fields.DateTime(),
    "flag": ma.fields.Boolean(),
    "items": ma.fields.List(ma.fields.String()),
    "text": ma.fields.String(),
    "whole": ma.fields.Integer(),
    "price": ma.fields.Decimal(),
    "nothing": ma.fields.String(allow_none=False),
    "nested": ma.fields.Dict(),
}
WRONG = {
    "between": 9, "low": 0, "high": 9, "short": "a", "long": "abc", "sized": "", "choice": "c",
    "email": "ei-osoite", "day": "31.3.2027", "moment": "huomenna", "flag": "ehkä",
    "items": "a", "text": 5, "whole": "viisi", "price": "paljon", "nothing": None,
    "nested": 5, "extra": 1,
}  # fmt: skip


def test_every_field_message_of_the_api_is_known(app: Flask) -> None:
    errors = ma.Schema.from_dict(FIELDS)().validate(WRONG)
    messages = [m for field in errors.values() for m in field]
    assert len(errors) == len(FIELDS) + 1  # every field wrong, and the unknown one
    with app.test_request_context("/api/v1/", headers={"Accept-Language": "fi"}):
        unknown = [m for m in messages if translated(m) == m]
        assert unknown == []
        assert translated("Must be greater than or equal to 1 and less than or equal to 5.") == (
            "Anna arvo väliltä 1–5."
        )


def test_a_wrong_registration_is_answered_field_by_field_in_the_clients_language(
    client: FlaskClient,
) -> None:
    session = create_session()
    headers = token_for(factories.create_user(), "registrations:write")
    path = f"/api/v1/sessions/{session.id}/registrations"
    finnish = client.post(
        path, json={"email": "ei-osoite"}, headers={**headers, "Accept-Language": "fi"}
    )
    assert finnish.status_code == 422
    assert finnish.get_json()["errors"] == {
        "name": ["Tämä kenttä on pakollinen."],
        "email": ["Anna kelvollinen sähköpostiosoite."],
    }
    swedish = client.post(
        path, json={"name": "", "email": "a@b.fi", "age": 3},
        headers={**headers, "Accept-Language": "sv"},
    )  # fmt: skip
    assert swedish.get_json()["errors"] == {
        "name": ["Skriv 1 till 120 tecken."],
        "age": ["Okänt fält."],
    }

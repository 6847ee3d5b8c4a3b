"""What the courses API answers."""

from __future__ import annotations

import marshmallow as ma

from paja.links import absolute_url


class CertificateSchema(ma.Schema):
    """A certificate as its public verification shows it: nothing more than the page does."""

    code = ma.fields.String(required=True)
    state = ma.fields.String(
        required=True, metadata={"description": "valid, revoked or superseded."}
    )
    kind = ma.fields.String(required=True, metadata={"description": "course or attendance."})
    name = ma.fields.String(required=True)
    title = ma.fields.String(required=True)
    achieved_on = ma.fields.Date(required=True)
    issuer = ma.fields.String(required=True)
    url = ma.fields.Function(
        lambda c: absolute_url("verify.certificate", code=c.code), required=True
    )

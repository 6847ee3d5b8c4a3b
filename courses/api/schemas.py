"""What the courses API answers."""

from __future__ import annotations

import marshmallow as ma

from paja.api import DecimalText, page_schema
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


class HeldCertificateSchema(CertificateSchema):
    """A certificate in a list: also its hours, issue time and the credential's address."""

    hours = DecimalText(required=True)
    issued_at = ma.fields.AwareDateTime(required=True)
    credential_url = ma.fields.Function(
        lambda c: absolute_url("courses.certificate_badge", code=c.code),
        required=True,
        metadata={"description": "Open Badges 3.0 (JWT-VC); its holder downloads it."},
    )


CertificatePage = page_schema(HeldCertificateSchema, "CertificatePage")


class CourseSchema(ma.Schema):
    """A published course."""

    slug = ma.fields.String(required=True)
    title = ma.fields.String(required=True)
    description = ma.fields.String(required=True, metadata={"description": "Markdown."})
    level = ma.fields.String(required=True)
    language = ma.fields.String(required=True)
    hours = DecimalText(required=True)
    modules = ma.fields.Function(
        lambda c: len(c.modules), required=True, metadata={"type": "integer"}
    )
    next_course = ma.fields.Function(
        lambda c: c.next_course.slug if c.next_course and c.next_course.published else None,
        required=True,
        allow_none=True,
        metadata={"type": "string", "description": "The slug of the course that continues it."},
    )
    url = ma.fields.Function(lambda c: absolute_url("courses.course", slug=c.slug), required=True)


CoursePage = page_schema(CourseSchema, "CoursePage")


class ProgressSchema(ma.Schema):
    """How far one is on a course."""

    course = ma.fields.String(attribute="enrolment.course.slug", required=True)
    title = ma.fields.String(attribute="enrolment.course.title", required=True)
    enrolled_at = ma.fields.AwareDateTime(attribute="enrolment.enrolled_at", required=True)
    completed_at = ma.fields.AwareDateTime(
        attribute="enrolment.completed_at", allow_none=True, required=True
    )
    percent = ma.fields.Integer(attribute="progress.percent", required=True)
    required_modules = ma.fields.Integer(attribute="progress.required", required=True)
    required_done = ma.fields.Integer(attribute="progress.required_done", required=True)


ProgressPage = page_schema(ProgressSchema, "ProgressPage")

"""The base of every form: a page may hold many forms, so their token and button have no id."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from markupsafe import Markup
from wtforms import Field

UNIDENTIFIED = ("CSRFTokenField", "SubmitField")


class PageForm(FlaskForm):
    """A Flask-WTF form whose CSRF token and submit button render without an `id`."""

    class Meta:
        """Rendering rules for every field of the form."""

        def render_field(self, field: Field, render_kw: dict[str, Any]) -> Markup:
            """Render as WTForms does, leaving out the id of the token and the button."""
            if field.type in UNIDENTIFIED:
                render_kw = {"id": False, **render_kw}
            rendered: Markup = super().render_field(field, render_kw)  # type: ignore[misc]
            return rendered

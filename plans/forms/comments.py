"""The comment form (new thread, reply or edit)."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length

from paja.form_base import PageForm


class CommentForm(PageForm):
    """A comment's text; @Handle mentions a person on the plan."""

    body = TextAreaField(
        _l("Comment"),
        validators=[
            InputRequired(message=_l("Write a comment first.")),
            Length(max=5000, message=_l("A comment can be at most 5000 characters.")),
        ],
        render_kw={"rows": 3},
    )
    submit = SubmitField(_l("Send"))


def comment_form(handles: list[str], **kwargs: Any) -> CommentForm:
    """The comment form, telling whom one can mention (only people on the plan)."""
    form = CommentForm(**kwargs)
    if handles:
        names = ", ".join(f"@{handle}" for handle in handles)
        form.body.description = _("You can mention the people on this plan: %(names)s", names=names)
    return form

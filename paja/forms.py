"""Forms for accounts, the language switcher and admin pages."""

from __future__ import annotations

from typing import Any, TypeVar

from flask_babel import lazy_gettext as _l
from jinja2 import pass_context
from jinja2.runtime import Context
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
)
from wtforms.fields import choices as wtforms_choices
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, Regexp
from wtforms.widgets import CheckboxInput, ListWidget, PasswordInput

from paja.form_base import PageForm
from paja.i18n import LANGUAGE_NAMES
from paja.models import Role
from paja.passwords import MAX_LENGTH, MIN_LENGTH
from paja.slugs import SLUG_PATTERN

T = TypeVar("T")
# A new password stays in its field when the form comes back with errors elsewhere, so that
# nothing typed is lost (the page is the answer to the person's own POST and is never cached).
KEPT_PASSWORD = PasswordInput(hide_value=False)
#: WTForms 3.3's option of a select list; types-WTForms 3.2 does not know it yet.
SelectChoice: Any = wtforms_choices.SelectChoice  # type: ignore[attr-defined]
#: The message of every choice field when a submitted value is not among the options.
CHOICE = _l("Choose one of the listed options.")
LANGUAGE_CHOICES = [SelectChoice(code, name) for code, name in LANGUAGE_NAMES.items()]

ROLE_LABELS = {
    Role.ADMIN: _l("Administrator"),
    Role.TRAINER: _l("Trainer"),
    Role.ORGANISER: _l("Organiser"),
    Role.CUSTOMER: _l("Customer contact"),
    Role.PARTICIPANT: _l("Participant"),
}


class ChoiceField(SelectField):
    """A select list whose refusal of a value that was not offered is translated."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("invalid_choice_message", CHOICE)
        super().__init__(*args, **kwargs)


class MultiCheckboxField(SelectMultipleField):
    """Checkboxes for a multiple choice; a value that was not offered is refused in words."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("invalid_choice_message", CHOICE)
        super().__init__(*args, **kwargs)


def _strip(value: str | None) -> str | None:
    """Trim surrounding spaces from typed text."""
    return value.strip() if isinstance(value, str) else value


def email_field(label: str = _l("Email")) -> EmailField:
    """An email field with the validators every form uses."""
    return EmailField(
        label,
        filters=[_strip],
        validators=[
            DataRequired(message=_l("Enter your email address.")),
            Length(max=254),
            Email(
                message=_l("Enter a valid email address, e.g. name@example.fi."),
                granular_message=False,
            ),
        ],
        render_kw={"autocomplete": "email"},
    )


def title_field(label: str = _l("Title")) -> StringField:
    """A required title of up to 200 characters."""
    return StringField(
        label, validators=[DataRequired(message=_l("Enter the title.")), Length(max=200)]
    )


def slug_field() -> StringField:
    """The address name of a workshop or course (the operation checks reserved names)."""
    return StringField(
        _l("Address name"),
        validators=[
            DataRequired(message=_l("Enter the address name.")),
            Length(max=120),
            Regexp(
                SLUG_PATTERN,
                message=_l("Use lower-case letters, digits and hyphens, e.g. some-start."),
            ),
        ],
        description=_l("Part of the web address, e.g. somestartti."),
    )


def language_field(label: str = _l("Language")) -> SelectField:
    """One of Paja's three languages."""
    return ChoiceField(label, choices=LANGUAGE_CHOICES)


def new_password_field(label: str = _l("Password")) -> PasswordField:
    """A new-password field; strength is checked by the operation."""
    return PasswordField(
        label,
        validators=[DataRequired(message=_l("Choose a password.")), Length(max=MAX_LENGTH)],
        description=_l("At least %(n)d characters. A few unrelated words work well.", n=MIN_LENGTH),
        render_kw={"autocomplete": "new-password"},
        widget=KEPT_PASSWORD,
    )


def confirm_field() -> PasswordField:
    """The repeated new password."""
    return PasswordField(
        _l("Repeat the password"),
        validators=[
            DataRequired(message=_l("Repeat the password.")),
            EqualTo("password", message=_l("The passwords do not match.")),
        ],
        render_kw={"autocomplete": "new-password"},
        widget=KEPT_PASSWORD,
    )


def name_field() -> StringField:
    """A person's full name."""
    return StringField(
        _l("Name"),
        validators=[DataRequired(message=_l("Enter your name.")), Length(max=120)],
        render_kw={"autocomplete": "name"},
    )


class SignupForm(PageForm):
    """Create an account."""

    name = name_field()
    email = email_field()
    password = new_password_field()
    confirm = confirm_field()
    submit = SubmitField(_l("Create account"))


class LoginForm(PageForm):
    """Log in with email and password."""

    email = email_field()
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(message=_l("Enter your password."))],
        render_kw={"autocomplete": "current-password"},
    )
    remember = BooleanField(_l("Keep me logged in on this device"))
    next = HiddenField()
    submit = SubmitField(_l("Log in"))


class ForgotPasswordForm(PageForm):
    """Ask for a password reset link."""

    email = email_field()
    submit = SubmitField(_l("Send the link"))


class ResetPasswordForm(PageForm):
    """Choose a new password with a reset link."""

    password = new_password_field(_l("New password"))
    confirm = confirm_field()
    submit = SubmitField(_l("Save the new password"))


class ProfileForm(PageForm):
    """A user's name and preferred language."""

    name = name_field()
    locale = ChoiceField(
        _l("Language"),
        choices=[
            SelectChoice("", _l("Follow the browser")),
            *(
                SelectChoice(code, name, render_kw={"lang": code})
                for code, name in LANGUAGE_NAMES.items()
            ),
        ],
        validators=[Optional()],
    )
    submit = SubmitField(_l("Save"))


class ChangePasswordForm(PageForm):
    """Change the password, knowing the current one."""

    current_password = PasswordField(
        _l("Current password"),
        validators=[DataRequired(message=_l("Enter your current password."))],
        render_kw={"autocomplete": "current-password"},
    )
    password = new_password_field(_l("New password"))
    confirm = confirm_field()
    submit = SubmitField(_l("Change password"))


class LanguageForm(PageForm):
    """The header's language switcher (works without JavaScript)."""

    language = HiddenField(validators=[DataRequired()])
    next = HiddenField()


class ButtonForm(PageForm):
    """An empty form so that POST-only buttons carry a CSRF token."""


class UserRolesForm(PageForm):
    """An admin sets a user's roles."""

    roles = MultiCheckboxField(
        _l("Roles"),
        choices=[SelectChoice(role.value, label) for role, label in ROLE_LABELS.items()],
    )
    submit = SubmitField(_l("Save roles"))


class OrganisationForm(PageForm):
    """An organisation's name, business ID and billing details."""

    name = StringField(
        _l("Name"), validators=[DataRequired(message=_l("Enter the name.")), Length(max=200)]
    )
    business_id = StringField(
        _l("Business ID (Y-tunnus)"),
        validators=[DataRequired(message=_l("Enter the business ID.")), Length(max=12)],
        description=_l("Format 1234567-8."),
    )
    billing_street = StringField(_l("Billing street address"), validators=[Length(max=200)])
    billing_postcode = StringField(
        _l("Postcode"),
        validators=[
            Optional(),
            Regexp(r"^\d{5}$", message=_l("A Finnish postcode has five digits.")),
        ],
    )
    billing_city = StringField(_l("City"), validators=[Length(max=100)])
    einvoice_address = StringField(
        _l("E-invoice address"),
        validators=[
            Optional(),
            Regexp(r"^[A-Za-z0-9]{4,35}$", message=_l("Use 4–35 letters and digits, no spaces.")),
        ],
        description=_l("E.g. OVT code 003701120389."),
    )
    einvoice_operator = StringField(
        _l("E-invoice operator"),
        validators=[
            Optional(),
            Regexp(r"^[A-Za-z0-9]{4,35}$", message=_l("Use 4–35 letters and digits, no spaces.")),
        ],
        description=_l("The operator's code, e.g. 003721291126 or a bank's BIC."),
    )
    submit = SubmitField(_l("Save"))


class AddMemberForm(PageForm):
    """Add a member by email."""

    email = email_field(_l("Member's email"))
    submit = SubmitField(_l("Add member"))


def given(value: T | None) -> T:
    """A required field's value once its form has validated (its validators refused None)."""
    if value is None:
        raise ValueError("a required field was empty after its form validated")
    return value


@pass_context
def page_has_errors(context: Context) -> bool:
    """Whether the page shows a failed submission: a form with errors, or a view's own
    `errors` / `problems` (survey answers, skill checks, imports)."""
    if context.get("errors") or context.get("problems"):
        return True
    return any(isinstance(v, PageForm) and v.errors for v in context.get_all().values())

"""Forms for ordering a workshop and for handling orders."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, StringField, SubmitField, TextAreaField, URLField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp

from paja.fields import DateField, DecimalField, IntegerField
from paja.form_base import PageForm
from paja.forms import (
    ChoiceField,
    MultiCheckboxField,
    confirm_field,
    email_field,
    name_field,
    new_password_field,
)
from trainings.forms.sessions import ENDS, STARTS
from trainings.money import DEFAULT_VAT_RATE

CODE = Regexp(r"^[A-Za-z0-9]{4,35}$", message=_l("Use 4–35 letters and digits, no spaces."))


class OrderForm(PageForm):
    """Order a workshop; the view removes the account and organisation parts it does not need."""

    # A new visitor's account (removed for logged-in users)
    name = name_field()
    email = email_field()
    password = new_password_field()
    confirm = confirm_field()
    # The ordering organisation
    organisation = ChoiceField(_l("Organisation"), coerce=str)
    organisation_name = StringField(_l("Organisation's name"), validators=[Length(max=200)])
    business_id = StringField(
        _l("Business ID (Y-tunnus)"),
        validators=[Length(max=12)],
        description=_l("Format 1234567-8."),
    )
    # The workshop
    participants = IntegerField(
        _l("Expected participants"),
        validators=[
            InputRequired(message=_l("Give the number of participants.")),
            NumberRange(min=1, message=_l("At least one participant.")),
        ],
    )
    date_1 = DateField(
        _l("Preferred date"), validators=[InputRequired(message=_l("Suggest at least one date."))]
    )
    date_2 = DateField(_l("Second option"), validators=[Optional()])
    date_3 = DateField(_l("Third option"), validators=[Optional()])
    mode = ChoiceField(_l("Delivery"))
    address = StringField(
        _l("Address of the venue"),
        validators=[Length(max=300)],
        description=_l("Not needed for a remote workshop."),
    )
    channels = MultiCheckboxField(_l("Channels to focus on"))
    has_accounts = BooleanField(
        _l("We already have accounts in these channels"),
        description=_l(
            "Then we practise using them; otherwise we create them together in the workshop."
        ),
    )
    tailoring = TextAreaField(
        _l("Wishes for tailoring"),
        validators=[Length(max=4000)],
        description=_l("Your goals, your audience, what your staff already know."),
    )
    # Billing
    einvoice_address = StringField(_l("E-invoice address"), validators=[Optional(), CODE])
    einvoice_operator = StringField(_l("E-invoice operator"), validators=[Optional(), CODE])
    billing_address = TextAreaField(
        _l("Postal billing address"),
        validators=[Length(max=300)],
        description=_l("If you do not use e-invoicing."),
    )
    buyer_reference = StringField(
        _l("Your reference"),
        validators=[Length(max=100)],
        description=_l("Shown on the invoice, e.g. a cost centre."),
    )
    submit = SubmitField(_l("Send the order"))


class CancelOrderForm(PageForm):
    """Cancel an order, with a reason."""

    note = TextAreaField(
        _l("Reason for cancelling"),
        validators=[
            DataRequired(message=_l("Give a reason for the cancellation.")),
            Length(max=500),
        ],
    )
    submit = SubmitField(_l("Cancel the order"))


class ConfirmOrderForm(PageForm):
    """Confirm an order: when, who and where (Helsinki time)."""

    starts_at = STARTS
    ends_at = ENDS
    trainers = MultiCheckboxField(_l("Trainers"), coerce=int)
    place = StringField(_l("Place"), validators=[Length(max=300)])
    meeting_url = URLField(
        _l("Meeting link"),
        validators=[Length(max=500)],
        description=_l("https:// link to Zoom, Teams, Jitsi or similar."),
    )
    note = StringField(_l("Note to the customer"), validators=[Length(max=500)])
    submit = SubmitField(_l("Confirm the order"))


class OrderLineForm(PageForm):
    """Add a line such as travel costs."""

    description = StringField(
        _l("Description"),
        validators=[DataRequired(message=_l("Describe the line.")), Length(max=300)],
    )
    quantity = DecimalField(
        _l("Quantity"), places=2, validators=[InputRequired(message=_l("Give the quantity."))]
    )
    unit_price = DecimalField(
        _l("Unit price (€, excl. VAT)"),
        places=2,
        validators=[InputRequired(message=_l("Give the unit price."))],
    )
    vat_rate = DecimalField(
        _l("VAT rate"),
        places=1,
        default=DEFAULT_VAT_RATE,
        validators=[InputRequired(message=_l("Give the VAT rate."))],
    )
    submit = SubmitField(_l("Add the line"))


class AdvanceOrderForm(PageForm):
    """Mark an order delivered or invoiced."""

    to = ChoiceField(choices=["delivered", "invoiced"], validate_choice=True)
    note = StringField(_l("Note"), validators=[Length(max=500)])


class CreditNoteForm(PageForm):
    """Why an invoice is cancelled by a credit note."""

    reason = StringField(
        _l("Reason for the credit note"), validators=[DataRequired(), Length(max=500)]
    )
    submit = SubmitField(_l("Issue a credit note"))

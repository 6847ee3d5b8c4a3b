"""The catalogue's filter form (GET, no CSRF)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SearchField
from wtforms.validators import NumberRange, Optional

from paja.fields import DecimalField, IntegerField
from paja.form_base import PageForm
from paja.forms import ChoiceField, SelectChoice
from trainings.labels import MODE_LABELS


class CatalogueFilterForm(PageForm):
    """Narrow the catalogue by words, channel, mode, duration and price."""

    class Meta:
        csrf = False

    q = SearchField(_l("Search"), validators=[Optional()])
    channel = ChoiceField(_l("Channel"), validators=[Optional()], validate_choice=False)
    mode = ChoiceField(
        _l("Delivery"),
        choices=[
            SelectChoice("", _l("Any")),
            *(SelectChoice(m.value, label) for m, label in MODE_LABELS.items()),
        ],
        validators=[Optional()],
    )
    max_hours = IntegerField(
        _l("At most (hours)"),
        validators=[Optional(), NumberRange(min=1, max=40, message=_l("Give 1–40 hours."))],
    )
    max_price = DecimalField(
        _l("At most (€, excl. VAT)"),
        places=2,
        validators=[Optional(), NumberRange(min=0, message=_l("The price cannot be negative."))],
    )

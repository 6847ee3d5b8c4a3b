"""Network days for participants: the event page, registration, and one's own page."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from paja.access import get_or_404, or_404
from paja.database import utcnow
from paja.extensions import limiter
from paja.forms import ButtonForm, SelectChoice, given
from paja.i18n import when
from paja.page_cache import cached_page
from paja.perform import perform
from trainings import bp
from trainings.forms.events import EventRegistrationForm, LinkForm, ResendForm
from trainings.models import (
    Event,
    Registration,
    SharedLink,
    TrainingSession,
)
from trainings.operations.event_registrations import Participant, register_for_days, resend_link
from trainings.operations.events import remove, share_link
from trainings.queries.directory import directories, links_by_owner
from trainings.queries.events import (
    agendas,
    days_of,
    live,
    registrations_by_token,
    registrations_of,
    upcoming_events,
)
from trainings.queries.groups import published_groups


def visible_event(event_id: int) -> Event:
    """A published event, or a draft its organisers are looking at; else 404."""
    event = get_or_404(Event, event_id, None)
    if not event.can_view(current_user):
        abort(404)  # a draft's existence is not revealed
    return event


def _day_choice(day: TrainingSession) -> SelectChoice:
    """A day as a checkbox label: the date and what is left."""
    if day.seats_left:
        left = ngettext("%(num)d seat left", "%(num)d seats left", day.seats_left)
    else:
        left = _("full: you go on the waiting list")
    return SelectChoice(day.id, f"{when(day.starts_at)}, {left}")


def _registration_form(days: list[TrainingSession]) -> EventRegistrationForm:
    """The form with the days open for registration; accounts fill in name and email."""
    form = EventRegistrationForm()
    now = utcnow()
    form.days.choices = [_day_choice(d) for d in days if d.takes_registrations(now)]
    if current_user.is_authenticated and not form.is_submitted():
        form.name.data = current_user.name
        form.email.data = current_user.email
    return form


def _render(event: Event, days: list[TrainingSession], form: EventRegistrationForm) -> str:
    """The event page."""
    return render_template(
        "trainings/event.html",
        event=event,
        days=days,
        agendas=agendas(days),
        form=form,
        mine=registrations_of(event, current_user),
        resend=ResendForm(formdata=None, prefix="resend"),
        can_manage=event.can_manage(current_user),
    )


@bp.get("/events/")
@cached_page
def events() -> ResponseReturnValue:
    """Published events with days to come."""
    return render_template("trainings/events.html", events=upcoming_events())


@bp.get("/events/<int:event_id>")
@cached_page
def event_page(event_id: int) -> ResponseReturnValue:
    """The days with agendas, presenters and seats left, and registration."""
    event = visible_event(event_id)
    days = days_of(event)
    return _render(event, days, _registration_form(days))


@bp.post("/events/<int:event_id>/register")
@limiter.limit("20 per 10 minutes")  # each registration sends mail
def register_for_event(event_id: int) -> ResponseReturnValue:
    """Register for the chosen days, all of them or none."""
    event = visible_event(event_id)
    days = days_of(event)
    form = _registration_form(days)
    if not event.published:
        form.form_errors.append(_("The event is not published yet."))
    elif form.validate_on_submit():
        chosen = [d for d in days if d.id in set(given(form.days.data))]
        person = Participant(
            name=given(form.name.data),
            email=given(form.email.data),
            organisation_name=given(form.organisation_name.data),
            project=form.project.data or "",
            needs=form.needs.data or "",
            directory_consent=form.directory_consent.data,
        )
        outcome = perform(lambda: register_for_days(event, chosen, person, current_user), form)
        if outcome.ok:
            first = outcome.result[0] if outcome.result else None
            if (
                first is not None and first.user_id is not None
            ):  # the account's own days: straight to its page
                flash(_("Thank you! A confirmation is on its way to %(email)s.",
                        email=person.email), "success")  # fmt: skip
                return redirect(url_for("trainings.my_event", token=first.personal_token))
            # Whoever typed an address must prove it is theirs: the page's link is in the mail.
            flash(_("Thank you! A confirmation with the link to your own page is on its way to "
                    "%(email)s.", email=person.email), "success")  # fmt: skip
            return redirect(url_for("trainings.event_page", event_id=event.id))
    return _render(event, days, form)


@bp.post("/events/<int:event_id>/link")
@limiter.limit("5 per 10 minutes")
def resend_event_link(event_id: int) -> ResponseReturnValue:
    """Mail a registered person their personal link again."""
    event = visible_event(event_id)
    form = ResendForm(prefix="resend")
    if form.validate_on_submit():
        perform(lambda: resend_link(event, given(form.email.data)))
        flash(_("If %(email)s is registered, the link is on its way.", email=form.email.data),
              "info")  # fmt: skip
    else:
        flash(_("Enter a valid email address, e.g. name@example.fi."), "danger")
    return redirect(url_for("trainings.event_page", event_id=event.id) + "#find-my-page")


def _personal(token: str) -> tuple[Event, list[Registration]]:
    """The event and registrations behind a personal link, or 404."""
    return or_404(registrations_by_token(token))


@bp.get("/events/me/<token>")
@cached_page
def my_event(token: str) -> ResponseReturnValue:
    """A participant's own page: days, groups, who is here, shared links."""
    event, mine = _personal(token)
    return _render_personal(event, mine, token, LinkForm())


def _render_personal(event: Event, mine: list[Registration], token: str, form: LinkForm) -> str:
    """The personal page."""
    seated = [r for r in mine if r.confirmed]
    return render_template(
        "trainings/my_event.html",
        event=event,
        mine=mine,
        token=token,
        groups=published_groups(seated),
        directories=directories([r.session for r in seated]),
        links=links_by_owner(event.id, [token])[token],
        form=form,
        button=ButtonForm(),
    )


@bp.post("/events/me/<token>/links")
@limiter.limit("30 per 10 minutes")
def share_my_link(token: str) -> ResponseReturnValue:
    """Share a link to one's organisation's social-media account with the others."""
    event, mine = _personal(token)
    form = LinkForm()
    if not live(mine):
        abort(404)
    if (
        form.validate_on_submit()
        and perform(lambda: share_link(event, given(form.url.data), owner=mine[0]), form).ok
    ):
        flash(_("The link is shared."), "success")
        return redirect(url_for("trainings.my_event", token=token))
    return _render_personal(event, mine, token, form)


@bp.post("/events/me/<token>/links/<int:link_id>/remove")
def remove_my_link(token: str, link_id: int) -> ResponseReturnValue:
    """Take back a shared link."""
    event, _days = _personal(token)
    link = get_or_404(SharedLink, link_id, None)
    if not link.is_shared_by(event, token):
        abort(404)  # someone else's link: as if it did not exist
    if ButtonForm().validate_on_submit() and perform(lambda: remove(link)).ok:
        flash(_("The link is removed."), "success")
    return redirect(url_for("trainings.my_event", token=token))

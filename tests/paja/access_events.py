"""Network-day routes in the access matrix: organisers manage their own events only (the
matrix's users belong to no organisation, so only admins may manage the target event)."""

from paja.models import Role
from tests.paja.access_rules import ADMIN, EVERYONE, Rule

ORGANISERS = frozenset({Role.ADMIN, Role.ORGANISER})
EVENT_RULES: dict[str, Rule] = {
    "trainings.events": Rule(lambda t: "/trainings/events/", EVERYONE),
    "trainings.event_page": Rule(lambda t: f"/trainings/events/{t.event.id}", EVERYONE),
    "trainings.register_for_event": Rule(
        lambda t: f"/trainings/events/{t.event.id}/register", EVERYONE, post=200
    ),
    "trainings.resend_event_link": Rule(lambda t: f"/trainings/events/{t.event.id}/link", EVERYONE),
    "trainings.my_event": Rule(
        lambda t: f"/trainings/events/me/{t.event_registration.personal_token}", EVERYONE
    ),
    "trainings.share_my_link": Rule(
        lambda t: f"/trainings/events/me/{t.event_registration.personal_token}/links",
        EVERYONE,
        post=200,
    ),
    "trainings.remove_my_link": Rule(
        lambda t: (
            f"/trainings/events/me/{t.event_registration.personal_token}/links/"
            f"{t.shared_link.id}/remove"
        ),
        EVERYONE,
    ),
    "trainings.my_events": Rule(lambda t: "/trainings/events/mine", ORGANISERS),
    "trainings.new_event": Rule(lambda t: "/trainings/events/new", ORGANISERS, post=200),
    "trainings.manage_event": Rule(
        lambda t: f"/trainings/events/{t.event.id}/manage", ADMIN, post=200
    ),
    "trainings.add_event_project": Rule(
        lambda t: f"/trainings/events/{t.event.id}/projects", ADMIN, post=200
    ),
    "trainings.edit_project": Rule(
        lambda t: f"/trainings/events/projects/{t.project.id}/edit", ADMIN
    ),
    "trainings.add_project_link": Rule(
        lambda t: f"/trainings/events/projects/{t.project.id}/links", ADMIN
    ),
    "trainings.remove_project": Rule(
        lambda t: f"/trainings/events/projects/{t.project.id}/remove", ADMIN
    ),
    "trainings.remove_link": Rule(
        lambda t: f"/trainings/events/links/{t.shared_link.id}/remove", ADMIN
    ),
    "trainings.new_event_day": Rule(
        lambda t: f"/trainings/events/{t.event.id}/days/new", ADMIN, post=200
    ),
    "trainings.edit_event_day": Rule(
        lambda t: f"/trainings/events/days/{t.event_day.id}", ADMIN, post=200
    ),
    "trainings.remove_event_day": Rule(
        lambda t: f"/trainings/events/days/{t.event_day.id}/remove", ADMIN
    ),
    "trainings.add_agenda": Rule(
        lambda t: f"/trainings/events/days/{t.event_day.id}/agenda", ADMIN, post=200
    ),
    "trainings.edit_agenda": Rule(
        lambda t: f"/trainings/events/agenda/{t.agenda_item.id}/edit", ADMIN, post=200
    ),
    "trainings.remove_agenda": Rule(
        lambda t: f"/trainings/events/agenda/{t.agenda_item.id}/remove", ADMIN
    ),
    "trainings.attendance_pdf": Rule(
        lambda t: f"/trainings/events/days/{t.event_day.id}/attendance.pdf", ADMIN
    ),
    "trainings.badges": Rule(lambda t: f"/trainings/events/days/{t.event_day.id}/badges", ADMIN),
    "trainings.message_registrants": Rule(
        lambda t: f"/trainings/events/days/{t.event_day.id}/message", ADMIN, post=200
    ),
    "trainings.day_directory": Rule(
        lambda t: f"/trainings/events/days/{t.event_day.id}/directory", ADMIN
    ),
    "trainings.day_groups": Rule(
        lambda t: f"/trainings/events/days/{t.event_day.id}/groups", ADMIN, post=200
    ),
    "trainings.move_group_member": Rule(
        lambda t: f"/trainings/events/days/{t.event_day.id}/groups/move",
        ADMIN,
        data=lambda t: {"registration": t.event_registration.id, "group": 1},
    ),
    "trainings.publish_day_groups": Rule(
        lambda t: f"/trainings/events/days/{t.event_day.id}/groups/publish", ADMIN
    ),
}

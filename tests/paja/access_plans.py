"""Plan routes in the access matrix: a plan is seen only by the people on it (the matrix's
users are on none, so nobody may use a plan's pages; tests/plans/test_plan_access.py has
the rules for owners, editors, commenters, viewers and trainers)."""

from tests.paja.access_rules import EVERYONE, LOGGED_IN, NOBODY, Rule

PLAN_RULES: dict[str, Rule] = {
    "plans.index": Rule(lambda t: "/plans/", LOGGED_IN),
    "plans.new_plan": Rule(lambda t: "/plans/new", LOGGED_IN, post=200),
    "plans.renew_my_feed": Rule(lambda t: "/plans/my-feed", LOGGED_IN),
    "plans.my_feed": Rule(lambda t: f"/plans/my-feed/{t.personal_feed.token}.ics", EVERYONE),
    "plans.plan_feed": Rule(lambda t: f"/plans/feed/{t.plan.feed_token}.ics", EVERYONE),
}
PLAN_PAGES = {
    "plans.plan": "/plans/{plan}",
    "plans.settings": "/plans/{plan}/settings",
    "plans.delete_plan_view": "/plans/{plan}/delete",
    "plans.people": "/plans/{plan}/people",
    "plans.take_back_role": "/plans/{plan}/people/{owner}/remove",
    "plans.print_view": "/plans/{plan}/print",
    "plans.pdf": "/plans/{plan}/plan.pdf",
    "plans.section": "/plans/{plan}/sections/7",
    "plans.history": "/plans/{plan}/sections/7/history",
    "plans.add_comment": "/plans/{plan}/sections/7/comments",
    "plans.comments": "/plans/{plan}/comments",
    "plans.reply": "/plans/comments/{comment}/reply",
    "plans.edit": "/plans/comments/{comment}/edit",
    "plans.delete": "/plans/comments/{comment}/delete",
    "plans.resolve": "/plans/comments/{comment}/resolve",
    "plans.calendar": "/plans/{plan}/calendar",
    "plans.week": "/plans/{plan}/calendar/week",
    "plans.entries": "/plans/{plan}/calendar/list",
    "plans.new_entry": "/plans/{plan}/entries/new",
    "plans.entry": "/plans/entries/{entry}",
    "plans.move": "/plans/entries/{entry}/move",
    "plans.status": "/plans/entries/{entry}/status",
    "plans.delete_entry_view": "/plans/entries/{entry}/delete",
    "plans.calendar_csv": "/plans/{plan}/calendar.csv",
    "plans.import_calendar": "/plans/{plan}/calendar/import",
    "plans.renew_plan_feed": "/plans/{plan}/feed",
}


def _url(pattern: str):  # type: ignore[no-untyped-def]
    """The URL of a plan page for the matrix's targets."""
    return lambda t: pattern.format(
        plan=t.plan.id, owner=t.plan.owner_id, comment=t.plan_comment.id, entry=t.plan_entry.id
    )


PLAN_RULES |= {endpoint: Rule(_url(pattern), NOBODY) for endpoint, pattern in PLAN_PAGES.items()}

"""Incentive programme routes in the access matrix: a programme is for its organisation's
members and run by its programme managers (the matrix's users are neither, so only admins,
who name managers, get anywhere; tests/incentives/test_programme_access.py has the rest)."""

from tests.paja.access_rules import ADMIN, LOGGED_IN, NOBODY, Rule

PROGRAMME_PAGES = {
    "incentives.programme": "/incentives/{programme}",
    "incentives.boards": "/incentives/{programme}/boards",
    "incentives.join_programme": "/incentives/{programme}/join",
    "incentives.leave_programme": "/incentives/{programme}/leave",
    "incentives.log": "/incentives/{programme}/log",
    "incentives.new_programme": "/incentives/new/{organisation}",
    "incentives.edit_programme": "/incentives/{programme}/edit",
    "incentives.add_category_view": "/incentives/{programme}/categories",
    "incentives.edit_category": "/incentives/categories/{category}",
    "incentives.new_activity": "/incentives/categories/{category}/activities/new",
    "incentives.edit_activity": "/incentives/activities/{activity}",
    "incentives.claims": "/incentives/{programme}/claims",
    "incentives.decide": "/incentives/claims/{claim}/approve",
    "incentives.bonus": "/incentives/{programme}/bonus",
    "incentives.awards": "/incentives/{programme}/awards",
    "incentives.report_pdf_view": "/incentives/{programme}/report.pdf",
    "incentives.report_xlsx": "/incentives/{programme}/report.xlsx",
}


def _url(pattern: str):  # type: ignore[no-untyped-def]
    """The URL of a programme page for the matrix's targets."""
    return lambda t: pattern.format(
        programme=t.programme.id, organisation=t.programme.organisation_id,
        category=t.programme.categories[0].id,
        activity=t.programme.categories[0].activity_types[0].id, claim=t.claim.id,
    )  # fmt: skip


INCENTIVE_RULES: dict[str, Rule] = {
    "incentives.index": Rule(lambda t: "/incentives/", LOGGED_IN),
    "incentives.managers": Rule(
        lambda t: f"/incentives/managers/{t.organisation.id}", ADMIN, post=200
    ),
    "incentives.remove_manager_view": Rule(
        lambda t: f"/incentives/managers/{t.organisation.id}/{t.user.id}/remove", ADMIN
    ),
}
INCENTIVE_RULES |= {
    endpoint: Rule(_url(pattern), NOBODY) for endpoint, pattern in PROGRAMME_PAGES.items()
}

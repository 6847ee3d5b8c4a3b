"""Translated names of the incentive programme's choices, and the seed's default categories."""

from __future__ import annotations

from enum import StrEnum

from flask_babel import lazy_gettext as _l


class Visibility(StrEnum):
    """How a participant appears on the boards."""

    NAME = "name"
    PSEUDONYM = "pseudonym"
    HIDDEN = "hidden"


class StandingView(StrEnum):
    """What a participant is told of their place: their neighbours only, or a share."""

    NEIGHBOURS = "neighbours"
    RELATIVE = "relative"


class ClaimStatus(StrEnum):
    """Where a logged activity is: waiting, counted or turned down."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class Source(StrEnum):
    """Where an activity type's points come from: logged by people, or from what they do."""

    LOGGED = "logged"
    ATTENDANCE = "attendance"  # attended a session of a linked workshop
    COURSE = "course"  # completed a linked course
    GROWTH = "growth"  # the after skill check above the before one
    FEEDBACK = "feedback"  # answered a session's feedback
    PLAN_SECTION = "plan_section"  # completed a section of one's social-media plan
    PUBLISHED = "published"  # a calendar entry one owns marked published


VISIBILITY_LABELS = {
    Visibility.NAME: _l("By my name"),
    Visibility.PSEUDONYM: _l("By a pseudonym"),
    Visibility.HIDDEN: _l("Not on the boards"),
}
STANDING_VIEW_LABELS = {
    StandingView.NEIGHBOURS: _l("Rank with one's neighbours only"),
    StandingView.RELATIVE: _l("A relative position (top 25 %)"),
}
CLAIM_STATUS_LABELS = {
    ClaimStatus.PENDING: _l("Waiting for approval"),
    ClaimStatus.APPROVED: _l("Approved"),
    ClaimStatus.REJECTED: _l("Rejected"),
}
SOURCE_LABELS = {
    Source.LOGGED: _l("Logged by the participant"),
    Source.ATTENDANCE: _l("Attending a session of a linked workshop"),
    Source.COURSE: _l("Completing a linked course"),
    Source.GROWTH: _l("Growth between the before and after skill checks"),
    Source.FEEDBACK: _l("Answering the feedback of a session"),
    Source.PLAN_SECTION: _l("Completing a section of one's social-media plan"),
    Source.PUBLISHED: _l("A calendar entry marked published"),
}
#: The seed's three categories (004), in Finnish, Swedish and English.
DEFAULT_CATEGORIES = (
    ("Sosiaalinen media", "Sociala medier", "Social media"),
    ("Työyhteisöviestintä", "Kommunikation på arbetsplatsen", "Workplace communication"),
    ("Media- ja sidosryhmäviestintä", "Medie- och intressentkommunikation",
     "Media and stakeholder communication"),
)  # fmt: skip

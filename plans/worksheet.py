"""The plan worksheet: the seed's 15 numbered sections and what strategy templates add.

Questions keep the seed's numbering (1, 6a, 7b …) so a plan reads like the form people know.
Each question has a kind: most are free text; goals, audience age, update frequency, dates
and the calendar's horizon are structured because the plan's rules read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from flask_babel import lazy_gettext as _l


class Kind(StrEnum):
    """How a question is answered."""

    TEXT = "text"  # several lines of free text
    LINE = "line"  # one line
    GOALS = "goals"  # at most three sub-goals, one per line
    AGE = "age"  # an age range: two whole numbers
    FREQUENCY = "frequency"  # so many times a week or a month
    DATE = "date"
    HORIZON = "horizon"  # the calendar's first day and its length in months (3 to 6)


@dataclass(frozen=True)
class Question:
    """One numbered question of a section."""

    key: str
    label: str
    kind: Kind = Kind.TEXT
    help: str | None = None


@dataclass(frozen=True)
class Section:
    """A numbered section of the worksheet, with its guidance and questions."""

    key: str
    title: str
    questions: tuple[Question, ...]
    guidance: str | None = None

    def question(self, key: str) -> Question:
        """The section's question with this key."""
        return next(q for q in self.questions if q.key == key)


Q = Question
SECTIONS: tuple[Section, ...] = (
    Section("1", _l("Name and short address"), (
        Q("1a", _l("Name of the page or account"), Kind.LINE),
        Q("1b", _l("Short address"), Kind.LINE, _l("For example www.facebook.com/TJS")),
    )),
    Section("2", _l("Person responsible"), (
        Q("2", _l("Name and email of the person responsible"), Kind.LINE),
    )),
    Section("3", _l("Other people responsible"), (
        Q("3", _l("Others who plan and publish updates")),
    )),
    Section("4", _l("Profile picture"), (
        Q("4", _l("Profile picture: what it shows and who makes it")),
    )),
    Section("5", _l("Cover images"), (
        Q("5", _l("The page's cover images, five of them")),
    )),
    Section("6", _l("Target groups"), (
        Q("6a", _l("Whom does our organisation communicate with?")),
        Q("6b", _l("Whom of these do we want to reach in this channel? The main target group?")),
    )),
    Section("7", _l("Goals"), (
        Q("7a", _l("What do we want to achieve by communicating in this channel?")),
        Q("7b", _l("Write down one main goal"), Kind.LINE),
        Q("7c", _l("Write down at most three sub-goals"), Kind.GOALS, _l("One sub-goal per line.")),
    )),
    Section("8", _l("Content"), (
        Q("8a", _l("Given the target group and goals, what kind of messages do we publish?")),
        Q("8b", _l("Which features of the channel do we use to reach the target group and goals?")),
        Q("8c", _l("List topics you could communicate about"),
          help=_l("What is already talked about in your organisation? What interests people?")),
        Q("8d", _l("Big events coming up this year that could use the channel's events? When?")),
    )),
    Section("9", _l("Schedule"), (
        Q("9a", _l("How often is the page updated?"), Kind.FREQUENCY,
          _l("The calendar warns about weeks with fewer entries than this.")),
        Q("9b", _l("How often is the content production reviewed and updated?")),
        Q("9c", _l("When is the page set up?"), Kind.DATE),
    )),
    Section("10", _l("Division of labour"), (
        Q("10a", _l("Who all share the administration of the channel?")),
        Q("10b", _l("Who updates, who monitors, who plans content, who answers questions?")),
    )),
    Section("11", _l("Monitoring"), (
        Q("11a", _l("How often do we follow what happens on our page?")),
        Q("11b", _l("Who follows the discussion on the page and reacts to it?")),
        Q("11c", _l("Who follows how much our content is shared and liked?")),
    )),
    Section("12", _l("Advertising"), (
        Q("12a", _l("What could you advertise in this channel?")),
        Q("12b", _l("Audience of the ads: age"), Kind.AGE),
        Q("12c", _l("Audience of the ads: location"), Kind.LINE),
        Q("12d", _l("Audience of the ads: interests")),
    )),
    Section("13", _l("Polls"), (
        Q("13a", _l("On what would you like comments from people?")),
        Q("13b", _l("Events or discussions this year when people should be asked something? What?")),
    )),
    Section("14", _l("Publishing calendar"), (
        Q("14a", _l("The calendar's period"), Kind.HORIZON,
          _l("Plan three to six months ahead; the calendar's warnings cover this period.")),
        Q("14b", _l("Notes on the calendar")),
    ), _l("Make a rough calendar with everything to be published, in order.")),
    Section("15", _l("House rules"), (
        Q("15a", _l("People responsible")),
        Q("15b", _l("Update schedule")),
        Q("15c", _l("How do we treat messages addressed to us, critical ones included?")),
        Q("15d", _l("What we communicate, and what we never publish")),
        Q("15e", _l("In whose voice does the organisation speak?")),
        Q("15f", _l("Our own good rules")),
    ), _l("Agree on these with the staff.")),
    Section("16", _l("Existing accounts"), (
        Q("16", _l("Our existing accounts: keep or close, and why"),
          help=_l("One account per line, e.g. “Instagram @tjs – close, nobody updates it”.")),
    ), _l("Old, forgotten accounts confuse people and can be taken over.")),
    Section("17", _l("Voice and tone"), (
        Q("17a", _l("How do we sound? Three adjectives and an example")),
        Q("17b", _l("Words and expressions we use, and ones we avoid")),
    )),
    Section("18", _l("Moderation and crisis plan"), (
        Q("18a", _l("Who approves what is published in a crisis"), Kind.LINE),
        Q("18b", _l("Who stands in for them"), Kind.LINE),
        Q("18c", _l("What we do first when criticism or a crisis starts")),
        Q("18d", _l("When we hide or remove comments, and how we record it")),
    ), _l("Name an approver and a backup, so that someone can always act.")),
    Section("19", _l("Accessible posts"), (
        Q("19a", _l("Alternative text for images"),
          help=_l("Every image gets a text that says what it shows and why it is there.")),
        Q("19b", _l("Captions and transcripts for videos")),
        Q("19c", _l("Hashtags, emojis and links"),
          help=_l("Write hashtags in CamelCase (#VuodenVälkky); use few emojis, at the end.")),
    ), _l("WCAG 2.1 AA also applies to what a public body publishes in social media.")),
    Section("20", _l("Keeping records"), (
        Q("20", _l("How long we keep posts and comments, and where they are archived")),
    ), _l("Public bodies: follow your records management plan (Archives Act).")),
)  # fmt: skip

BY_KEY = {section.key: section for section in SECTIONS}

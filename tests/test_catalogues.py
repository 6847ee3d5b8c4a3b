"""Every visible string is translated into fi, sv and en; none is fuzzy or missing."""

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

pytestmark = pytest.mark.nodb
ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["fi", "sv", "en"]
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "_l": None,
    "lazy_gettext": None,
    "pgettext": ((1, "c"), 2),
    "lazy_pgettext": ((1, "c"), 2),
}
# Words that are the same in English and in Finnish or Swedish.
SAME_AS_ENGLISH = {
    "Webhook",
    "Excel (XLSX)",
    "BIC",
    "Status",
    "Administration",
    "Version %(version)s",
    "Organisation",
    "Hybrid",
    "NPS %(score)s",
    "median %(median)s",
    "Text",
    "%(num)d min",
    "%(hours)s h",
    "%(num)d person",
    "%(day)s: %(reason)s",
    "Presentation",
    "PDF",
    "Video",
    "Idea",  # Finnish: idea
    "Format",  # Swedish: format
    "Plan",  # Swedish: plan
    "Story",  # Swedish: story
    "Per",  # Swedish: per
    "Team",  # Swedish: team
    "Pseudonym",  # Swedish: pseudonym
    "Version %(number)s",
}


def catalogue(language: str):
    with (ROOT / "translations" / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=language)


def source_messages() -> set[str]:
    """Message ids in the code and templates now (not only in the .pot file)."""
    method_map = [
        ("paja/**.py", "python"),
        ("trainings/**.py", "python"),
        ("feedback/**.py", "python"),
        ("courses/**.py", "python"),
        ("plans/**.py", "python"),
        ("incentives/**.py", "python"),
        ("templates/**.html", "jinja2"),
        ("templates/**.txt", "jinja2"),
    ]
    options = {"templates/**": {"extensions": "jinja2.ext.do"}}
    found = set()
    for _, _, message, _, context in extract_from_dir(ROOT, method_map, options, keywords=KEYWORDS):
        text = message[0] if isinstance(message, tuple) else message
        found.add(f"{context}\x04{text}" if context else text)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete_and_not_fuzzy(language: str) -> None:
    problems = []
    for message in catalogue(language):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        if not all(strings):
            problems.append(f"untranslated: {message.id!r}")
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_in_the_code_is_in_the_catalogue(language: str) -> None:
    ids = {
        (f"{m.context}\x04" if m.context else "") + (m.id[0] if isinstance(m.id, tuple) else m.id)
        for m in catalogue(language)
        if m.id
    }
    found = source_messages()
    assert {
        "Skip to content",
        "Please check the marked fields:",
        "Use at least %(n)d characters.",
        "agenda item\x04Introduction",  # a word with two meanings, told apart by its context
        "Plan",  # plans/ and incentives/ are read too
    } <= found
    missing = found - ids
    assert missing == set(), "run `make translations` and translate the new strings"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_finnish_and_swedish_are_not_english_copies(language: str) -> None:
    copies = {
        m.id
        for m in catalogue(language)
        if m.id and not isinstance(m.id, tuple) and m.string == m.id and m.id not in SAME_AS_ENGLISH
    }
    assert copies == set()


def placeholders(text: str) -> set[str]:
    """The %(name)s placeholders in a message."""
    return {part.split(")")[0] for part in text.split("%(")[1:]}


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_placeholders_survive_translation(language: str) -> None:
    for message in catalogue(language):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            assert placeholders(string) == placeholders(ids[0]), message.id

"""@mentions: each person on a plan has a handle made of their name, e.g. @MarikaVirtanen."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from markupsafe import Markup, escape

from paja.models import User

MENTION = re.compile(r"@(\w+)")


def handle_of(user: User) -> str:
    """A person's handle: the words of their name joined, each starting with a capital."""
    words = re.findall(r"\w+", user.name)
    return "".join(word[:1].upper() + word[1:] for word in words) or f"user{user.id}"


def handles(people: Sequence[User]) -> dict[str, User]:
    """The handle of each person on a plan; namesakes get a number (@MattiVirtanen2)."""
    found: dict[str, User] = {}
    for person in sorted(people, key=lambda p: p.id):
        base = handle_of(person)
        name, n = base, 1
        while name.casefold() in {h.casefold() for h in found}:
            n += 1
            name = f"{base}{n}"
        found[name] = person
    return found


def mentioned_in(body: str, people: Sequence[User]) -> list[User]:
    """The people on the plan whose handles the text mentions; other @words stay plain text."""
    known = {handle.casefold(): person for handle, person in handles(people).items()}
    chosen: dict[int, User] = {}
    for word in MENTION.findall(body):
        person = known.get(word.casefold())
        if person is not None:
            chosen[person.id] = person
    return list(chosen.values())


def with_mentions(body: str, mentioned: Iterable[User]) -> Markup:
    """The comment's text, escaped, with the handles of the people it mentions emphasised."""
    names = {handle_of(person).casefold() for person in mentioned}

    def mark(match: re.Match[str]) -> str:
        word = match.group(1).casefold()
        if word in names or word.rstrip("0123456789") in names:
            return f'<strong class="mention">{escape(match.group(0))}</strong>'
        return str(escape(match.group(0)))

    pieces = []
    for part in re.split(r"(@\w+)", body):
        match = MENTION.fullmatch(part)
        pieces.append(mark(match) if match else str(escape(part)))
    return Markup("".join(pieces).replace("\n", "<br>\n"))  # noqa: S704 (every piece escaped)

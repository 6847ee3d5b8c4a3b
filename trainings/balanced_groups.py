"""The algorithm that deals people into balanced groups, colleagues apart (no database)."""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

P = TypeVar("P")


def make_groups(
    people: Sequence[P],
    size: int,
    organisation_of: Mapping[P, Hashable],
    rng: random.Random | None = None,
) -> list[list[P]]:
    """Split people into groups of about `size`: sizes differ by at most one, and nobody shares a
    group with someone of their organisation unless that organisation has more people than
    there are groups.

    People are taken organisation by organisation (largest first, the order within shuffled)
    and dealt to the groups in turn, so one organisation's people land in different groups.
    """
    if size < 1:
        raise ValueError("size must be at least 1")
    if not people:
        return []
    rng = rng or random.Random()  # noqa: S311 (group shuffling, not security)
    count = math.ceil(len(people) / size)
    by_organisation: dict[Hashable, list[P]] = defaultdict(list)
    for person in people:
        organisation = organisation_of.get(person)
        key = organisation if organisation is not None else ("nobody", id(person))
        by_organisation[key].append(person)  # people without one never count as colleagues
    members = list(by_organisation.values())
    rng.shuffle(members)
    members.sort(key=len, reverse=True)
    groups: list[list[P]] = [[] for _ in range(count)]
    index = 0
    for organisation_people in members:
        rng.shuffle(organisation_people)
        for person in organisation_people:
            groups[index % count].append(person)
            index += 1
    return groups

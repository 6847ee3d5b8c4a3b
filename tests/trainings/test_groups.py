"""Small-group generation, checked as properties over many random line-ups (hypothesis)."""

import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainings.balanced_groups import make_groups

line_ups = st.lists(st.sampled_from(["ELY", "OmaKehu", "Iisisti", "Living", None]), max_size=60)


@settings(max_examples=300, deadline=None)
@given(organisations=line_ups, size=st.integers(min_value=1, max_value=12), seed=st.integers())
def test_groups_are_balanced_and_spread_organisations(
    organisations: list[str | None], size: int, seed: int
) -> None:
    people = list(range(len(organisations)))
    organisation_of = dict(zip(people, organisations, strict=True))
    groups = make_groups(people, size, organisation_of, random.Random(seed))
    placed = [person for group in groups for person in group]
    assert sorted(placed) == people  # everyone in exactly one group
    if not people:
        assert groups == []
        return
    sizes = [len(group) for group in groups]
    assert max(sizes) - min(sizes) <= 1
    assert max(sizes) <= size
    largest = Counter(o for o in organisations if o is not None).most_common(1)
    if not largest or largest[0][1] <= len(groups):  # spreading is possible
        for group in groups:
            named = [organisation_of[p] for p in group if organisation_of[p] is not None]
            assert len(named) == len(set(named)), groups


def test_a_group_size_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        make_groups([1, 2], 0, {})

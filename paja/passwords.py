"""Password rules: a minimum length and no easily guessed passwords."""

from __future__ import annotations

import re

MIN_LENGTH = 12  # ASVS 2.1.1
MAX_LENGTH = 128
# zxcvbn knows English lists; these are words Finnish and Swedish users reach for.
_LOCAL_WORDS = [
    "salasana", "salasanani", "lösenord", "passord", "paja", "tyopaja", "työpaja",
    "kesä", "talvi", "syksy", "kevät", "suomi", "finland", "sverige", "helsinki",
    "tampere", "turku", "hämeenlinna", "koulutus", "utbildning", "tervetuloa", "moikka",
    "hei", "hej", "kissa", "koira", "perkele", "sisu", "kalle", "matti", "maija",
]  # fmt: skip


def is_guessable(password: str, user_inputs: list[str] | None = None) -> bool:
    """Whether a password is among the very common or easily guessed ones (zxcvbn score < 2)."""
    words = (word for text in user_inputs or [] for word in re.split(r"[\W_]+", text.lower()))
    inputs = [*_LOCAL_WORDS, *(word for word in words if word)]
    from zxcvbn import zxcvbn  # 12 MB of word lists: loaded by the first password check

    return zxcvbn(password[:MAX_LENGTH], user_inputs=inputs)["score"] < 2

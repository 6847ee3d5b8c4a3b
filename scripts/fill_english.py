"""Fill the English catalogue: the source strings are English, so msgstr = msgid."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po


def fill(path: Path) -> int:
    """Set every English msgstr to its msgid (new, changed or fuzzy); return the count."""
    with path.open("rb") as handle:
        catalog = read_po(handle, locale="en")
    filled = 0
    for message in catalog:
        if not message.id:
            continue
        message.flags.discard("fuzzy")
        wanted = tuple(message.id) if isinstance(message.id, tuple) else message.id
        if message.string != wanted:
            message.string = wanted
            filled += 1
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False)
    return filled


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}: {fill(Path(name))} English entries filled")

"""Print one line per test run and a closing 'N passed, N failed' line from JUnit XML files."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def counts(path: Path) -> tuple[int, int, int]:
    """Passed, failed (failures and errors) and skipped tests in one JUnit file."""
    root = ET.parse(path).getroot()  # noqa: S314 (our own pytest output)
    suites = [root] if root.tag == "testsuite" else list(root)
    total = failed = skipped = 0
    for suite in suites:
        total += int(suite.get("tests", 0))
        failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
    return total - failed - skipped, failed, skipped


def main(paths: list[str]) -> None:
    """Print the per-run lines and the total."""
    passed_all = failed_all = skipped_all = 0
    for name in paths:
        path = Path(name)
        if not path.exists():
            continue
        passed, failed, skipped = counts(path)
        run = path.stem.removeprefix("junit-")
        print(f"  {run:<11} {passed} passed, {failed} failed, {skipped} skipped")
        passed_all, failed_all, skipped_all = (
            passed_all + passed,
            failed_all + failed,
            skipped_all + skipped,
        )
    print(f"total: {passed_all} passed, {failed_all} failed, {skipped_all} skipped")


if __name__ == "__main__":
    main(sys.argv[1:])

"""Benchmark: 500 attendance certificates rendered into one PDF (run by `make bench`).

Prints certificates_500_s (rendering time) and certificates_500_mb (the PDF's size).
Target: under 10 s and under 5 MB.
"""

from __future__ import annotations

import json
import time
from datetime import date
from decimal import Decimal

from courses.models import Certificate, new_code
from courses.pdf import certificates_pdf
from tests.conftest import make_app

COUNT = 500
LANGUAGES = ("fi", "sv", "en")


def certificates() -> list[Certificate]:
    """Unsaved attendance certificates with varied Latin-script names and all three languages."""
    return [
        Certificate(
            code=new_code(),
            kind="attendance",
            name=f"Åsa Öberg-Łukasik {n + 1}",
            title="Twitter-koulutus: perusteet",
            achieved_on=date(2026, 11, 9),
            hours=Decimal("2.0"),
            trainers="Pilvi Nummi",
            issuer="Viestintä-Piritta Oy",
            details_json=json.dumps({"mode": "remote"}),
            language=LANGUAGES[n % 3],
        )
        for n in range(COUNT)
    ]


def main() -> None:
    """Render once to warm up, then time the best of three."""
    app = make_app()
    with app.test_request_context():
        batch = certificates()
        certificates_pdf(batch[:3])
        times, size = [], 0
        for _ in range(3):
            started = time.perf_counter()
            size = len(certificates_pdf(batch))
            times.append(time.perf_counter() - started)
    print(f"certificates_500_s: {min(times):.2f} s")
    print(f"certificates_500_mb: {size / 1_000_000:.2f} MB")


if __name__ == "__main__":
    main()

"""What the feedback package tells others; they connect in their own subscriptions.py."""

from __future__ import annotations

from blinker import Namespace

signals = Namespace()
#: Sent with the stored Response as sender, inside the transaction that stores it.
answered = signals.signal("feedback.answered")

"""What the feedback package tells others; they connect in their own subscriptions.py."""

from __future__ import annotations

from blinker import Namespace

signals = Namespace()
#: Sent with the stored Response as sender and `user` (the answering account or None),
#: inside the transaction that stores it. An anonymous Response holds no user: use `user`.
answered = signals.signal("feedback.answered")
#: Sent with a Survey as sender and `user`: a receiver returning True lets that account answer
#: a survey that is not open to every account (a course lets its participants answer its own).
may_answer = signals.signal("feedback.may-answer")

"""What the plans package tells others; they connect in their own subscriptions.py."""

from __future__ import annotations

from blinker import Namespace

signals = Namespace()

#: Sent with the Plan as sender, `key`, `user` (who saved) and `complete` (every question of
#: the section answered) after a section was saved.
section_saved = signals.signal("plans.section_saved")
#: Sent with the Entry as sender and `user` after its status changed.
entry_status_changed = signals.signal("plans.entry_status_changed")

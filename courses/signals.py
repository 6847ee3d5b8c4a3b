"""What the courses package tells others; listeners connect in a subscriptions.py."""

from __future__ import annotations

from blinker import Namespace

signals = Namespace()
#: Sent with the Enrolment as sender once it is complete (its completion time is set).
completed = signals.signal("courses.completed")
#: Sent with the new Attempt as sender after someone took a phase of a skill check.
skill_checked = signals.signal("courses.skill_checked")

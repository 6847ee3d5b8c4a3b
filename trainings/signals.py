"""Signals other packages listen to (courses enrol registrants, for example)."""

from __future__ import annotations

from blinker import Namespace

signals = Namespace()
#: Sent with `registration=` after someone registered to a session (seat or waiting list).
registered = signals.signal("trainings.registered")
#: Sent with the session as sender after its attendance was saved (certificates listen).
attendance_marked = signals.signal("trainings.attendance_marked")
#: Sent with the session as sender once it has ended with its attendance marked, when its
#: feedback round runs (certificates are mailed to people without an account then).
session_ended = signals.signal("trainings.session_ended")

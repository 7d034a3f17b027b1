"""Waiting for something to happen, up to a deadline, instead of sleeping for a fixed time.

A fixed sleep is too long where the machine is fast and too short where it is busy; a
deadline only bounds how long a failing test takes to say so.
"""

from __future__ import annotations

import time
from collections.abc import Callable


def wait_until(condition: Callable[[], object], timeout: float, interval: float = 0.1) -> bool:
    """Call `condition` every `interval` seconds until it returns a true value; return False if it
    has not after `timeout` seconds. It is asked once more at the deadline, so it gets the whole time."""
    deadline = time.monotonic() + timeout
    while True:
        if condition():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)

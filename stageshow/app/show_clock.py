"""The show clock: monotonic nanoseconds that continue from the log's last record after a restart."""

from __future__ import annotations

import time


class ShowClock:
    def __init__(self, start_at: int = 0) -> None:
        self._origin = time.monotonic_ns() - start_at

    def now(self) -> int:
        return time.monotonic_ns() - self._origin

    def at(self, monotonic_ns: int) -> int:
        """A monotonic stamp (taken by a buzzer adapter on arrival) on the show clock."""
        return monotonic_ns - self._origin

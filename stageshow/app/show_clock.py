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


class ScriptClock(ShowClock):
    """A rehearsal's virtual clock: pinned to each step's time, running `speed` times faster in between."""

    def __init__(self, speed: float = 1.0) -> None:
        super().__init__(0)
        self.speed = speed
        self._virtual = 0
        self._real = time.monotonic_ns()

    def pin(self, virtual_ns: int) -> None:
        self._virtual = virtual_ns
        self._real = time.monotonic_ns()

    def now(self) -> int:
        return self._virtual + int((time.monotonic_ns() - self._real) * self.speed)

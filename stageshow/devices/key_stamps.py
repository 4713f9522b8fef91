"""Stamps for keyboard buzzers that a busy GUI cannot delay.

A key event reaches the GUI thread only when it is free, but the window system wrote the moment of the press into
the event (milliseconds, from a monotonic clock of its own: X11, Wayland, Windows and macOS all do). We learn the
offset between that clock and ours from the events themselves (the smallest gap seen is the truest, since delivery
only ever adds delay) and stamp each press at its own moment, with millisecond resolution.
"""

from __future__ import annotations

MS = 1_000_000
JUMP_NS = 1_000 * MS  # beyond this the window clock was reset (wrap-around, resume from sleep): learn it afresh


class KeyStamper:
    def __init__(self) -> None:
        self._offset: int | None = None  # our clock minus the window system's, in ns

    def stamp(self, window_ms: int, arrival_ns: int) -> int:
        """Our-clock time of a press the window system stamped `window_ms`; never later than its arrival. Without
        a window timestamp (0: synthetic events) the arrival itself."""
        if window_ms <= 0:
            return arrival_ns
        offset = arrival_ns - window_ms * MS
        if self._offset is None or offset < self._offset or offset - self._offset > JUMP_NS:
            self._offset = offset
        return min(window_ms * MS + self._offset, arrival_ns)

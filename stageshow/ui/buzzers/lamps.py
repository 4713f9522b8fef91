"""What the buzzer lamps show: the last press per team (with its source), presses nobody owns, and teams whose
controller is unplugged. Shared by the console's team table and the stage's buzzer test page."""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field

LAMP_SECONDS = 0.8
UNMAPPED_SHOWN = 4


@dataclass
class BuzzerLamps:
    last_press: dict[str, tuple[float, str]] = field(default_factory=dict)  # team id → (monotonic s, source label)
    unmapped: deque[str] = field(default_factory=lambda: deque(maxlen=UNMAPPED_SHOWN))
    offline: set[str] = field(default_factory=set)  # teams whose learned controller is unplugged

    def light(self, team_id: str | None, source: str) -> None:
        if team_id is None:
            self.unmapped.append(source)
        else:
            self.last_press[team_id] = (time.monotonic(), source)

    def is_lit(self, team_id: str) -> bool:
        pressed = self.last_press.get(team_id)
        return pressed is not None and time.monotonic() - pressed[0] < LAMP_SECONDS

    def any_lit(self) -> bool:
        return any(self.is_lit(team_id) for team_id in self.last_press)

    def source(self, team_id: str) -> str:
        pressed = self.last_press.get(team_id)
        return pressed[1] if pressed else ""

    def clear(self) -> None:
        self.last_press.clear()
        self.unmapped.clear()

"""Which button is which team's buzzer.

Buzzers sit at seats (台号), so this machine learns one button per seat and keeps it for every show it runs. A show
file's `buzzer: {key: "1"}` is the default for its team; a learned button wins over it, button by button, so a team
with a learned controller still answers on its default key when the controller is unplugged.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from stageshow.i18n import render
from stageshow.devices.buttons import KEYBOARD, Button, keyboard_button
from stageshow.domain.model import Team

FILE_VERSION = 1


class BuzzerMapping:
    def __init__(self, teams: Iterable[Team], learned: Mapping[int, Button] | None = None) -> None:
        self.teams = list(teams)
        self.learned = dict(learned or {})  # seat → button
        self._by_seat = {team.seat: team for team in self.teams}

    def team_for(self, button: Button) -> Team | None:
        """The team this button belongs to, or None for a press nobody owns."""
        for seat, learned in self.learned.items():
            if learned == button:
                return self._by_seat.get(seat)
        if button.source != KEYBOARD:
            return None
        for team in self.teams:
            if team.buzzer_key and _default_key_matches(team.buzzer_key, button.button):
                return team
        return None

    def buttons_of(self, team: Team) -> list[Button]:
        """Every button that presses for this team: its learned one first, then its default key if still its own."""
        buttons = [self.learned[team.seat]] if team.seat in self.learned else []
        if team.buzzer_key:
            default = keyboard_button(team.buzzer_key)
            if self.team_for(default) is team:
                buttons.append(default)
        return buttons


def _default_key_matches(default: str, key_name: str) -> bool:
    """A default digit answers on the main row and on the number pad alike; "Num+1" means the pad only."""
    default, key_name = default.upper(), key_name.upper()
    return key_name == default or key_name == f"NUM+{default}"


@dataclass(frozen=True)
class Offer:
    """What the wizard made of one press."""

    accepted: bool
    taken_by: int | None = None  # the seat that already holds this button
    reserved: bool = False  # an operator hotkey


class MappingWizard:
    """Walks the seats in order ("请第1组按下抢答器" …), taking the first free button pressed for each."""

    def __init__(self, teams: Iterable[Team], reserved_keys: Iterable[str] = ()) -> None:
        self.teams = sorted(teams, key=lambda team: team.seat)
        self.learned: dict[int, Button] = {}
        self._reserved = {keyboard_button(key) for key in reserved_keys}
        self.position = 0

    @property
    def current(self) -> Team | None:
        return self.teams[self.position] if self.position < len(self.teams) else None

    @property
    def done(self) -> bool:
        return self.current is None

    def offer(self, button: Button) -> Offer:
        team = self.current
        if team is None:
            return Offer(False)
        if button in self._reserved:
            return Offer(False, reserved=True)
        for seat, learned in self.learned.items():
            if learned == button:
                return Offer(False, taken_by=seat)
        self.learned[team.seat] = button
        self.position += 1
        return Offer(True)

    def skip(self) -> None:
        """Leave this seat without a learned button (its show-file key, if any, still works)."""
        if self.current is not None:
            self.position += 1

    def back(self) -> None:
        """Learn the previous seat again."""
        if self.position > 0:
            self.position -= 1
            self.learned.pop(self.teams[self.position].seat, None)


def load_learned(path: Path) -> tuple[dict[int, Button], str | None]:
    """The buttons this machine learned, by seat; a missing file is an empty mapping, an unreadable one is
    reported (the second value) and treated as empty, never a crash."""
    if not path.exists():
        return {}, None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        seats = data["seats"]
        learned = {int(seat): Button(entry["source"], entry["device"], str(entry["button"]), entry.get("label", ""))
                   for seat, entry in seats.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        return {}, render("mapping_unreadable", path=path, detail=exc)
    return learned, None


def save_learned(path: Path, learned: Mapping[int, Button]) -> None:
    """Write atomically: a crash mid-write leaves the old mapping, never half a file."""
    data = {"version": FILE_VERSION,
            "seats": {str(seat): {"source": button.source, "device": button.device, "button": button.button,
                                  "label": button.device_label} for seat, button in sorted(learned.items())}}
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(partial, path)

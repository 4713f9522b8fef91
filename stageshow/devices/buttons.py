"""A buzzer press before it belongs to a team: which button of which device, stamped the moment it arrived."""

from __future__ import annotations

from dataclasses import dataclass, field

from stageshow.i18n import render

KEYBOARD = "keyboard"
JOYSTICK = "joystick"


@dataclass(frozen=True)
class Controller:
    """A game controller as this machine remembers it. Never by SDL's device index, which changes with every plug:
    by GUID and name (and serial, when the device reports one); identical boxes share all three, so `ordinal` tells
    them apart by the order they were found."""

    guid: str
    name: str
    serial: str = ""
    ordinal: int = 0

    @property
    def key(self) -> str:
        return f"{self.guid}/{self.name}/{self.serial}/{self.ordinal}"

    @property
    def label(self) -> str:
        return f"{self.name} #{self.ordinal + 1}"

    def same_model(self, other: Controller) -> bool:
        return (self.guid, self.name, self.serial) == (other.guid, other.name, other.serial)


@dataclass(frozen=True)
class Button:
    """One button: a keyboard key by name ("1", "Num+1", "F5", "A") or a controller's button by number."""

    source: str  # keyboard | joystick
    device: str  # "keyboard", or Controller.key
    button: str
    device_label: str = field(default="", compare=False)  # for people; not part of the identity

    @property
    def label(self) -> str:
        if self.source == KEYBOARD:
            return render("button_key", key=self.button)
        return render("button_pad", device=self.device_label or self.device, button=self.button)


def keyboard_button(key_name: str) -> Button:
    """Key names compare without case: a show file's `key: "a"` is the key Qt calls "A"."""
    return Button(KEYBOARD, KEYBOARD, key_name.upper(), render("device_keyboard"))


@dataclass(frozen=True)
class RawPress:
    button: Button
    stamp: int  # time.monotonic_ns() when the press reached us: one clock for every source

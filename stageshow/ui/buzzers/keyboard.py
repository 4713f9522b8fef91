"""Keyboard buzzers: an application-wide filter turns key presses in either window into stamped buzzer presses.

Auto-repeat never counts; a key held past the stuck limit is reported once. Keys typed into a text field, keys
with Ctrl/Alt/Meta, and the operator's own hotkeys are left alone.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit, QTextEdit

from stageshow.devices.buttons import Button, RawPress, keyboard_button
from stageshow.devices.joystick import STUCK_SECONDS
from stageshow.devices.key_stamps import KeyStamper

_MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr,
                  Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock, Qt.Key.Key_unknown}
_COMMAND_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                      | Qt.KeyboardModifier.MetaModifier)


def key_name(event: QKeyEvent) -> str | None:
    """"1", "A", "F5", and "Num+1" for the number pad; None for keys that cannot be a buzzer."""
    key = Qt.Key(event.key())
    if key in _MODIFIER_KEYS or event.modifiers() & _COMMAND_MODIFIERS:
        return None
    name = QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText) or f"Key{event.nativeScanCode()}"
    return f"Num+{name}" if event.modifiers() & Qt.KeyboardModifier.KeypadModifier else name


def _typing_into_a_field() -> bool:
    widget = QApplication.focusWidget()
    if isinstance(widget, (QLineEdit, QAbstractSpinBox)):
        return True
    return isinstance(widget, (QTextEdit, QPlainTextEdit)) and not widget.isReadOnly()


class KeyboardBuzzers(QObject):
    """Install on the QApplication. `wants(button)` says whether a key is a buzzer now; `pressed(RawPress)` takes
    it (on the GUI thread, right away); `stuck(button)` hears of a held key."""

    def __init__(self, wants: Callable[[Button], bool], pressed: Callable[[RawPress], None],
                 stuck: Callable[[Button], None], stuck_seconds: float = STUCK_SECONDS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wants = wants
        self._pressed = pressed
        self._stuck = stuck
        self._stuck_ns = int(stuck_seconds * 1e9)
        self._stamper = KeyStamper()
        self._held: dict[Button, int] = {}  # key → when it went down (monotonic ns)
        self._reported_stuck: set[Button] = set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride):
            return False
        assert isinstance(event, QKeyEvent)
        arrival = time.monotonic_ns()
        name = key_name(event)
        if name is None:
            return False
        button = keyboard_button(name)
        if kind == QEvent.Type.KeyRelease:
            if not event.isAutoRepeat():
                self._held.pop(button, None)
                self._reported_stuck.discard(button)
            return False
        if _typing_into_a_field() or not self._wants(button):
            return False
        if kind == QEvent.Type.ShortcutOverride:  # a buzzer key is a buzzer, even if a hotkey has the same key
            event.accept()
            return True
        # One press reaches the filter once per receiver (window, then widget): taking it here stops the rest.
        if event.isAutoRepeat():
            self._check_stuck(button, arrival)
            return True
        self._held[button] = arrival
        self._pressed(RawPress(button, self._stamper.stamp(event.timestamp(), arrival)))
        return True

    def _check_stuck(self, button: Button, now: int) -> None:
        since = self._held.get(button)
        if since is not None and button not in self._reported_stuck and now - since > self._stuck_ns:
            self._reported_stuck.add(button)
            self._stuck(button)

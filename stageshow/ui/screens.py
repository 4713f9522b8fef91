"""Which screen the stage goes on, and what happens when screens come and go.

The stage prefers the remembered screen (by name), else any non-primary screen. A lost projector hides the
stage at once (before the window system can push the stage onto the operator's screen, over the console); a
screen that appears is checked after the changes settle, and the stage goes back full screen on it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen

DEBOUNCE_MS = 400


def stage_screen(preferred: str | None) -> QScreen | None:
    screens = QGuiApplication.screens()
    primary = QGuiApplication.primaryScreen()
    if preferred:
        for screen in screens:
            if screen.name() == preferred:
                return screen
    others = [screen for screen in screens if screen is not primary]
    return others[0] if others else None


def console_screen(stage: QScreen | None) -> QScreen:
    """The operator's screen: the primary one, unless the stage is there; then any other (the stage is never
    chosen for the console when there is a choice)."""
    primary = QGuiApplication.primaryScreen()
    if stage is not primary:
        return primary
    others = [screen for screen in QGuiApplication.screens() if screen is not stage]
    return others[0] if others else primary


class ScreenWatcher(QObject):
    """Signals: stage_screen_lost(str), stage_screen_found(QScreen)."""

    stage_screen_lost = Signal(str)
    stage_screen_found = Signal(QScreen)

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.current: QScreen | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        app = QGuiApplication.instance()
        app.screenAdded.connect(lambda _screen: self._debounce.start())  # type: ignore[attr-defined]
        app.screenRemoved.connect(self._on_app_screen_removed)  # type: ignore[attr-defined]

    def preferred_name(self) -> str | None:
        value = self._settings.value("stage/screen")
        return str(value) if value else None

    def choose(self, screen: QScreen | None) -> None:
        self.current = screen
        if screen is not None:
            self._settings.setValue("stage/screen", screen.name())

    def _on_app_screen_removed(self, screen: QScreen) -> None:
        if screen is self.current:
            self.current = None
            self.stage_screen_lost.emit(self.preferred_name() or screen.name())

    def _on_debounce_timeout(self) -> None:
        if self.current is None:
            screen = stage_screen(self.preferred_name())
            if screen is not None:
                self.current = screen
                self.stage_screen_found.emit(screen)

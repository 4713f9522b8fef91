"""The pre-flight page (设备自检): every line green, yellow or red with what to do, before the show starts. It
opens by itself when a new show opens, and from 比赛 → 设备自检… (Ctrl+Shift+P). Pressing each team's buzzer
while it is open marks that buzzer tested; Alt+T plays a test tone; Alt+R checks again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stageshow.app.preflight import CheckLine, backup_line, buzzer_lines, database_line, network_line
from stageshow.devices.sound import SoundPlayer
from stageshow.domain.model import Show
from stageshow.ui.buzzers.hub import BuzzerHub
from stageshow.ui.preflight.checks import font_line, screen_line, sound_line, video_lines
from stageshow.ui.tr import tr

COLOURS = {True: "#2E7D32", False: "#C62828", None: "#EF6C00"}
TEST_TONE = "reveal"


class PreflightPage(QDialog):
    def __init__(self, parent: QWidget, show: Show, db_path: Path | None, stage_screen: Callable[[], QScreen | None],
                 sound: SoundPlayer, hub: BuzzerHub | None, backup_folder: Callable[[], Path | None],
                 hall_port: Callable[[], int | None] = lambda: None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("设备自检"))
        self._show, self._db_path, self._stage_screen = show, db_path, stage_screen
        self._sound, self._hub, self._backup_folder = sound, hub, backup_folder
        self._hall_port = hall_port
        self.tested: set[str] = set()
        self._video_lines: list[CheckLine] = []
        layout = QVBoxLayout(self)
        intro = QLabel(tr("开赛前逐项检查：绿色为正常，红色须处理，橙色请留意。请各队依次按一下抢答器。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.lines = QListWidget()
        self.lines.setWordWrap(True)
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.lines, 1)
        row = QHBoxLayout()
        # Alt with a letter: the plain letters are the show's keys (R reveals, T times out), and stay so.
        for text, key, slot in ((tr("重新检查"), "Alt+R", self.refresh), (tr("播放测试音"), "Alt+T", self._play_tone),
                                (tr("关闭"), "Esc", self.close)):
            button = QPushButton(f"{text}  [{key}]")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            QShortcut(QKeySequence(key), self, activated=slot)
            row.addWidget(button)
        layout.addLayout(row)
        if hub is not None:
            hub.press_seen.connect(self._on_hub_press_seen)
        self.resize(720, 560)
        self.refresh()

    def check_lines(self) -> list[CheckLine]:
        """Every line, the videos as last decoded (decoding them all again takes seconds)."""
        lines = [screen_line(self._stage_screen()), font_line(), sound_line(self._sound), *self._video_lines]
        if self._hub is not None:
            lines += buzzer_lines(self._show, self._hub.mapping, self.tested)
        if self._db_path is not None:
            lines.append(database_line(self._db_path))
        lines.append(backup_line(self._backup_folder()))
        lines.append(network_line(self._hall_port()))
        return lines

    def refresh(self) -> None:
        """Check everything again, the videos included."""
        self._video_lines = video_lines(self._show)
        self._show_lines()

    def _show_lines(self) -> None:
        self.lines.clear()
        for line in self.check_lines():
            item = QListWidgetItem(line.render())
            item.setForeground(QColor(COLOURS[line.ok]))
            self.lines.addItem(item)

    def _play_tone(self) -> None:
        self._sound.play(TEST_TONE)

    def _on_hub_press_seen(self, team_id: str | None, _press) -> None:  # type: ignore[no-untyped-def]
        if team_id is not None and self.isVisible() and team_id not in self.tested:
            self.tested.add(team_id)
            self._show_lines()  # at once: the videos need no decoding again for a press

"""File → 备份比赛记录…: a copy of the show's database that stands on its own (a USB stick, say), written now and
then by itself at the end of every round to the folder chosen once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from stageshow.app.session import ENDS_A_ROUND
from stageshow.store.backup import BackupFailed, back_up, backup_name
from stageshow.ui.bridge import ShowBridge
from stageshow.ui.tr import tr

if TYPE_CHECKING:
    from stageshow.ui.console.window import ConsoleWindow

FOLDER_SETTING = "backup/folder"


class BackupMenu(QObject):
    def __init__(self, console: ConsoleWindow, bridge: ShowBridge, settings: QSettings, menu: QMenu) -> None:
        super().__init__(console)
        self._console = console
        self._bridge = bridge
        self._settings = settings
        action = menu.addAction(tr("备份比赛记录…"))
        action.setObjectName("action_backup")
        action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        action.triggered.connect(self._on_backup_triggered)
        bridge.events_logged.connect(self._on_bridge_events_logged)

    @property
    def folder(self) -> Path | None:
        value = self._settings.value(FOLDER_SETTING)
        return Path(str(value)) if value else None

    def back_up_to(self, folder: Path) -> bool:
        """Write the backup into `folder` now and remember the folder for the end of every round."""
        self._settings.setValue(FOLDER_SETTING, str(folder))
        return self._write(folder)

    def _on_backup_triggered(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self._console, tr("选择备份文件夹（如U盘）"),
                                                  str(self.folder or Path.home()))
        if chosen:
            self.back_up_to(Path(chosen))

    def _on_bridge_events_logged(self, events: list) -> None:  # type: ignore[type-arg]
        if self.folder is not None and any(isinstance(event, ENDS_A_ROUND) for event, _ in events):
            self._write(self.folder)

    def _write(self, folder: Path) -> bool:
        session = self._bridge.session
        if session.db_path is None:
            return False
        target = folder / backup_name(self._bridge.show.title)
        try:
            back_up(session.db_path, target)
        except BackupFailed as failure:
            self._console.raise_alarm(str(failure))
            return False
        self._console.status.setText(tr("已备份比赛记录到 {path}", path=target))
        return True

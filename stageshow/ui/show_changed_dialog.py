"""Before the windows open: the show's files changed what the run already played. The operator chooses."""

from __future__ import annotations

import enum

from PySide6.QtWidgets import QMessageBox, QWidget

from stageshow.app.show_changes import ShowChanges, describe
from stageshow.i18n import render
from stageshow.ui.tr import tr


class Choice(enum.Enum):
    STORED = "stored"  # go on with the version stored in the database
    NEW = "new"  # start a new show from the files (the old run is kept)
    QUIT = "quit"


def ask_about_changes(changes: ShowChanges, parent: QWidget | None = None) -> Choice:
    """A question with three answers; Esc and Enter take the safe one, the stored version."""
    box = QMessageBox(QMessageBox.Icon.Warning, tr("比赛文件已修改"), render("show_changed"), parent=parent)
    box.setInformativeText("\n".join("• " + describe(change) for change in changes.refused))
    if changes.taken:
        box.setDetailedText("\n".join(describe(change) for change in changes.taken))
    stored = box.addButton(tr("继续比赛（使用数据库中保存的版本）"), QMessageBox.ButtonRole.AcceptRole)
    new = box.addButton(tr("开始新的一场（原记录保留）"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(tr("退出"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stored)
    box.setEscapeButton(stored)
    box.exec()
    clicked = box.clickedButton()
    if clicked is stored:
        return Choice.STORED
    return Choice.NEW if clicked is new else Choice.QUIT

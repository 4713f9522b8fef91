"""比赛设置 (Ctrl+Shift+S): the show file in three tabs, checked as the operator types (a moment after the last key)
by the same loader as `stageshow check`, and saved with its comments, key order and quoting kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stageshow.formats.show_document import ShowDocument
from stageshow.reports.output import OutputProblem
from stageshow.ui.console.fit import size_within_screen
from stageshow.ui.settings.tabs import RoundsTab, ShowTab, teams_table
from stageshow.ui.tr import tr

CHECK_DELAY_MS = 300  # typing a name is not checked at every key, but the answer comes before the next thought


class ShowSettingsDialog(QDialog):
    saved = Signal(Path)

    def __init__(self, document: ShowDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.dirty = False
        self.valid = False
        self.setWindowTitle(tr("比赛设置：{name}", name=document.path.name))
        tabs = QTabWidget()
        self.show_tab = ShowTab(document)
        self.teams = teams_table(document)
        self.rounds = RoundsTab(document)
        for widget, title in ((self.show_tab, tr("比赛")), (self.teams, tr("队伍")), (self.rounds, tr("环节"))):
            tabs.addTab(widget, title)
            widget.changed.connect(self._on_edited)
        self.verdict = QLabel()
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setMaximumHeight(120)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check)
        save = QPushButton(tr("保存　[Ctrl+S]"))
        save.clicked.connect(self.save)
        close = QPushButton(tr("关闭　[Esc]"))
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.verdict, 1)
        buttons.addWidget(save)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)
        size_within_screen(self, 960, 700)  # the tables need room: a laptop gives what it has
        self.check()

    def _on_edited(self) -> None:
        self.dirty = True
        self._timer.start()

    def check(self) -> None:
        """Read the edited show as `check` would, and say what it found."""
        show, problems = self.document.check()
        self.valid = show is not None
        if show is not None:
            count = len(show.questions)
            self.verdict.setText(tr("检查通过：{teams} 支队伍，{rounds} 个环节，{questions} 道题",
                                    teams=len(show.teams), rounds=len(show.rounds), questions=count))
            self.verdict.setStyleSheet("color: #1B5E20; font-weight: bold")
        else:
            self.verdict.setText(tr("有 {count} 个问题，见上方", count=len(problems.errors)))
            self.verdict.setStyleSheet("color: #B71C1C; font-weight: bold")
        self.problems.setPlainText("\n".join(item.render(self.document.path.parent) for item in problems.items)
                                   or tr("没有问题。"))

    def save(self) -> bool:
        """Write the file; a show with problems is saved only when the operator says so (work in progress)."""
        self._timer.stop()
        self.check()
        if not self.valid:
            answer = QMessageBox.question(self, tr("比赛设置有问题"), tr("设置中还有问题，比赛打不开。仍然保存吗？"))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            self.document.save()
        except OutputProblem as problem:
            QMessageBox.warning(self, tr("无法保存"), str(problem))
            return False
        self.dirty = False
        self.verdict.setText(self.verdict.text() + tr("　已保存"))
        self.saved.emit(self.document.path)
        return True

    def reject(self) -> None:
        if self.dirty and QMessageBox.question(
                self, tr("比赛设置"), tr("修改还没有保存，放弃这些修改吗？")) != QMessageBox.StandardButton.Yes:
            return
        super().reject()


def open_settings(path: Path, parent: QWidget) -> ShowSettingsDialog | None:
    """The settings of the show file at `path`, or None (with the reason shown) when it cannot be read as YAML."""
    try:
        document = ShowDocument.load(path)
    except Exception as error:  # noqa: BLE001 - any reading failure: the operator is sent to `check` for its place
        QMessageBox.warning(parent, tr("无法打开比赛设置"),
                            tr("{path} 无法读取（{reason}）。请用 stageshow check 查看出错的位置。", path=path,
                               reason=type(error).__name__))
        return None
    return ShowSettingsDialog(document, parent)


def add_settings_action(menu, console) -> None:  # type: ignore[no-untyped-def]
    """比赛 → 比赛设置… (Ctrl+Shift+S) on the show file the console is running; once saved, the operator may reopen
    the show at once, and the run takes the edits that touch only what is still to come."""
    action = menu.addAction(tr("比赛设置…"))
    action.setObjectName("action_show_settings")
    action.setShortcut(QKeySequence("Ctrl+Shift+S"))

    def edit() -> None:
        path = console.show_path
        if path is None:
            return
        dialog = open_settings(path, console)
        if dialog is None:
            return
        saved: list[Path] = []
        dialog.saved.connect(saved.append)
        dialog.exec()
        from stageshow.ui.console.confirm import give_back_the_keyboard

        give_back_the_keyboard(console)
        if saved:
            console.open_show(saved[-1])

    action.triggered.connect(edit)

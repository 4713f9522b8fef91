"""The operator's console: controls, the private question card, teams, the live event log, and a miniature
of exactly what the projector shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QMoveEvent,
    QResizeEvent,
    QScreen,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from stageshow.app.next_action import upcoming_question
from stageshow.formats.show_file import load_show
from stageshow.ui.bridge import ShowBridge
from stageshow.ui.buzzers.hub import BuzzerHub
from stageshow.ui.console.adjust_dialog import AdjustDialog
from stageshow.ui.console.backup_menu import BackupMenu
from stageshow.ui.console.buzzer_menu import BuzzerMenu
from stageshow.ui.console.confirm import ask, give_back_the_keyboard
from stageshow.ui.console.controls import Controls
from stageshow.ui.console.export import EXPORTS, write_sheet
from stageshow.ui.console.fit import fit_to_screen
from stageshow.ui.console.import_dialog import add_import_action
from stageshow.ui.console.media_row import MediaRow
from stageshow.ui.console.resume_notice import resume_notice
from stageshow.ui.console.describe import event_line, preview_line, question_card
from stageshow.ui.console.shortcuts_dialog import ShortcutsDialog
from stageshow.ui.console.stage_modes import StageModes
from stageshow.ui.console.teams_model import TeamsModel
from stageshow.ui.settings.dialog import add_settings_action
from stageshow.ui.stage.view import StageView
from stageshow.ui.stage.window import StageWindow
from stageshow.ui.tr import tr

PROBLEMS_SHOWN = 15
REFIT_MS = 50
REFITS = 8
SETTLE_MS, SETTLE_CHECKS = 500, 10
ALARM_STYLE = "#alarm_bar {{ background: {colour}; }} QLabel {{ color: white; font-weight: bold; }}"
TEAMS_ALWAYS_SHOWN = 10  # a show with more teams scrolls its table, keeping the team in play in view


class ConsoleWindow(QMainWindow):
    """Signals: open_requested(Path, Show) when the operator chose another show file that reads cleanly;
    new_run_requested() when the operator asked for this show afresh from its base scores."""

    open_requested = Signal(object, object)
    new_run_requested = Signal()

    def __init__(self, bridge: ShowBridge, stage: StageWindow, actions: dict[str, QAction],
                 settings: QSettings) -> None:
        super().__init__()
        self._home: QScreen | None = None  # the operator's screen, which the console never leaves
        self._refits_left = REFITS
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(REFIT_MS)
        self._refit.timeout.connect(self._on_home_geometry_changed)
        # A busy laptop's window manager may set the frame with no move or resize to tell us: look again a few
        # times in the first seconds after showing.
        self._settle = QTimer(self)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._on_settle_timeout)
        self._settle_checks = 0
        self._settings = settings
        self.setObjectName("console_window")
        self.setWindowTitle(tr("{title} — 控制台", title=bridge.show.title))
        self._bridge = bridge
        self._stage = stage
        self.actions = actions
        self.confirm_on_close = True
        self._card_question: str | None = ""
        self.addActions(list(actions.values()))
        self.controls = Controls(bridge, actions)
        self.question_view = QTextBrowser()
        self.question_view.setObjectName("question_card")
        self.next_preview = QLabel()
        self.next_preview.setObjectName("next_preview")
        self.next_preview.setWordWrap(True)
        self.next_preview.setStyleSheet("color: #455A64;")
        self.teams_model = TeamsModel(bridge)
        self.teams_table = QTableView()
        self.teams_table.setModel(self.teams_model)
        self.teams_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.teams_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.teams_table.verticalHeader().hide()
        # Compact rows, and room for ten of them: the operator sees every team's score without scrolling.
        row_height = self.teams_table.fontMetrics().height() + 6
        self.teams_table.verticalHeader().setDefaultSectionSize(row_height)
        self.teams_table.verticalHeader().setMinimumSectionSize(row_height)
        shown = min(len(bridge.show.teams), TEAMS_ALWAYS_SHOWN)
        self.teams_table.setMinimumHeight(row_height * (shown + 1) + 8)
        self.log_list = QListWidget()
        self.log_list.setObjectName("event_log")
        # One line per item: without this every scroll to the bottom lays out the whole log again, and a final
        # logs thousands of lines (it held the GUI thread for 20 ms).
        self.log_list.setUniformItemSizes(True)
        self.preview = StageView(bridge.now, video=stage.video)
        stage.mirrors.append(self.preview)
        self.preview.setMinimumSize(256, 144)
        self.screen_box = QComboBox()
        self.status = QLabel("")
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the window
        self.stage_modes = StageModes(bridge, stage, self.preview, actions, self.status)
        self.stage_mode_label = self.stage_modes.label
        self.media_row = MediaRow(bridge, stage, actions)
        self.show_path: Path | None = None  # the show file, for 比赛设置 (set by the app that opened it)
        self._build_layout()
        self._build_menu()
        actions["action_adjust"].triggered.connect(self._on_adjust_triggered)
        bridge.snapshot_changed.connect(self._on_bridge_snapshot_changed)
        bridge.events_logged.connect(self._on_bridge_events_logged)
        bridge.storage_failed.connect(self.raise_alarm)
        stage.video.failed.connect(self.status.setText)
        self._on_bridge_snapshot_changed()
        if bridge.session.resumed:
            self._show_the_resumed_show()

    def place_on(self, screen: QScreen) -> None:
        """Open over the whole available area of the operator's screen, and stay within it."""
        if self._home is not None:
            self._home.availableGeometryChanged.disconnect(self._on_home_geometry_changed)
        self._home = screen
        screen.availableGeometryChanged.connect(self._on_home_geometry_changed)
        self._refits_left = REFITS
        fit_to_screen(self, screen)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._refit.start()
        self._settle_checks = SETTLE_CHECKS
        self._settle.start()

    def _on_settle_timeout(self) -> None:
        self._settle_checks -= 1
        if self._settle_checks <= 0 or not self.isVisible():
            self._settle.stop()
            return
        self._refit_if_outside()

    def moveEvent(self, event: QMoveEvent) -> None:  # noqa: N802 - Qt override
        super().moveEvent(event)
        self._refit_if_outside()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._refit_if_outside()

    def _refit_if_outside(self) -> None:
        """A window manager adds its frame (and may move the window) only after it is mapped, and says so late:
        whenever the frame is found sticking out of the home screen, fit again, frame included."""
        home = self._home
        if home is None or home not in QGuiApplication.screens():  # the screen is gone: the hot-plug code handles it
            return
        if not home.availableGeometry().contains(self.frameGeometry()) and self._refits_left:
            self._refits_left -= 1  # a window manager that will not have it must not make us try forever
            self._refit.start()

    def _on_home_geometry_changed(self) -> None:
        if self._home is not None and self._home in QGuiApplication.screens():
            fit_to_screen(self, self._home)

    def _build_alarm_bar(self) -> QWidget:
        """A red bar above the controls for trouble the operator must see (a buzzer unplugged or stuck)."""
        bar = QWidget()
        bar.setObjectName("alarm_bar")
        bar.setStyleSheet(ALARM_STYLE.format(colour="#C62828"))
        self.alarm_label = QLabel()
        self.alarm_label.setWordWrap(True)
        dismiss = QPushButton(tr("知道了") + "  [Esc]")
        dismiss.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        dismiss.clicked.connect(bar.hide)
        # Esc on the console or the stage window, not application-wide: in a dialog or an entry it closes that.
        for window in (self, self._stage):
            QShortcut(QKeySequence("Esc"), window, activated=bar.hide)
        row = QHBoxLayout(bar)
        row.addWidget(self.alarm_label, 1)
        row.addWidget(dismiss)
        bar.hide()
        return bar

    def _build_layout(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        self.alarm_bar = self._build_alarm_bar()
        left_layout.addWidget(self.alarm_bar)
        left_layout.addWidget(self.controls)
        left_layout.addWidget(QLabel(tr("当前题目（仅控台可见，含答案）")))
        left_layout.addWidget(self.question_view, 1)
        left_layout.addWidget(self.next_preview)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        screen_row = QHBoxLayout()
        screen_row.addWidget(self.stage_mode_label)
        screen_row.addStretch(1)
        screen_row.addWidget(QLabel(tr("显示屏：")))
        self.screen_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # its names in full
        screen_row.addWidget(self.screen_box)
        right_layout.addLayout(screen_row)
        right_layout.addWidget(self.preview, 2)
        right_layout.addWidget(self.media_row)  # under the miniature it acts on
        right_layout.addWidget(self.teams_table, 3)
        right_layout.addWidget(QLabel(tr("事件记录")))
        self.log_list.setMinimumHeight(32)
        right_layout.addWidget(self.log_list, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([700, 580])
        self.setCentralWidget(splitter)
        self.statusBar().addWidget(self.status, 1)  # stretch: the room the status bar has (it once had none)
        self.refresh_screens()
        self.screen_box.currentIndexChanged.connect(self._on_screen_box_changed)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(tr("文件(&F)"))
        open_show = file_menu.addAction(tr("打开比赛文件…"))
        open_show.setObjectName("action_open_show")
        open_show.setShortcut(QKeySequence("Ctrl+O"))
        open_show.triggered.connect(self._on_open_show_triggered)
        for kind, (label, *_) in EXPORTS.items():
            export = file_menu.addAction(tr(label))
            export.setObjectName(f"action_export_{kind}")
            export.triggered.connect(lambda _=False, kind=kind: self._on_export_triggered(kind))
        add_import_action(file_menu, self)
        new_run = file_menu.addAction(tr("开始新的一场…"))
        new_run.setObjectName("action_new_run")
        new_run.triggered.connect(self._on_new_run_triggered)
        self.backups = BackupMenu(self, self._bridge, self._settings, file_menu)
        file_menu.addSeparator()
        file_menu.addAction(tr("退出"), self.close)
        show_menu = self.show_menu = self.menuBar().addMenu(tr("比赛(&S)"))
        for action in self.actions.values():
            show_menu.addAction(action)
        show_menu.addSeparator()
        add_settings_action(show_menu, self)
        shortcuts = show_menu.addAction(tr("快捷键设置…"))
        shortcuts.setObjectName("action_shortcuts")
        shortcuts.triggered.connect(lambda: (ShortcutsDialog(self.actions, self._settings, self).exec(),
                                             give_back_the_keyboard(self)))

    def add_sound_controls(self, sound) -> None:  # type: ignore[no-untyped-def]
        """Volume and mute in the status bar; the stage's video follows the same volume."""
        mute = QCheckBox(tr("静音"))
        mute.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        volume = QSlider(Qt.Orientation.Horizontal)
        volume.setRange(0, 100)
        volume.setValue(100)
        volume.setFixedWidth(120)
        volume.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        mute.toggled.connect(sound.set_muted)
        volume.valueChanged.connect(lambda value: (sound.set_volume(value / 100),
                                                   self._stage.video.set_volume(value / 100)))
        self.statusBar().addPermanentWidget(QLabel(tr("音量")))
        self.statusBar().addPermanentWidget(volume)
        self.statusBar().addPermanentWidget(mute)
        self.mute_box, self.volume_slider = mute, volume

    def attach_buzzers(self, hub: BuzzerHub, reserved_keys: set[str]) -> None:
        self.buzzers = hub
        self.buzzer_test_action = BuzzerMenu(self, hub, reserved_keys, self._bridge.show.teams).test_action

    def stage_views(self) -> tuple[StageView, StageView]:
        """The stage itself and the console's miniature of it."""
        return self._stage.view, self.preview

    def raise_alarm(self, text: str, notice: bool = False) -> None:
        """Trouble the operator must see and act on: a red bar above the controls, and a line in the log. A
        `notice` (news, not trouble: the show resumed) is blue."""
        self.alarm_label.setText(text)
        self.alarm_bar.setStyleSheet(ALARM_STYLE.format(colour="#1565C0" if notice else "#C62828"))
        self.alarm_bar.show()
        self.log_line(text)

    def clear_alarm(self, text: str) -> None:
        self.alarm_bar.hide()
        self.status.setText(text)
        self.log_line(text)

    def log_line(self, text: str) -> None:
        self.log_list.addItem(text)
        self.log_list.scrollToBottom()

    def refresh_screens(self) -> None:
        self.screen_box.blockSignals(True)
        self.screen_box.clear()
        self.screen_box.addItem(tr("窗口模式（不全屏）"), None)
        for screen in QGuiApplication.screens():
            geometry = screen.geometry()
            self.screen_box.addItem(f"{screen.name()}  {geometry.width()}×{geometry.height()}", screen.name())
        current = self._stage.screen().name() if self._stage.isFullScreen() else None
        index = self.screen_box.findData(current)
        self.screen_box.setCurrentIndex(max(0, index))
        self.screen_box.blockSignals(False)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.confirm_on_close:
            answer = QMessageBox.question(self, tr("退出"),
                                          tr("退出 StageShow？比赛记录已保存，下次打开会从当前位置继续。"))
        if not self.confirm_on_close or answer == QMessageBox.StandardButton.Yes:
            self._stage.allow_close()
            self._stage.close()
            event.accept()
        else:
            event.ignore()

    def _show_the_resumed_show(self) -> None:
        """A show reopened after a quit or a crash: its whole log back in the list, and a notice saying so."""
        session = self._bridge.session
        lines = [event_line(self._bridge.show, event, at) for event, at in session.logged_events()]
        self.log_list.addItems([line for line in lines if line])
        self.log_list.scrollToBottom()
        self.raise_alarm(resume_notice(session, self._bridge.state.countdown is not None,
                                       self.actions["action_primary"].shortcut().toString()), notice=True)

    def _on_bridge_snapshot_changed(self) -> None:
        state = self._bridge.state
        question_id = state.question.question_id if state.question else None
        if question_id != self._card_question:  # the card is rich text: lay it out once per question
            self._card_question = question_id
            self.question_view.setHtml(question_card(self._bridge.show.question(question_id)) if question_id else "")
        upcoming = upcoming_question(self._bridge.show, state)
        self.next_preview.setText(tr("下一题预览：{line}", line=preview_line(upcoming)) if upcoming else "")
        self.preview.show_snapshot(self._bridge.public_snapshot())
        in_play = state.question.team if state.question else None
        if in_play is not None:
            self.teams_table.scrollTo(self.teams_model.index(self.teams_model.row_of(in_play), 0))

    def _on_bridge_events_logged(self, events: list) -> None:  # type: ignore[type-arg]
        for event, at in events:
            line = event_line(self._bridge.show, event, at)
            if line:
                self.log_list.addItem(line)
        self.log_list.scrollToBottom()

    def _on_adjust_triggered(self) -> None:
        dialog = AdjustDialog(self._bridge.show, self)
        accepted = dialog.exec()
        give_back_the_keyboard(self)
        if accepted:
            self._bridge.submit(dialog.command())

    def set_stage_mode(self, mode: str) -> None:
        """One stage mode at a time, on the stage and its miniature alike (see stage_modes.py)."""
        self.stage_modes.set(mode)

    def _on_screen_box_changed(self, index: int) -> None:
        name = self.screen_box.itemData(index)
        screen = next((s for s in QGuiApplication.screens() if s.name() == name), None)
        if screen is not None and screen is self.screen():
            answer = QMessageBox.warning(self, tr("显示屏"),
                                         tr("所选显示屏就是控制台所在的屏幕，大屏会遮住控制台。确定吗？"),
                                         QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                self.refresh_screens()
                return
        self._stage.place_on(screen, full_screen=screen is not None)

    def _on_open_show_triggered(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("打开比赛文件"), "", tr("比赛文件 (*.show.yaml *.yaml *.yml)"))
        if path:
            self.open_show(Path(path))

    def open_show(self, path: Path) -> bool:
        """Check a show file; if it reads cleanly and the operator agrees, ask for it to replace this one."""
        show, problems = load_show(path)
        if show is None:
            lines = [problem.render() for problem in problems.errors]
            more = "\n" + tr("……共 {count} 个问题", count=len(lines)) if len(lines) > PROBLEMS_SHOWN else ""
            QMessageBox.warning(self, tr("比赛文件有误"),
                                tr("{path} 无法打开，请按以下提示修改后再试：", path=path) + "\n\n"
                                + "\n".join(lines[:PROBLEMS_SHOWN]) + more)
            return False
        answer = QMessageBox.question(self, tr("打开比赛文件"), tr(
            "关闭“{current}”，打开“{other}”？当前比赛的记录已保存，以后再打开会从当前位置继续。",
            current=self._bridge.show.title, other=show.title))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.open_requested.emit(path, show)
        return True

    def _on_new_run_triggered(self) -> None:
        if ask(self, tr("开始新的一场“{title}”？各队回到基础分；这一场的记录保留在数据库中，可随时导出。",
                        title=self._bridge.show.title)):
            self.new_run_requested.emit()

    def _on_export_triggered(self, kind: str) -> None:
        _, name, pattern, _ = EXPORTS[kind]
        path, _ = QFileDialog.getSaveFileName(self, tr("导出成绩表"), tr(name), pattern)
        if path:
            self.export_sheet(kind, Path(path))

    def export_sheet(self, kind: str, path: Path) -> bool:
        """Write the score sheet (xlsx | pdf) to `path`; a failure is shown to the operator, never raised."""
        log = self._bridge.session.log
        if log is None:
            return False
        problem = write_sheet(log, kind, path)
        if problem is not None:
            QMessageBox.warning(self, tr("导出成绩表"), problem)
            return False
        self.status.setText(tr("已导出 {path}", path=path))
        return True

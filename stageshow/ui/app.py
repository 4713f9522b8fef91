"""Start the two windows on a show: the console on the operator's screen, the stage on the projector."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from stageshow.app.session import LogNotTrusted, ShowChanged, ShowSession
from stageshow.app.show_clock import ShowClock
from stageshow.devices.sound import SoundPlayer
from stageshow.domain import events as e
from stageshow.domain.model import Show
from stageshow.ui.actions import build_actions
from stageshow.paths import buzzer_mapping_file, show_database
from stageshow.ui.bridge import ShowBridge
from stageshow.ui.buzzers.hub import BuzzerHub
from stageshow.ui.console.confirm import give_back_the_keyboard
from stageshow.ui.console.window import ConsoleWindow
from stageshow.ui.fonts import ui_font
from stageshow.ui.hall_dialog import HallDialog
from stageshow.ui.hall_link import HallLink
from stageshow.ui.qr import qr_pixmap
from stageshow.ui.preflight.page import PreflightPage
from stageshow.ui.screens import ScreenWatcher, console_screen, stage_screen
from stageshow.ui.show_changed_dialog import Choice, ask_about_changes
from stageshow.ui.sound_cues import SoundCues
from stageshow.ui.stage.window import StageWindow
from stageshow.ui.tr import install_translator, tr


class StageShowApp:
    """Owns the windows of one show; kept apart from `main` so tests can build it inside their QApplication."""

    def __init__(self, show: Show, root: Path, db: Path, settings: QSettings | None = None, mode: str = "live",
                 clock: ShowClock | None = None, new_run: bool = False, keep_stored: bool = False,
                 show_path: Path | None = None) -> None:
        self.settings = settings or QSettings("StageShow", "StageShow")
        self.root, self.db = root, db
        self.closed = False
        self.session = ShowSession.open(show, root, db, mode=mode, new_run=new_run, keep_stored=keep_stored)
        self.bridge = ShowBridge(self.session, clock, auto_ticks=mode == "live")
        self.stage = StageWindow(self.bridge)
        self.actions = build_actions(self.bridge, self.settings)
        self.console = ConsoleWindow(self.bridge, self.stage, self.actions, self.settings)
        self.console.show_path = show_path
        self.stage.attach_actions(list(self.actions.values()))
        self.sound = SoundPlayer()
        self.sound.start()
        if self.sound.warning:
            self.console.status.setText(self.sound.warning)
        self.cues = SoundCues(self.bridge, self.sound)
        self.stage.video.playing_changed.connect(self.sound.duck)  # music steps back while a video plays
        self.console.add_sound_controls(self.sound)
        self.buzzers: BuzzerHub | None = None
        if mode == "live":  # a rehearsal's presses come from its script
            self.buzzers = BuzzerHub(self.bridge, buzzer_mapping_file(), self.reserved_keys)
            self.console.attach_buzzers(self.buzzers, self.reserved_keys())
            self.buzzers.start()
        self.preflight: PreflightPage | None = None
        preflight = self.console.show_menu.addAction(tr("设备自检…"))
        preflight.setObjectName("action_preflight")
        preflight.setShortcut(QKeySequence("Ctrl+Shift+P"))
        preflight.triggered.connect(self.open_preflight)
        self.hall = HallLink(self.bridge, self.console.status, show.network, self.console)
        self.hall.vote_url_changed.connect(self._on_hall_vote_url_changed)
        self.bridge.events_logged.connect(self._on_bridge_events_logged)
        self.console.show_menu.addAction(self.hall.action)
        hall_page = self.console.show_menu.addAction(tr("局域网连接…"))
        hall_page.setObjectName("action_hall_page")
        hall_page.setShortcut(QKeySequence("Ctrl+Shift+H"))
        hall_page.triggered.connect(lambda: (HallDialog(self.hall, self.console).exec(),
                                             give_back_the_keyboard(self.console)))
        if show.network is not None:  # `network:` in the show file: the hall is on from the start
            self.hall.start()
        self.screens = ScreenWatcher(self.settings)
        self.screens.stage_screen_lost.connect(self._on_screens_stage_screen_lost)
        self.screens.stage_screen_found.connect(self._on_screens_stage_screen_found)

    def open_preflight(self) -> PreflightPage:
        """The pre-flight page (设备自检), beside the console; it checks everything again each time it opens."""
        if self.preflight is None:
            self.preflight = PreflightPage(self.console, self.session.show, self.session.db_path,
                                           lambda: self.screens.current, self.sound, self.buzzers,
                                           lambda: self.console.backups.folder,
                                           lambda: self.hall.server.port if self.hall.server else None)
            self.preflight.finished.connect(lambda _result: give_back_the_keyboard(self.console))
        else:
            self.preflight.refresh()
        self.preflight.show()
        self.preflight.raise_()
        self.preflight.activateWindow()  # Esc closes it at once, however late the other windows were mapped
        return self.preflight

    def open_preflight_for_a_new_show(self) -> None:
        """A show about to start checks the hall's devices first; a resumed one is already under way."""
        if not self.session.resumed:
            self.open_preflight()

    def reserved_keys(self) -> set[str]:
        """Keys that belong to the operator and never to a buzzer: every hotkey, and Esc."""
        return {action.shortcut().toString() for action in self.actions.values()} | {"Esc"}

    def _on_bridge_events_logged(self, events: list) -> None:  # type: ignore[type-arg]
        """Voting just opened with no LAN link: no phone can reach the voting page, so say so at once."""
        if self.hall.server is None and any(isinstance(event, e.VotingOpened) for event, _ in events):
            self.console.status.setText(tr("手机投票已开始，但局域网连接未开启：按 Ctrl+Shift+L 开启后手机才能投票"))

    def _on_hall_vote_url_changed(self, url: str) -> None:
        code = qr_pixmap(url, scale=12) if url else None
        for view in (self.stage.view, self.console.preview):
            view.vote_code = code
            view.update()

    def show_windows(self) -> None:
        screen = stage_screen(self.screens.preferred_name())
        self.screens.choose(screen)
        self.console.place_on(console_screen(screen))
        self.console.show()
        self.stage.place_on(screen, full_screen=screen is not None)
        self.console.refresh_screens()
        self.console.raise_()
        self.console.activateWindow()
        # Everything alive by now (Qt's wrappers, the show and its bank, the modules) lives as long as the show, and
        # the app makes almost no cyclic garbage: leave it all out of the collector's full passes, which took
        # ~55 ms each, several dropped frames on the stage, and now take ~2 ms.
        gc.freeze()

    def shutdown(self) -> None:
        """Close both windows without asking (tests, and a quit the operator already confirmed)."""
        self.console.confirm_on_close = False
        self.bridge.stop()  # a closed show must never tick on in the background
        self.hall.stop()
        self.cues.stop()
        if self.buzzers is not None:
            self.buzzers.stop()
        self.sound.close()
        self.console.close()
        self.stage.allow_close()
        self.stage.close()
        self.session.close()
        self.closed = True

    def _on_screens_stage_screen_lost(self, name: str) -> None:
        self.stage.hide()
        self.console.status.setText(tr("大屏显示器 {name} 已断开：大屏画面已隐藏，重新连接后自动恢复", name=name))
        self.console.refresh_screens()

    def _on_screens_stage_screen_found(self, screen) -> None:  # type: ignore[no-untyped-def]
        self.stage.place_on(screen, full_screen=True)
        self.console.status.setText(tr("大屏已恢复到 {name}", name=screen.name()))
        self.console.refresh_screens()


def open_show(show: Show, root: Path, db: Path, settings: QSettings | None = None,
              new_run: bool = False, show_path: Path | None = None) -> StageShowApp | None:
    """The windows of `show`, or None when the operator would rather quit: if the files changed what the run
    already played, the operator chooses the stored version or a new show first."""
    try:
        return StageShowApp(show, root, db, settings, new_run=new_run, show_path=show_path)
    except ShowChanged as changed:
        choice = ask_about_changes(changed.changes)
    except LogNotTrusted as refused:  # never resumed: the operator reads why, and what to do
        QMessageBox.critical(None, tr("比赛记录校验未通过"), str(refused))
        return None
    if choice is Choice.QUIT:
        return None
    return StageShowApp(show, root, db, settings, new_run=choice is Choice.NEW, keep_stored=choice is Choice.STORED,
                        show_path=show_path)


def switch_show(windows: StageShowApp, show: Show, root: Path, db: Path, new_run: bool = False,
                show_path: Path | None = None) -> StageShowApp | None:
    """Close this show's windows (its log is already saved) and open `show` on `db`: File → open (resuming it where
    it stopped) or File → 开始新的一场 (`new_run`: the same show from its base scores, the old run kept)."""
    settings = windows.settings
    windows.shutdown()
    replacement = open_show(show, root, db, settings, new_run=new_run, show_path=show_path)
    if replacement is not None:
        replacement.show_windows()
        replacement.open_preflight_for_a_new_show()
    return replacement


def run(show: Show, root: Path, db: Path, quit_after: float | None = None, new_run: bool = False,
        show_path: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("StageShow")
    install_translator(app)
    app.setFont(ui_font(15))
    first = open_show(show, root, db, new_run=new_run, show_path=show_path)
    if first is None:
        return 0
    current = [first]

    def on_open_requested(path: Path, other: Show) -> None:
        wire(switch_show(current[0], other, path.parent.resolve(), show_database(path), show_path=path))

    def on_new_run_requested() -> None:
        windows = current[0]
        wire(switch_show(windows, windows.session.show, windows.root, windows.db, new_run=True,
                         show_path=windows.console.show_path))

    def wire(windows: StageShowApp | None) -> None:
        if windows is None:  # the operator chose to quit rather than open a changed show
            app.exit(0)
            return
        current[0] = windows
        windows.console.open_requested.connect(on_open_requested)
        windows.console.new_run_requested.connect(on_new_run_requested)

    wire(current[0])
    current[0].show_windows()
    current[0].open_preflight_for_a_new_show()
    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), lambda: app.exit(0))  # exit(): no close dialogs
    code = app.exec()
    if not current[0].closed:
        if current[0].buzzers is not None:
            current[0].buzzers.stop()
        current[0].session.close()  # a clean quit leaves the whole show in the .db file itself
    return code

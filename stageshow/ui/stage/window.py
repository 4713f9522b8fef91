"""The stage: a parentless, frameless window, full screen on the projector; it ignores a user's close."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QImage, QPainter, QPixmap, QScreen
from PySide6.QtWidgets import QStackedLayout, QWidget

from stageshow.app.next_action import next_action
from stageshow.app.snapshots import public_snapshot
from stageshow.domain import commands as c
from stageshow.domain import events as e
from stageshow.domain.errors import RuleViolation
from stageshow.ui.bridge import ShowBridge
from stageshow.ui.charts import ScoreHistoryChart
from stageshow.ui.score_bars import ScoreBarsChart
from stageshow.ui.stage.video import VideoSource
from stageshow.ui.stage.view import StageView
from stageshow.ui.tr import tr


PREWARM_DELAY_MS = 150


class StageWindow(QWidget):
    def __init__(self, bridge: ShowBridge) -> None:
        # The stage never takes the keyboard: a window manager focuses a newly mapped window, and a projector window
        # mapped after the pre-flight page (seen with the LAN link starting first) left Esc and every key with the
        # hall's screen instead of the operator's.
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setWindowTitle(tr("{title} — 大屏", title=bridge.show.title))
        self.setObjectName("stage_window")
        self._bridge = bridge
        self._revealed_errors = 0
        self._phase = ""
        self._held_for_answer = False  # the question's video paused because a team buzzed in
        self._question_id: str | None = None
        self._allow_close = False
        self.mirrors: list[StageView] = []  # the console's miniature follows the zoom
        self._prewarm = QTimer(self)
        self._prewarm.setSingleShot(True)
        self._prewarm.setInterval(PREWARM_DELAY_MS)
        self._prewarm.timeout.connect(self._on_prewarm_timeout)
        self.video = VideoSource(self)
        self.view = StageView(bridge.now, self, self.video)
        self.chart = ScoreHistoryChart(bridge, self)
        self._pages = QStackedLayout(self)
        self._pages.setContentsMargins(0, 0, 0, 0)
        self._pages.addWidget(self.view)
        self._pages.addWidget(self.chart)
        self.bars = ScoreBarsChart(bridge, self)
        self._pages.addWidget(self.bars)
        self.setCursor(Qt.CursorShape.BlankCursor)
        bridge.snapshot_changed.connect(self._on_bridge_snapshot_changed)
        bridge.events_logged.connect(self._on_bridge_events_logged)
        self.view.preload([q.image for q in bridge.show.questions if q.image])
        self._on_bridge_snapshot_changed()

    def attach_actions(self, actions: list[QAction]) -> None:
        """Host hotkeys work whichever window has focus."""
        self.addActions(actions)

    @property
    def mode(self) -> str:
        """What the hall sees: live (the show) | blackout | logo | teams | chart | bars | buzzers | award:N.
        One mode at a time; the chart and the bars are pages of their own, the rest are drawn by the view."""
        page = self._pages.currentWidget()
        return "chart" if page is self.chart else "bars" if page is self.bars else self.view.mode

    def set_mode(self, mode: str) -> None:
        page = {"chart": self.chart, "bars": self.bars}.get(mode, self.view)
        self.view.set_mode("live" if page is not self.view else mode)
        self._pages.setCurrentWidget(page)

    def picture(self, size: QSize, now: int) -> QImage:
        """What the hall sees, painted at `size` at the moment `now` (the miniature's `picture` must equal it)."""
        page = self.page_picture()
        if page is None:
            return self.view.picture(size, now)
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        painter.drawPixmap(image.rect(), page)
        painter.end()
        return image

    def page_picture(self) -> QPixmap | None:
        """The chart or bars page as the hall sees it now; None while the view draws the stage itself."""
        page = self._pages.currentWidget()
        return None if page is self.view else page.grab()

    def zoom(self, scale: float, centre_x: float = 0.5, centre_y: float = 0.5) -> None:
        for view in (self.view, *self.mirrors):
            view.set_zoom(scale, centre_x, centre_y)

    def zoom_by(self, factor: float) -> None:
        scale, centre_x, centre_y = self.view.zoom
        self.zoom(scale * factor, centre_x, centre_y)

    def place_on(self, screen: QScreen | None, full_screen: bool) -> None:
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        if full_screen:  # showFullScreen() without its activateWindow(): the stage never takes the keyboard
            kept = self.windowState() & ~(Qt.WindowState.WindowMinimized | Qt.WindowState.WindowMaximized)
            self.setWindowState(kept | Qt.WindowState.WindowFullScreen)
            self.setVisible(True)
        else:
            self.showNormal()
            if screen is None:
                self.resize(1280, 720)

    def allow_close(self) -> None:
        self._allow_close = True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._allow_close:
            event.accept()
        else:
            event.ignore()  # the hall must never see a desktop because someone pressed Alt+F4 on the wrong window

    def _on_bridge_snapshot_changed(self) -> None:
        snapshot = self._bridge.public_snapshot()
        question = snapshot.question
        if (question.id if question else None) != self._question_id:
            self._question_id = question.id if question else None
            self.zoom(1.0)
        self.video.load(question.video if question else None)
        self._hold_media_for_answers(snapshot.phase)
        if question and question.video and question.errors:  # reveal jumps to the planted error just revealed
            at = question.errors[-1].at
            if at is not None and self._revealed_errors != len(question.errors):
                self.video.seek(float(at))
                self.video.pause()
        if question and question.image and question.errors and self._revealed_errors != len(question.errors):
            box = question.errors[-1].box
            if box is not None:  # bring the hall close to the error just revealed
                x, y, w, h = box
                self.zoom(min(3.0, 1 / (max(w, 0.05) * 1.15)), x + w / 2, y + h / 2)
        self._revealed_errors = len(question.errors) if question else 0
        self.view.show_snapshot(snapshot, at_once=True)
        self._prewarm.start()

    def _on_bridge_events_logged(self, events: list) -> None:  # type: ignore[type-arg]
        """Go plays the question's video: the clock starts, or the buzzers open, as the hall starts watching."""
        question = self._bridge.public_snapshot().question
        if question is not None and question.video and not self.video.playing and any(
                isinstance(event, (e.CountdownStarted, e.BuzzersOpened)) for event, _ in events):
            self.video.play()

    def _hold_media_for_answers(self, phase: str) -> None:
        """A question's video stops while the team that buzzed in answers, and goes on if the buzzers reopen."""
        if self._phase == "buzz_open" and phase == "answering" and self.video.playing:
            self.video.pause()
            self._held_for_answer = True
        elif phase == "buzz_open" and self._held_for_answer:
            self.video.play()
            self._held_for_answer = False
        elif phase != "answering":
            self._held_for_answer = False
        self._phase = phase

    def _on_prewarm_timeout(self) -> None:
        """While the hall reads this screen, draw off-screen what the operator will most likely show next, so its
        large text is already rendered when it comes (a first paint of new 70 px CJK text costs ~10 ms): this
        question as it stands once revealed (the reveal shrinks the stem and options to make room), with the
        answer's place left empty, and the next question or round (with its video opened, first frame decoded)."""
        snapshot = self._bridge.public_snapshot()
        if snapshot.phase == "buzz_open":  # the GUI thread stays free for the winner's banner; this can wait
            return
        question = snapshot.question
        if question is not None and not question.revealed:
            # The public snapshot only, marked revealed: the answer is not in it, so none is drawn before its time.
            self.view.render_offscreen(replace(snapshot, question=replace(question, revealed=True)))
        action = next_action(self._bridge.show, self._bridge.state)
        # Of the operator's next steps, only those that present something: a reveal is drawn only once made.
        if action is None or not isinstance(action.command, (c.Next, c.StartRound)):
            return
        try:
            upcoming = self._bridge.session.engine.decide(action.command, self._bridge.now()).state
        except RuleViolation:
            return
        upcoming_snapshot = public_snapshot(self._bridge.show, upcoming)
        self.view.render_offscreen(upcoming_snapshot)
        if upcoming_snapshot.question is not None:
            self.video.preload(upcoming_snapshot.question.video)

"""What the hall sees, one mode at a time (the show, blackout, title card, teams, chart, bars, the buzzer test, an
award), on the stage and its miniature alike, named on the console; moving the show on brings the hall back."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from stageshow.domain import events as e
from stageshow.ui.bridge import ShowBridge
from stageshow.ui.stage.view import PAGE_MODES, StageView
from stageshow.ui.stage.window import StageWindow
from stageshow.ui.tr import tr, tr_noop

PAGE_REFRESH_MS = 250
MODE_NAMES = {"live": tr_noop("比赛画面"), "blackout": tr_noop("黑屏"), "logo": tr_noop("标题画面"),
              "teams": tr_noop("参赛队伍"), "chart": tr_noop("比分走势图"), "bars": tr_noop("实时比分"),
              "buzzers": tr_noop("抢答器测试"), "award": tr_noop("颁奖")}
TOGGLES = {"action_blackout": "blackout", "action_logo": "logo", "action_teams": "teams", "action_chart": "chart",
           "action_bars": "bars"}
# Events that move the show on: the hall must see what they bring, not an overlay left up from before.
MOVES_THE_SHOW_ON = (e.RoundStarted, e.QuestionPresented, e.BuzzersOpened, e.CountdownStarted, e.TiebreakStarted,
                     e.ShowFinished)


class StageModes(QObject):
    def __init__(self, bridge: ShowBridge, stage: StageWindow, preview: StageView, actions: dict[str, QAction],
                 status: QLabel) -> None:
        super().__init__(preview)
        self._bridge, self._stage, self._preview, self._status = bridge, stage, preview, status
        self.label = QLabel()
        self.label.setObjectName("stage_mode_label")
        preview.page_source = stage.page_picture
        self._page_refresh = QTimer(self)  # the chart and bars move: their picture in the miniature follows
        self._page_refresh.setInterval(PAGE_REFRESH_MS)
        self._page_refresh.timeout.connect(preview.update)
        for name, mode in TOGGLES.items():
            actions[name].triggered.connect(lambda _=False, mode=mode: self.toggle(mode))
        actions["action_primary"].triggered.connect(self._on_primary_after_finish)
        bridge.events_logged.connect(self._on_bridge_events_logged)
        self.set("live")

    def toggle(self, mode: str) -> None:
        self.set("live" if self._stage.mode == mode else mode)

    def set(self, mode: str) -> None:
        self._stage.set_mode(mode)
        self._preview.set_mode(mode)
        if mode in PAGE_MODES:
            self._page_refresh.start()
        else:
            self._page_refresh.stop()
        self.label.setText(tr("大屏：{what}", what=tr(MODE_NAMES.get(mode.split(":")[0], MODE_NAMES["live"]))))
        self.label.setStyleSheet("" if mode == "live" else "color: #C62828; font-weight: bold;")

    def _on_bridge_events_logged(self, events: list) -> None:  # type: ignore[type-arg]
        """Moving the show on (a round, a question, the clock, the buzzers) brings the hall back to it: a chart or a
        blackout left up would hide the question the hall is now asked."""
        mode = self._stage.mode
        if mode in ("live", "buzzers") or mode.startswith("award:"):
            return
        if any(isinstance(event, MOVES_THE_SHOW_ON) for event, _ in events):
            self.set("live")
            self._status.setText(tr("大屏已回到比赛画面"))

    def _on_primary_after_finish(self) -> None:
        """After the final standings, the primary key walks the ceremony: 三等奖 → 二等奖 → 一等奖 → standings."""
        if self._bridge.state.phase.value != "finished" or not self._bridge.show.awards:
            return
        mode = self._stage.mode
        level = int(mode.split(":")[1]) + 1 if mode.startswith("award:") else 0
        self.set(f"award:{level}" if level < len(self._bridge.show.awards) else "live")

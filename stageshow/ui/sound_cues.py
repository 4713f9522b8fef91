"""Which cue the hall hears for which event: a buzz on the lock, a chime or a low tone on the judgement, ticks in
the last five seconds of a countdown, music under the title card."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer

from stageshow.devices.sound import SoundPlayer
from stageshow.domain import events as e
from stageshow.domain.phases import Phase
from stageshow.ui.bridge import ShowBridge

TICK_POLL_MS = 50
LAST_SECONDS = 5


class SoundCues(QObject):
    def __init__(self, bridge: ShowBridge, player: SoundPlayer) -> None:
        super().__init__()
        self._bridge = bridge
        self.player = player
        self._last_tick: int | None = None
        self._ticks = QTimer(self)
        self._ticks.setInterval(TICK_POLL_MS)
        self._ticks.timeout.connect(self._on_ticks_timeout)
        self._ticks.start()
        # Directly, on the committing thread (a controller press is decided on its reader's thread): the buzz must
        # not wait for the GUI thread to finish a repaint. The mixer may be called from any thread.
        bridge.events_committed.connect(self._on_bridge_events_committed, Qt.ConnectionType.DirectConnection)
        bridge.snapshot_changed.connect(self._on_bridge_snapshot_changed)
        self._on_bridge_snapshot_changed()

    def stop(self) -> None:
        self._ticks.stop()

    def _on_bridge_events_committed(self, events: list) -> None:  # type: ignore[type-arg]
        for event, _ in events:
            match event:
                case e.BuzzLocked() | e.FoulCommitted():
                    self.player.play("buzz")
                case e.Judged(verdict="correct"):
                    self.player.play("correct")
                case e.Judged(verdict="timeout"):
                    self.player.play("time_up")
                case e.Judged():
                    self.player.play("wrong")
                case e.AnswerRevealed():
                    self.player.play("reveal")
                case e.ShowFinished():
                    self.player.play("applause")

    def _on_bridge_snapshot_changed(self) -> None:
        if self._bridge.state.phase == Phase.SETUP:
            self.player.loop("title_loop")
        else:
            self.player.stop_loop()

    def _on_ticks_timeout(self) -> None:
        countdown = self._bridge.state.countdown
        if countdown is None or countdown.deadline is None:
            self._last_tick = None
            return
        seconds_left = -(-countdown.left(self._bridge.now()) // 1_000_000_000)
        if 0 < seconds_left <= LAST_SECONDS and seconds_left != self._last_tick:
            self.player.play("tick")
        self._last_tick = seconds_left

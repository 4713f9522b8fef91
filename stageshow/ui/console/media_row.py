"""The video and document buttons under the console's miniature, each on a key: play/pause and replay a process
video (replays limited by the round's `replays` knob, counted per item), zoom the document in, out and back."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QWidget

from stageshow.domain.model import CorrectionRules
from stageshow.ui.bridge import ShowBridge
from stageshow.ui.console.round_inputs import action_button
from stageshow.ui.stage.window import StageWindow
from stageshow.ui.tr import tr

ZOOM_STEP = 1.4


class MediaRow(QWidget):
    def __init__(self, bridge: ShowBridge, stage: StageWindow, actions: dict[str, QAction]) -> None:
        super().__init__()
        self._bridge, self._stage = bridge, stage
        self._replay = actions["action_replay"]
        self._replays_used = 0
        self._question: str | None = ""
        video = stage.video
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for name, label, slot in (
                ("action_video", tr("▶‖ 播放/暂停"), lambda: video.pause() if video.playing else video.play()),
                ("action_replay", tr("⟲ 重播"), self._on_replay_triggered),
                ("action_zoom_in", tr("＋ 放大"), lambda: stage.zoom_by(ZOOM_STEP)),
                ("action_zoom_out", tr("－ 缩小"), lambda: stage.zoom_by(1 / ZOOM_STEP)),
                ("action_zoom_reset", tr("还原"), lambda: stage.zoom(1.0))):
            actions[name].triggered.connect(slot)
            row.addWidget(action_button(actions[name], label))
        bridge.snapshot_changed.connect(self._on_bridge_snapshot_changed)
        self._on_bridge_snapshot_changed()

    def _on_bridge_snapshot_changed(self) -> None:
        state = self._bridge.state
        question = state.question.question_id if state.question else None
        if question != self._question:  # a new item, a new allowance
            self._question = question
            self._replays_used = 0
            self._refresh_replay()

    def _replays_allowed(self) -> int | None:
        """The correction round's `replays` knob: extra plays of a process video; None outside such a round."""
        state = self._bridge.state
        round_ = self._bridge.show.round(state.round.round_id) if state.round else None
        return round_.rules.replays if round_ and isinstance(round_.rules, CorrectionRules) else None

    def _on_replay_triggered(self) -> None:
        allowed = self._replays_allowed()
        if allowed is not None and self._replays_used >= allowed:
            return
        self._replays_used += 1
        self._stage.video.replay()
        self._refresh_replay()

    def _refresh_replay(self) -> None:
        allowed = self._replays_allowed()
        spent = allowed is not None and self._replays_used >= allowed
        self._replay.setEnabled(not spent)
        if allowed is None:
            self._replay.setToolTip("")
        elif spent:
            self._replay.setToolTip(tr("本题重播次数已用完（规则允许 {allowed} 次）", allowed=allowed))
        else:
            self._replay.setToolTip(tr("本题还可重播 {left} 次", left=allowed - self._replays_used))

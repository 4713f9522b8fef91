"""The team table: seat, name, score, last change, fouls, and a lamp that lights when the team's buzzer is pressed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QFont

from stageshow.domain import events as e
from stageshow.domain.points import format_points
from stageshow.ui.bridge import ShowBridge
from stageshow.ui.buzzers.lamps import BuzzerLamps
from stageshow.ui.tr import tr, tr_noop

HEADERS = [tr_noop("台号"), tr_noop("代表队"), tr_noop("得分"), tr_noop("上次"), tr_noop("犯规"), tr_noop("抢答器")]
Index = QModelIndex | QPersistentModelIndex


class TeamsModel(QAbstractTableModel):
    def __init__(self, bridge: ShowBridge) -> None:
        super().__init__()
        self._bridge = bridge
        self.lamps = BuzzerLamps()
        self._teams = list(bridge.show.teams)
        bridge.snapshot_changed.connect(self._on_bridge_snapshot_changed)
        bridge.events_logged.connect(self._on_bridge_events_logged)
        self._fade = QTimer(self)
        self._fade.setInterval(100)
        self._fade.timeout.connect(self._on_fade_timeout)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return len(self._teams)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        team = self._teams[index.row()]
        state = self._bridge.state
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            change = state.last_change.get(team.id)
            return [team.seat, team.name, format_points(state.scores[team.id]),
                    f"{'+' if change > 0 else ''}{format_points(change)}" if change else "",
                    state.fouls.get(team.id, 0) or "", self._lamp_text(team.id)][column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 5:
            return QColor("#E53935") if self.is_lit(team.id) else QColor("#9E9E9E")
        if role == Qt.ItemDataRole.ToolTipRole and column == 5:
            return tr("抢答器手柄已断开") if team.id in self.lamps.offline else self.lamps.source(team.id)
        in_play = state.question is not None and state.question.team == team.id
        if role == Qt.ItemDataRole.BackgroundRole and in_play:  # the team answering now, at a glance
            return QColor("#FFF3C4")
        if role == Qt.ItemDataRole.FontRole and in_play:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column != 1:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def row_of(self, team_id: str) -> int:
        return next(row for row, team in enumerate(self._teams) if team.id == team_id)

    def is_lit(self, team_id: str) -> bool:
        return self.lamps.is_lit(team_id)

    def use_lamps(self, lamps: BuzzerLamps) -> None:
        """Share the buzzer hub's lamps, so the test page and unplugged controllers show here too."""
        self.lamps = lamps
        self.lamps_changed()

    def lamps_changed(self) -> None:
        self.dataChanged.emit(self.index(0, 5), self.index(self.rowCount() - 1, 5))
        if self.lamps.any_lit():
            self._fade.start()

    def _lamp_text(self, team_id: str) -> str:
        if team_id in self.lamps.offline:
            return tr("✕ 断开")
        return "●" if self.is_lit(team_id) else "○"

    def _on_bridge_snapshot_changed(self) -> None:
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def _on_bridge_events_logged(self, events: list) -> None:  # type: ignore[type-arg]
        for event, _ in events:
            if isinstance(event, e.PressRecorded) and not self.is_lit(event.team):  # a scripted press lights too
                self.lamps.light(event.team, event.source)
                self.lamps_changed()

    def _on_fade_timeout(self) -> None:
        self.dataChanged.emit(self.index(0, 5), self.index(self.rowCount() - 1, 5))
        if not self.lamps.any_lit():
            self._fade.stop()

"""The scoreboard as live bars (pyqtgraph): ranked best first, each bar glides to its new length when a score
changes, with the rank, the team and its last change beside it."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QVariantAnimation
from PySide6.QtGui import QColor

from stageshow.app.snapshots import PublicSnapshot
from stageshow.ui.bridge import ShowBridge
from stageshow.ui.fonts import ui_font
from stageshow.ui.stage import theme
from stageshow.ui.tr import tr

GLIDE_MS = 700


class ScoreBarsChart(pg.PlotWidget):
    """Reads only the public snapshot, like the rest of the stage."""

    def __init__(self, bridge: ShowBridge, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent, background=theme.BACKGROUND_TOP)
        self._bridge = bridge
        self.setTitle(tr("实时比分"), color=theme.ACCENT.name(), size="24pt")
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.hideAxis("bottom")  # the numbers sit at the end of each bar
        self.getPlotItem().layout.setContentsMargins(40, 20, 40, 30)
        left = self.getAxis("left")
        left.setTickFont(ui_font(22, bold=True))
        left.setTextPen(theme.TEXT.name())
        left.setStyle(tickTextOffset=16)
        self.bars = pg.BarGraphItem(x0=[], y=[], height=0.62, width=[])
        self.addItem(self.bars)
        self.labels: list[pg.TextItem] = []
        self.shown: dict[str, float] = {}  # the length each team's bar has on screen now
        self._from: dict[str, float] = {}
        self._to: dict[str, float] = {}
        self._glide = QVariantAnimation(self)
        self._glide.setDuration(GLIDE_MS)
        self._glide.setStartValue(0.0)
        self._glide.setEndValue(1.0)
        self._glide.valueChanged.connect(self._on_glide_value_changed)
        bridge.snapshot_changed.connect(self._on_bridge_snapshot_changed)
        self._snapshot = bridge.public_snapshot()
        self.shown = {team.id: float(team.score) for team in self._snapshot.teams}
        self._draw(self.shown)

    @property
    def animating(self) -> bool:
        return self._glide.state() == QVariantAnimation.State.Running

    def _on_bridge_snapshot_changed(self) -> None:
        snapshot = self._bridge.public_snapshot()
        if snapshot.teams == self._snapshot.teams:
            return
        self._snapshot = snapshot
        self._from = dict(self.shown)
        self._to = {team.id: float(team.score) for team in snapshot.teams}
        self._glide.stop()
        if self.isVisible():
            self._glide.start()
        else:  # nobody is watching: no frames to spend
            self._draw(self._to)

    def _on_glide_value_changed(self, progress: float) -> None:
        eased = 1 - (1 - progress) ** 3  # fast at first, settling gently
        self._draw({team: self._from.get(team, end) + (end - self._from.get(team, end)) * eased
                    for team, end in self._to.items()})

    def _draw(self, lengths: dict[str, float]) -> None:
        self.shown = lengths
        teams = _ranked(self._snapshot)
        rows = list(range(len(teams), 0, -1))  # the leader at the top
        brushes = [QColor(team.color) if team.color else theme.DEFAULT_TEAM for team in teams]
        self.bars.setOpts(x0=[0] * len(teams), y=rows, width=[lengths[team.id] for team in teams], brushes=brushes)
        self.getAxis("left").setTicks([[(row, f"{team.rank}  {team.name}")
                                        for row, team in zip(rows, teams, strict=True)]])
        while len(self.labels) < len(teams):
            label = pg.TextItem(color=theme.TEXT.name(), anchor=(0, 0.5))
            label.setFont(ui_font(22, bold=True))
            self.addItem(label)
            self.labels.append(label)
        for label, row, team in zip(self.labels[:len(teams)], rows, teams, strict=True):
            change = team.last_change
            delta = f"（{'+' if change > 0 else ''}{format(change.normalize(), 'f')}）" if change else ""
            label.setText(f"{lengths[team.id]:.0f}{delta}")
            label.setPos(lengths[team.id], row)
        top = max([*lengths.values(), 1.0])
        self.setXRange(min(0.0, *lengths.values()), top * 1.18, padding=0)
        self.setYRange(0.4, len(teams) + 0.6, padding=0)


def _ranked(snapshot: PublicSnapshot) -> list:  # type: ignore[type-arg]
    return sorted(snapshot.teams, key=lambda team: (team.rank, team.seat))

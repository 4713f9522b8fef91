"""The score history of every team over the show, drawn live with pyqtgraph."""

from __future__ import annotations

from decimal import Decimal

import pyqtgraph as pg
from PySide6.QtGui import QColor

from stageshow.app.score_history import score_history
from stageshow.domain import events as e
from stageshow.ui.bridge import ShowBridge
from stageshow.ui.fonts import ui_font
from stageshow.ui.stage import theme
from stageshow.ui.tr import tr


class ScoreHistoryChart(pg.PlotWidget):
    """One line per team, in its colour; a new point whenever any score changes."""

    def __init__(self, bridge: ShowBridge, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent, background=theme.BACKGROUND_TOP)
        self._bridge = bridge
        self.samples: list[dict[str, Decimal]] = score_history(bridge.show, bridge.session.logged_events())
        self.setTitle(tr("比分走势"), color=theme.ACCENT.name(), size="24pt")
        self.showGrid(x=False, y=True, alpha=0.25)
        self.addLegend(offset=(10, 10), labelTextColor=theme.TEXT.name())
        for axis in ("left", "bottom"):
            self.getAxis(axis).setTickFont(ui_font(16))
            self.getAxis(axis).setTextPen(theme.TEXT_DIM.name())
        self.curves: dict[str, pg.PlotDataItem] = {}
        for team in bridge.show.teams:
            color = QColor(team.color) if team.color else theme.DEFAULT_TEAM
            self.curves[team.id] = self.plot(name=team.name, pen=pg.mkPen(color, width=4))
        bridge.events_logged.connect(self._on_bridge_events_logged)
        self._redraw()

    def _on_bridge_events_logged(self, events: list) -> None:  # type: ignore[type-arg]
        if any(e.score_changes(event) for event, _ in events):
            self.samples.append(dict(self._bridge.state.scores))
            self._redraw()

    def _redraw(self) -> None:
        steps = list(range(len(self.samples)))
        for team_id, curve in self.curves.items():
            curve.setData(steps, [float(sample[team_id]) for sample in self.samples])

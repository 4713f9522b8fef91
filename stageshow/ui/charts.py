"""The score history of every team over the show, drawn live with pyqtgraph, to be read from the back of a hall:
text sized from the screen's height (never below the stage's floor), each line named at its end, colours that stay
apart for colour-blind viewers (with a marker shape each as well), and an x-axis marked by round."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QResizeEvent

from stageshow.app.score_history import score_history
from stageshow.ui.bridge import ShowBridge
from stageshow.ui.fonts import ui_font
from stageshow.ui.stage import theme
from stageshow.ui.tr import tr

# Okabe and Ito's palette, told apart with every common colour-vision deficiency; light enough on the dark stage.
SAFE_COLOURS = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#FFFFFF"]
SYMBOLS = ["o", "s", "t", "d", "star", "h", "p", "x", "+", "t1"]
DASHES = [Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine]
TEXT_SHARE = 0.032  # of the stage's height, like the stage's own small text


class ScoreHistoryChart(pg.PlotWidget):
    """One line per team; a new point whenever any score changes (an undo too). Names sit at the line ends, nudged
    apart where lines end close together."""

    def __init__(self, bridge: ShowBridge, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent, background=theme.BACKGROUND_TOP)
        self._bridge = bridge
        self.history = score_history(bridge.show, bridge.session.logged_events())
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.showGrid(x=False, y=True, alpha=0.25)
        self.getAxis("left").setTextPen(theme.TEXT.name())
        self.hideAxis("bottom")  # the rounds are named in the chart itself
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.colours: dict[str, str] = {}
        self.names: list[pg.TextItem] = []  # one per score some line ends on: the teams there, in their colours
        self._round_marks: list[pg.GraphicsObject] = []
        for index, team in enumerate(bridge.show.teams):
            colour = QColor(SAFE_COLOURS[index % len(SAFE_COLOURS)])
            self.colours[team.id] = colour.name()
            pen = pg.mkPen(colour, width=4, style=DASHES[index // len(SAFE_COLOURS) % len(DASHES)])
            self.curves[team.id] = self.plot(pen=pen, symbol=SYMBOLS[index % len(SYMBOLS)], symbolSize=12,
                                             symbolBrush=colour, symbolPen=colour)
        bridge.events_logged.connect(self._on_bridge_events_logged)
        self._size_text()
        self._redraw()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if not hasattr(self, "names"):  # pyqtgraph resizes the widget while it is still being built
            return
        self._size_text()
        self._redraw()

    def _on_bridge_events_logged(self, events: list) -> None:  # type: ignore[type-arg]
        if self.history.add(events):
            self._redraw()

    def _size_text(self) -> None:
        pixels = max(int(self.height() * TEXT_SHARE), int(self.height() * theme.MIN_TEXT), 12)
        self.setTitle(tr("比分走势"), color=theme.ACCENT.name(), size=f"{int(pixels * 1.2)}px")
        self.getAxis("left").setTickFont(ui_font(pixels))
        self.getAxis("left").setStyle(tickTextOffset=pixels // 2)
        self.getAxis("left").setWidth(pixels * 4)
        for label in self.names:
            label.setFont(ui_font(pixels, bold=True))
        self._text_px = pixels

    def _redraw(self) -> None:
        samples = self.history.samples
        steps = list(range(len(samples)))
        for team_id, curve in self.curves.items():
            curve.setData(steps, [float(sample[team_id]) for sample in samples])
        scores = [float(score) for sample in samples for score in sample.values()]
        low, high = min(scores), max(scores)
        span = max(high - low, 10.0)
        self.setYRange(low - span * 0.08, high + span * 0.16, padding=0)  # room above for the rounds' names
        self._mark_rounds(high + span * 0.16)
        # The lines take the left part; the names at their ends the rest.
        steps_shown = max(1, len(samples) - 1)
        self.setXRange(-0.02 * steps_shown, steps_shown / LINES_SHARE, padding=0)
        self._place_names(samples[-1], low - span * 0.08, high + span * 0.08)

    def _mark_rounds(self, top: float) -> None:
        """The x-axis counts scoring steps: a dashed line marks where each round began, and the round's name stands
        at the top of the stretch it covers (axis tick labels are dropped by pyqtgraph when space is tight)."""
        for item in self._round_marks:
            self.removeItem(item)
        self._round_marks = []
        rounds = self.history.rounds
        last = len(self.history.samples) - 1
        for index, (start, title) in enumerate(rounds):
            end = rounds[index + 1][0] if index + 1 < len(rounds) else last
            line = pg.InfiniteLine(pos=start, angle=90,
                                   pen=pg.mkPen(theme.TEXT_DIM, width=1, style=Qt.PenStyle.DashLine))
            name = pg.TextItem(title.split()[0] if len(title) > 6 and title.split() else title,
                               color=theme.TEXT_DIM, anchor=(0.5, 0))
            name.setFont(ui_font(self._text_px))
            name.setPos((start + max(end, start + 1)) / 2, top)
            for item in (line, name):
                self.addItem(item)
                self._round_marks.append(item)

    def _place_names(self, last: dict, low: float, high: float) -> None:  # type: ignore[type-arg]
        """At the line ends, for each score some lines end on, the teams there (each in its line's colour) and the
        score; labels that would overlap are spread evenly over the chart's height instead."""
        groups: dict[float, list[str]] = {}
        for team_id, score in last.items():
            groups.setdefault(float(score), []).append(team_id)
        while len(self.names) < len(groups):
            label = pg.TextItem(anchor=(0, 0.5))
            label.setFont(ui_font(self._text_px, bold=True))
            self.addItem(label)
            self.names.append(label)
        plot_height = max(1.0, self.getPlotItem().vb.height())
        line = (high - low) * self._text_px * 1.25 / plot_height  # one line of text, in score units
        ordered = sorted(groups, reverse=True)
        heights = [line * -(-len(groups[score]) // NAMES_PER_LINE) for score in ordered]
        positions = _spread([score for score in ordered], heights, low, high)
        end = len(self.history.samples) - 1
        for label, score, y in zip(self.names, ordered, positions, strict=False):
            team_ids = groups[score]
            rows = [team_ids[i:i + NAMES_PER_LINE] for i in range(0, len(team_ids), NAMES_PER_LINE)]
            html = "<br>".join("、".join(f"<span style='color:{self.colours[t]}'>{self._short(t)}</span>"
                                        for t in row) for row in rows)
            label.setHtml(f"{html} <span style='color:{theme.TEXT.name()}'>{_number(score)}</span>")
            label.setPos(end + 0.15, y)
            label.show()
        for label in self.names[len(groups):]:
            label.hide()

    def _short(self, team_id: str) -> str:
        team = self._bridge.show.team(team_id)
        return (team.short or team.name.removesuffix("代表队")) if team else team_id


NAMES_PER_LINE = 2
LINES_SHARE = 0.62  # of the chart's width; the names at the line ends take the rest


def _number(score: float) -> str:
    return f"{score:.2f}".rstrip("0").rstrip(".")


def _spread(wanted: list[float], heights: list[float], low: float, high: float) -> list[float]:
    """Centres for labels of `heights`, as near their `wanted` places (high to low) as keeps them apart and inside
    low..high: pushed down where they overlap, then the whole column moved up if it ran off the bottom."""
    centres: list[float] = []
    for index, (y, height) in enumerate(zip(wanted, heights, strict=True)):
        top = min(y + height / 2, high)
        if centres:
            top = min(top, centres[-1] - heights[index - 1] / 2)
        centres.append(top - height / 2)
    overflow = low - (centres[-1] - heights[-1] / 2) if centres else 0.0
    if overflow > 0:
        centres = [centre + overflow for centre in centres]
    return centres

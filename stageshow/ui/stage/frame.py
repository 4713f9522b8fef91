"""One paint of the stage: the painter and the text boxes drawn, the alignments, the words for a verdict, the header
band every screen has, and the small helpers every part of the stage uses."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap

from stageshow.app.snapshots import PublicSnapshot, PublicTeam
from stageshow.ui.buzzers.lamps import BuzzerLamps
from stageshow.ui.stage import theme
from stageshow.ui.stage.text_fit import draw_fitted, fitted_size
from stageshow.ui.tr import tr_noop

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
VERDICTS = {"correct": (tr_noop("回答正确"), theme.CORRECT), "wrong": (tr_noop("回答错误"), theme.WRONG),
            "timeout": (tr_noop("超时"), theme.WRONG), "void": (tr_noop("无人抢答 · 本题作废"), theme.WARNING),
            "closed": (tr_noop("各队均已失去作答机会 · 本题结束"), theme.WARNING)}



@dataclass
class Frame:
    """One paint: the painter, the stage rectangle, and every text box drawn (checked by tests for clipping)."""

    painter: QPainter
    rect: QRectF
    now: int
    images: Callable[[str], QPixmap | None]
    video: object | None = None  # a VideoSource: image, position_ms, duration_ms, error
    zoom: tuple[float, float, float] = (1.0, 0.5, 0.5)  # document zoom: scale, centre x and y as fractions
    text_boxes: list[tuple[QRectF, QRectF]] = field(default_factory=list)  # (box given, box used)
    texts: list[str] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)  # the fitted pixel size of each text
    lamps: BuzzerLamps | None = None  # the buzzer test page's lamps (team names and sources only: all public)
    clock_box: QRectF | None = None  # where the countdown was drawn: the only part that changes frame to frame
    status_box: QRectF | None = None  # a question's status row: its banner and countdown, with the countdown's label
    vote_code: QPixmap | None = None  # the hall's voting page as a QR code, while the LAN link is on

    @property
    def h(self) -> float:
        return self.rect.height()

    @property
    def w(self) -> float:
        return self.rect.width()

    def text(self, box: QRectF, text: str, size: float, color: QColor = theme.TEXT, bold: bool = False,
             align: Qt.AlignmentFlag = LEFT, min_size: float = theme.MIN_TEXT) -> QRectF:
        used = draw_fitted(self.painter, box, text, int(self.h * size), int(self.h * min_size), bold, align, color)
        self.text_boxes.append((QRectF(box), used))
        self.texts.append(text)
        self.sizes.append(fitted_size(text, int(box.width()), int(box.height()), int(self.h * size),
                                      int(self.h * min_size), bold))
        return used



def header(frame: Frame, snapshot: PublicSnapshot, right: str | None = None, left: str | None = None) -> float:
    w, h = frame.w, frame.h
    band = h * theme.HEADER
    frame.painter.fillRect(QRectF(0, 0, w, band), theme.PANEL)
    frame.painter.fillRect(QRectF(0, band - max(2.0, h * 0.003), w, max(2.0, h * 0.003)), theme.ACCENT)
    margin = w * theme.MARGIN
    frame.text(QRectF(margin, 0, w * 0.55, band), left or snapshot.round_title or snapshot.title, 0.05, theme.ACCENT,
               bold=True)
    if right:
        frame.text(QRectF(w * 0.55, 0, w * 0.45 - margin, band), right, 0.04, theme.TEXT_DIM, align=RIGHT)
    return band



def team_color(team: PublicTeam) -> QColor:
    return QColor(team.color) if team.color else theme.DEFAULT_TEAM


def short_name(team: PublicTeam) -> str:
    """Where space is short: the show file's `short` name, or (every team is a 代表队) the rest of the name; a name
    still too long for its cell is cut with "…" at the legibility floor."""
    return team.short or team.name.removesuffix("代表队") or team.name


def team_name(snapshot: PublicSnapshot, team_id: str) -> str:
    return next((team.name for team in snapshot.teams if team.id == team_id), team_id)


def points_text(points: Decimal) -> str:
    return format(points.normalize(), "f")


def signed_points(points: Decimal) -> str:
    return ("+" if points > 0 else "") + points_text(points)

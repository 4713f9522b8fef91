"""Paint one public snapshot onto the stage. Pure drawing: what to show comes only from the snapshot."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPen, QPixmap

from stageshow.app.snapshots import PublicQuestion, PublicSnapshot, PublicTeam
from stageshow.ui.buzzers.lamps import BuzzerLamps
from stageshow.ui.tr import tr, tr_noop
from stageshow.ui.stage import theme
from stageshow.ui.stage.text_fit import draw_fitted, fitted_size

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
VERDICTS = {"correct": (tr_noop("回答正确"), theme.CORRECT), "wrong": (tr_noop("回答错误"), theme.WRONG),
            "timeout": (tr_noop("超时"), theme.WRONG), "void": (tr_noop("无人抢答 · 本题作废"), theme.WARNING)}


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


def paint_stage(frame: Frame, snapshot: PublicSnapshot | None, mode: str = "live") -> None:
    painter = frame.painter
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    if mode == "blackout" or snapshot is None:
        painter.fillRect(frame.rect, QColor("black"))
        return
    _background(frame, snapshot)
    if mode == "teams":
        _teams_screen(frame, snapshot)
    elif mode == "buzzers":
        _buzzer_test(frame, snapshot, frame.lamps or BuzzerLamps())
    elif mode == "logo" or snapshot.phase == "setup":
        _title_card(frame, snapshot)
    elif mode.startswith("award:") and snapshot.finished:
        _award(frame, snapshot, int(mode.split(":")[1]))
    elif snapshot.finished:
        _standings(frame, snapshot, title=tr("最终成绩"))
    elif snapshot.question is not None:
        _question(frame, snapshot, snapshot.question)
    else:
        _round_intro(frame, snapshot)


# --- title card and round intro ----------------------------------------------------------------------------------

def _background(frame: Frame, snapshot: PublicSnapshot) -> None:
    """The theme's gradient, or the show's own background image (cropped to fill, dimmed so text stays legible)."""
    image = frame.images(snapshot.background) if snapshot.background else None
    if image is None or image.isNull():
        gradient = QLinearGradient(frame.rect.topLeft(), frame.rect.bottomLeft())
        gradient.setColorAt(0, theme.BACKGROUND_TOP)
        gradient.setColorAt(1, theme.BACKGROUND_BOTTOM)
        frame.painter.fillRect(frame.rect, gradient)
        return
    key = (snapshot.background, int(frame.w), int(frame.h))
    if key not in _fitted_backgrounds:  # scaled once per size: a scaled draw of a photo every frame costs 10 ms
        _fitted_backgrounds.clear()
        _fitted_backgrounds[key] = _cover(image, int(frame.w), int(frame.h))
    frame.painter.drawPixmap(frame.rect.topLeft(), _fitted_backgrounds[key])


_fitted_backgrounds: dict[tuple[str | None, int, int], QPixmap] = {}


def _cover(image: QPixmap, width: int, height: int) -> QPixmap:
    """The image cropped to fill width × height, dimmed so white text stays legible on it."""
    scaled = image.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                          Qt.TransformationMode.SmoothTransformation)
    result = scaled.copy((scaled.width() - width) // 2, (scaled.height() - height) // 2, width, height)
    painter = QPainter(result)
    painter.fillRect(result.rect(), theme.BACKGROUND_DIM)
    painter.end()
    return result


def _logo(frame: Frame, snapshot: PublicSnapshot, box: QRectF) -> None:
    image = frame.images(snapshot.logo) if snapshot.logo else None
    if image is None or image.isNull():
        return
    scale = min(box.width() / image.width(), box.height() / image.height())
    size = QRectF(0, 0, image.width() * scale, image.height() * scale)
    size.moveCenter(box.center())
    frame.painter.drawPixmap(size, image, QRectF(image.rect()))


def _title_card(frame: Frame, snapshot: PublicSnapshot) -> None:
    w, h = frame.w, frame.h
    _logo(frame, snapshot, QRectF(w * 0.4, h * 0.04, w * 0.2, h * 0.16))
    frame.painter.fillRect(QRectF(w * 0.2, h * 0.55, w * 0.6, max(2.0, h * 0.004)), theme.ACCENT)
    frame.text(QRectF(w * 0.06, h * 0.22, w * 0.88, h * 0.30), snapshot.title, 0.095, bold=True, align=CENTER)
    if snapshot.subtitle:
        frame.text(QRectF(w * 0.1, h * 0.60, w * 0.8, h * 0.10), snapshot.subtitle, 0.05, theme.ACCENT, align=CENTER)


def _header(frame: Frame, snapshot: PublicSnapshot, right: str | None = None, left: str | None = None) -> float:
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


def _round_intro(frame: Frame, snapshot: PublicSnapshot) -> None:
    w, h = frame.w, frame.h
    top = _header(frame, snapshot, snapshot.title)
    if snapshot.round_rule:
        frame.text(QRectF(w * theme.MARGIN, top + h * 0.02, w * (1 - 2 * theme.MARGIN), h * 0.09),
                   snapshot.round_rule, 0.04, theme.TEXT_DIM, align=CENTER)
    area = QRectF(w * 0.05, top + h * 0.13, w * 0.9, h - top - h * 0.17)
    if snapshot.round_kind == "risk" and snapshot.turn_order:
        _risk_board(frame, snapshot, area)
    elif snapshot.round_kind == "judged" and snapshot.panel_scores:
        _panel_board(frame, snapshot, area)
    else:
        _score_bars(frame, snapshot, area)


def _risk_board(frame: Frame, snapshot: PublicSnapshot, area: QRectF) -> None:
    """Teams in choosing order, the tiers each has used, the team choosing now highlighted."""
    order = list(dict.fromkeys(snapshot.turn_order))
    row = area.height() / max(1, len(order))
    current = snapshot.turn_order[snapshot.turn] if snapshot.turn < len(snapshot.turn_order) else None
    tier_w = area.width() * 0.5 / max(1, len(snapshot.tiers))
    for index, team_id in enumerate(order):
        y = area.top() + index * row
        if team_id == current:
            frame.painter.fillRect(QRectF(area.left(), y, area.width(), row), theme.PANEL_STRONG)
        team = next(team for team in snapshot.teams if team.id == team_id)
        frame.text(QRectF(area.left() + area.width() * 0.02, y, area.width() * 0.3, row), team.name, 0.04,
                   theme.ACCENT if team_id == current else theme.TEXT, bold=team_id == current, min_size=0.016)
        frame.text(QRectF(area.left() + area.width() * 0.33, y, area.width() * 0.14, row), _points(team.score), 0.04,
                   align=RIGHT, min_size=0.016)
        for column, tier in enumerate(snapshot.tiers):
            cell = QRectF(area.left() + area.width() * 0.5 + column * tier_w, y + row * 0.12, tier_w * 0.9, row * 0.76)
            used = tier in snapshot.tiers_used.get(team_id, ())
            frame.painter.fillRect(cell, theme.PANEL if used else theme.ACCENT)
            frame.text(cell, tr("{points} 分", points=_points(tier)), 0.035,
                       theme.TEXT_DIM if used else theme.BACKGROUND_TOP, bold=not used, align=CENTER, min_size=0.014)


def _panel_board(frame: Frame, snapshot: PublicSnapshot, area: QRectF) -> None:
    """Each judge's score, the dropped highest and lowest struck through, the judges' part, then the votes."""
    teams = [team for team in snapshot.teams if team.id in snapshot.panel_scores]
    row = area.height() / max(1, len(teams))
    for index, team in enumerate(teams):
        y = area.top() + index * row
        scores, dropped = snapshot.panel_scores[team.id]
        frame.text(QRectF(area.left(), y, area.width() * 0.26, row), team.name, 0.04, min_size=0.016)
        cell_w = area.width() * 0.5 / max(1, len(scores))
        for column, score in enumerate(scores):
            cell = QRectF(area.left() + area.width() * 0.27 + column * cell_w, y, cell_w, row)
            struck = column in dropped
            used = frame.text(cell, _points(score), 0.04, theme.TEXT_DIM if struck else theme.TEXT, align=CENTER,
                              min_size=0.016)
            if struck:
                frame.painter.setPen(QPen(theme.WRONG, max(2.0, frame.h * 0.004)))
                frame.painter.drawLine(used.left(), used.center().y(), used.right(), used.center().y())
        part = f"{_points(snapshot.panels[team.id])}"
        votes = snapshot.votes.get(team.id)
        if votes is not None:
            part += tr("　投票 {votes}", votes=votes)
        frame.text(QRectF(area.left() + area.width() * 0.78, y, area.width() * 0.22, row), part, 0.04, theme.ACCENT,
                   bold=True, align=RIGHT, min_size=0.016)


def _award(frame: Frame, snapshot: PublicSnapshot, level: int) -> None:
    """The ceremony, lowest award first: level 0 is the last award named in the show file."""
    w, h = frame.w, frame.h
    names = list(reversed(snapshot.awards))
    if not names:
        _standings(frame, snapshot, title=tr("最终成绩"))
        return
    name = names[min(level, len(names) - 1)]
    top = _header(frame, snapshot, tr("颁奖"), left=snapshot.title)
    frame.text(QRectF(w * 0.1, top + h * 0.04, w * 0.8, h * 0.16), tr("荣获{award}的是", award=name), 0.09,
               theme.ACCENT, bold=True, align=CENTER)
    winners = sorted((team for team in snapshot.teams if team.award == name), key=lambda team: (team.rank, team.seat))
    area = QRectF(w * 0.1, top + h * 0.24, w * 0.8, h - top - h * 0.3)
    row = area.height() / max(1, len(winners), 3)
    for index, team in enumerate(winners):
        box = QRectF(area.left(), area.top() + index * row, area.width(), row * 0.86)
        frame.painter.fillRect(box, theme.PANEL)
        frame.painter.fillRect(QRectF(box.left(), box.top(), w * 0.012, box.height()), _team_color(team))
        line = tr("{team}　{points} 分", team=team.name, points=_points(team.score))
        frame.text(box.adjusted(w * 0.03, 0, -w * 0.03, 0), line, 0.07, bold=True, align=CENTER)


def _score_bars(frame: Frame, snapshot: PublicSnapshot, area: QRectF) -> None:
    teams = sorted(snapshot.teams, key=lambda team: (team.rank, team.seat))
    if not teams:
        return
    scores = [team.score for team in teams]
    low = min(min(scores), Decimal(0))
    span = (max(scores) - low) or Decimal(1)
    row = area.height() / len(teams)
    name_w, score_w = area.width() * 0.28, area.width() * 0.14
    for index, team in enumerate(teams):
        y = area.top() + index * row
        frame.text(QRectF(area.left(), y, area.width() * 0.06, row), str(team.rank), 0.045, theme.ACCENT,
                   bold=True, align=CENTER)
        frame.text(QRectF(area.left() + area.width() * 0.07, y, name_w, row), team.name, 0.04, min_size=0.016)
        bar_left = area.left() + area.width() * 0.07 + name_w + area.width() * 0.01
        bar_max = area.right() - score_w - bar_left
        fraction = float((team.score - low) / span)
        frame.painter.fillRect(QRectF(bar_left, y + row * 0.2, max(4.0, bar_max * fraction), row * 0.6),
                               _team_color(team))
        label = _points(team.score)
        if team.last_change:
            label += f"（{'+' if team.last_change > 0 else ''}{_points(team.last_change)}）"
        frame.text(QRectF(area.right() - score_w, y, score_w, row), label, 0.04, bold=True, align=RIGHT,
                   min_size=0.014)


def _teams_screen(frame: Frame, snapshot: PublicSnapshot) -> None:
    """参赛队伍: every team with its seat, colour and members, before the first round."""
    w, h = frame.w, frame.h
    top = _header(frame, snapshot, snapshot.title, left=tr("参赛队伍"))
    teams = sorted(snapshot.teams, key=lambda team: team.seat)
    columns = 2 if len(teams) > 5 else 1
    rows = max(1, -(-len(teams) // columns))
    area = QRectF(w * 0.05, top + h * 0.03, w * 0.9, h - top - h * 0.06)
    cell_w, cell_h = area.width() / columns, area.height() / rows
    for index, team in enumerate(teams):
        cell = QRectF(area.left() + (index // rows) * cell_w, area.top() + (index % rows) * cell_h, cell_w, cell_h)
        cell = cell.adjusted(w * 0.006, h * 0.006, -w * 0.006, -h * 0.006)
        frame.painter.fillRect(cell, theme.PANEL)
        frame.painter.fillRect(QRectF(cell.left(), cell.top(), w * 0.008, cell.height()), _team_color(team))
        frame.text(QRectF(cell.left() + w * 0.012, cell.top(), cell.width() * 0.1, cell.height()), str(team.seat),
                   0.05, theme.ACCENT, bold=True, align=CENTER)
        text_left, text_w = cell.left() + cell.width() * 0.14, cell.width() * 0.84
        name_h = cell.height() * (0.55 if team.members else 1.0)
        frame.text(QRectF(text_left, cell.top(), text_w, name_h), team.name, 0.042, bold=True, min_size=0.016)
        if team.members:
            frame.text(QRectF(text_left, cell.top() + name_h, text_w, cell.height() - name_h),
                       "  ".join(team.members), 0.032, theme.TEXT_DIM, min_size=0.014)


def _buzzer_test(frame: Frame, snapshot: PublicSnapshot, lamps: BuzzerLamps) -> None:
    """Before the show: each team presses and sees its own lamp light, with the button that lit it."""
    w, h = frame.w, frame.h
    top = _header(frame, snapshot, tr("请各组依次按下抢答器"), left=tr("抢答器测试"))
    teams = sorted(snapshot.teams, key=lambda team: team.seat)
    columns = 5 if len(teams) > 8 else 4
    rows = max(1, -(-len(teams) // columns))
    area = QRectF(w * 0.04, top + h * 0.04, w * 0.92, h * 0.72 - top)
    cell_w, cell_h = area.width() / columns, area.height() / rows
    for index, team in enumerate(teams):
        cell = QRectF(area.left() + (index % columns) * cell_w, area.top() + (index // columns) * cell_h,
                      cell_w, cell_h).adjusted(w * 0.006, h * 0.01, -w * 0.006, -h * 0.01)
        lit, offline = lamps.is_lit(team.id), team.id in lamps.offline
        frame.painter.fillRect(cell, _team_color(team) if lit else theme.PANEL)
        frame.painter.setPen(Qt.PenStyle.NoPen)
        frame.painter.setBrush(QColor("#9E9E9E") if offline else (theme.ACCENT if lit else theme.PANEL_STRONG))
        radius = min(cell.width(), cell.height()) * 0.14
        frame.painter.drawEllipse(cell.center().x() - radius, cell.top() + cell.height() * 0.08, radius * 2, radius * 2)
        frame.text(QRectF(cell.left(), cell.top() + cell.height() * 0.42, cell.width(), cell.height() * 0.28),
                   f"{team.seat} {_short_name(team)}", 0.036, bold=True, align=CENTER, min_size=0.014)
        status = tr("手柄已断开") if offline else lamps.source(team.id)
        if status:
            frame.text(QRectF(cell.left(), cell.top() + cell.height() * 0.72, cell.width(), cell.height() * 0.24),
                       status, 0.026, theme.WRONG if offline else theme.TEXT, align=CENTER, min_size=0.012)
    if lamps.unmapped:
        frame.text(QRectF(w * 0.04, h * 0.78, w * 0.92, h * 0.12), tr("未分配的按键：") + "、".join(lamps.unmapped),
                   0.035, theme.WARNING, align=CENTER)


# --- a question --------------------------------------------------------------------------------------------------

def _question(frame: Frame, snapshot: PublicSnapshot, question: PublicQuestion) -> None:
    w, h = frame.w, frame.h
    margin = w * theme.MARGIN
    right = tr("第 {number} 题", number=question.number) + f" · {question.type_name}"
    if question.tier is not None:
        right += " · " + tr("{points} 分", points=_points(question.tier))
    top = _header(frame, snapshot, right)
    footer_top = h * (1 - theme.FOOTER)
    _mini_scoreboard(frame, snapshot, QRectF(0, footer_top, w, h * theme.FOOTER))
    ring = h * 0.14
    row = QRectF(margin, top + h * 0.012, w - 2 * margin, ring)
    status = QRectF(row.left(), row.top(), row.width() - ring - margin, ring)
    if not _buzz_banner(frame, snapshot, question, status):
        _status_line(frame, snapshot, question, status)
    if snapshot.clock is not None:
        _countdown(frame, snapshot, QRectF(row.right() - ring, row.top(), ring, ring))
    frame.status_box = row.adjusted(0, 0, 0, h * 0.035)
    body = QRectF(margin, row.bottom() + h * 0.015, w - 2 * margin, footer_top - row.bottom() - h * 0.03)
    if question.image or question.video:
        media = QRectF(body.left(), body.top(), body.width() * 0.55, body.height())
        _media(frame, question, media)
        body = QRectF(media.right() + margin, body.top(), body.right() - media.right() - margin, body.height())
    reveal_h = body.height() * 0.34 if question.revealed else 0.0
    text_area = QRectF(body.left(), body.top(), body.width(), body.height() - reveal_h)
    if question.options:
        stem_h = text_area.height() * 0.42
        frame.text(QRectF(text_area.left(), text_area.top(), text_area.width(), stem_h), question.stem, 0.062)
        _options(frame, question, QRectF(text_area.left(), text_area.top() + stem_h + h * 0.01, text_area.width(),
                                         text_area.height() - stem_h - h * 0.01))
    else:
        frame.text(text_area, question.stem, 0.065)
    if question.revealed:
        _reveal(frame, question, QRectF(body.left(), body.bottom() - reveal_h + h * 0.01, body.width(),
                                        reveal_h - h * 0.01))


def _status_line(frame: Frame, snapshot: PublicSnapshot, question: PublicQuestion, box: QRectF) -> None:
    parts = []
    if question.team_name:
        parts.append(question.team_name + (f" · {question.member}" if question.member else ""))
    if question.error_count:
        parts.append(tr("本题共有 {count} 处错误", count=question.error_count))
    if question.fouls:
        parts.append(tr("犯规：") + "、".join(_team_name(snapshot, team) for team in question.fouls))
    verdict = VERDICTS.get(question.verdict or "")
    color = theme.TEXT
    if verdict:
        parts.append(tr(verdict[0]))
        color = verdict[1]
    elif question.verdict == "scored":
        parts.append(tr("找到 {count} 处错误", count=len(question.found)))
    frame.text(box, "　".join(parts) or snapshot.round_title or "", 0.05, color, bold=True)


def _options(frame: Frame, question: PublicQuestion, area: QRectF) -> None:
    count = len(question.options)
    columns = 2 if count > 2 and max(len(option) for option in question.options) <= 16 else 1
    rows = -(-count // columns)
    cell_w, cell_h = area.width() / columns, area.height() / rows
    answer = question.answer or ""
    for index, option in enumerate(question.options):
        letter = "ABCDEFGH"[index]
        column, row = index % columns, index // columns
        cell = QRectF(area.left() + column * cell_w, area.top() + row * cell_h, cell_w, cell_h)
        inner = cell.adjusted(0, cell_h * 0.06, -frame.w * 0.01, -cell_h * 0.06)
        correct = question.revealed and letter in answer
        frame.painter.fillRect(inner, theme.CORRECT if correct else theme.PANEL)
        frame.text(inner.adjusted(frame.w * 0.01, 0, -frame.w * 0.005, 0), f"{letter}. {option}", 0.05,
                   bold=correct)


def _reveal(frame: Frame, question: PublicQuestion, box: QRectF) -> None:
    frame.painter.fillRect(box, theme.PANEL_STRONG)
    inner = box.adjusted(frame.w * 0.012, frame.h * 0.008, -frame.w * 0.012, -frame.h * 0.008)
    if question.errors:  # one planted error at a time, large: the latest revealed
        latest = question.errors[-1]
        total = question.error_count or len(question.errors)
        text = tr("第 {number} 处（{shown}/{total}）：{error}", number=latest.number, shown=len(question.errors),
                  total=total, error=latest.text)
        if latest.fix:
            text += "\n" + tr("更正：{fix}", fix=latest.fix)
        frame.text(inner, text, 0.042)
        return
    answer = question.answer or ""
    if question.options and answer:
        letters = [letter for letter in answer if letter in "ABCDEFGH"]
        answer = "、".join(letters)
    lines = [tr("答案：{answer}", answer=answer)]
    if question.explanation:
        lines.append(question.explanation)
    if question.basis:
        lines.append(tr("依据：{text}", text=question.basis))
    frame.text(inner, "\n".join(lines), 0.042)


def _media(frame: Frame, question: PublicQuestion, box: QRectF) -> None:
    painter = frame.painter
    painter.fillRect(box, theme.PANEL)
    if question.video:
        _video(frame, question, box)
        return
    pixmap = frame.images(question.image) if question.image else None
    if pixmap is None or pixmap.isNull():
        label = tr("视频") if question.video else tr("图片无法显示")
        frame.text(box, label, 0.05, theme.TEXT_DIM, align=CENTER)
        return
    source = _zoomed_source(QRectF(pixmap.rect()), frame.zoom, box.height() / box.width())
    scaled = source.size().scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
    target = QRectF(box.left() + (box.width() - scaled.width()) / 2, box.top() + (box.height() - scaled.height()) / 2,
                    scaled.width(), scaled.height())
    painter.save()
    painter.setClipRect(target)
    painter.drawPixmap(target, pixmap, source)
    pen = QPen(theme.WRONG, max(2.0, frame.h * 0.004))
    sx, sy = target.width() / source.width(), target.height() / source.height()
    for error in question.errors:
        if error.box is None:
            continue
        x, y, bw, bh = error.box
        marked = QRectF(target.left() + (x * pixmap.width() - source.left()) * sx,
                        target.top() + (y * pixmap.height() - source.top()) * sy,
                        bw * pixmap.width() * sx, bh * pixmap.height() * sy)
        painter.setPen(pen)  # frame.text() below changes the pen
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(marked)
        tag = QRectF(max(target.left(), marked.left() - frame.h * 0.035), marked.top(), frame.h * 0.035,
                     frame.h * 0.035)
        painter.fillRect(tag, theme.WRONG)
        frame.text(tag, str(error.number), 0.028, bold=True, align=CENTER, min_size=0.012)
    painter.restore()


def _zoomed_source(full: QRectF, zoom: tuple[float, float, float], aspect: float) -> QRectF:
    """The part of the image shown at `zoom`: at scale 1 all of it; zoomed in, a window 1/scale of its width,
    shaped like the media box (height/width = `aspect`) so it fills the box, centred as asked, kept inside."""
    scale, cx, cy = zoom
    if scale <= 1.0:
        return full
    width = full.width() / scale
    height = min(full.height(), width * aspect)
    left = min(max(0.0, cx * full.width() - width / 2), full.width() - width)
    top = min(max(0.0, cy * full.height() - height / 2), full.height() - height)
    return QRectF(left, top, width, height)


def _video(frame: Frame, question: PublicQuestion, box: QRectF) -> None:
    """The current video frame, and a timeline with a mark at each revealed error's time."""
    video = frame.video
    bar_h = frame.h * 0.03
    picture = QRectF(box.left(), box.top(), box.width(), box.height() - bar_h * 1.6)
    image = getattr(video, "image", None) if video is not None and getattr(video, "path", None) == question.video \
        else None
    if image is None or image.isNull():
        message = tr("视频无法播放") if video is not None and getattr(video, "error", None) else tr("视频")
        frame.text(picture, message, 0.05, theme.TEXT_DIM, align=CENTER)
    else:
        size = image.size().scaled(picture.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF(picture.left() + (picture.width() - size.width()) / 2,
                        picture.top() + (picture.height() - size.height()) / 2, size.width(), size.height())
        frame.painter.drawImage(target, image)
    bar = QRectF(box.left(), box.bottom() - bar_h * 1.2, box.width(), bar_h * 0.5)
    frame.painter.fillRect(bar, theme.PANEL_STRONG)
    duration = getattr(video, "duration_ms", 0) if video is not None else 0
    if duration > 0:
        played = min(1.0, getattr(video, "position_ms", 0) / duration)
        frame.painter.fillRect(QRectF(bar.left(), bar.top(), bar.width() * played, bar.height()), theme.ACCENT)
        for error in question.errors:
            if error.at is None:
                continue
            x = bar.left() + bar.width() * min(1.0, float(error.at) * 1000 / duration)
            mark = QRectF(x - bar_h * 0.5, bar.top() - bar_h * 0.6, bar_h, bar_h * 1.7)
            frame.painter.fillRect(mark, theme.WRONG)


def _countdown(frame: Frame, snapshot: PublicSnapshot, box: QRectF) -> None:
    clock = snapshot.clock
    assert clock is not None
    left = clock.left(frame.now)
    fraction = left / clock.duration if clock.duration else 0.0
    seconds = -(-left // 1_000_000_000)
    urgent = seconds <= 5
    painter = frame.painter
    frame.clock_box = QRectF(box.left(), box.top(), box.width(), box.height() + frame.h * 0.035)
    pen_w = box.width() * 0.09
    ring = box.adjusted(pen_w / 2, pen_w / 2, -pen_w / 2, -pen_w / 2)
    painter.drawPixmap(box.topLeft(), _ring_track(int(box.width())))
    arc = QPen(theme.WRONG if urgent else theme.ACCENT, pen_w)
    arc.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(arc)
    painter.drawArc(ring, 90 * 16, int(360 * 16 * fraction))
    frame.text(ring, str(seconds), 0.085 if urgent else 0.07, theme.WRONG if urgent else theme.TEXT, bold=True,
               align=CENTER)
    if clock.deadline is None:
        frame.text(QRectF(box.left(), box.bottom(), box.width(), frame.h * 0.035), tr("暂停"), 0.028, theme.TEXT_DIM,
                   align=CENTER, min_size=0.014)


@functools.lru_cache(maxsize=8)
def _ring_track(size: int) -> QPixmap:
    """The countdown's full grey circle, stroked once per size: stroking a thick antialiased circle is the costliest
    call of a countdown frame, and Qt holds Python's interpreter lock through it (a buzzer press waits)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen_w = size * 0.09
    painter.setPen(QPen(theme.PANEL_STRONG, pen_w))
    painter.drawEllipse(QRectF(pen_w / 2, pen_w / 2, size - pen_w, size - pen_w))
    painter.end()
    return pixmap


def _buzz_banner(frame: Frame, snapshot: PublicSnapshot, question: PublicQuestion, band: QRectF) -> bool:
    """“请抢答” while the buzzers are open; the winner, reaction time and margin once locked."""
    if snapshot.phase == "buzz_open" and snapshot.clock is not None and snapshot.clock.deadline is None:
        text, color = tr("抢答暂停，请等待主持人口令"), theme.PANEL_STRONG  # no press counts until they reopen
    elif snapshot.phase == "buzz_open":
        text, color = tr("请抢答！"), theme.ACCENT
    elif question.winner and snapshot.phase == "answering":
        text = tr("{team} 抢答成功　反应 {reaction:.0f} 毫秒", team=_team_name(snapshot, question.winner),
                  reaction=question.reaction_ms)
        if question.margin_ms is not None:
            text += tr("　领先 {margin:.0f} 毫秒", margin=question.margin_ms)
        color = theme.CORRECT
    else:
        return False
    frame.painter.fillRect(band, color)
    frame.text(band.adjusted(frame.w * 0.01, 0, -frame.w * 0.01, 0), text, 0.055, bold=True, align=CENTER)
    return True


def _mini_scoreboard(frame: Frame, snapshot: PublicSnapshot, band: QRectF) -> None:
    frame.painter.fillRect(band, theme.PANEL_STRONG)
    teams = snapshot.teams
    if not teams:
        return
    cell = band.width() / len(teams)
    for index, team in enumerate(teams):
        box = QRectF(band.left() + index * cell, band.top(), cell, band.height())
        frame.painter.fillRect(QRectF(box.left() + 2, box.top(), cell - 4, band.height() * 0.08), _team_color(team))
        short = _short_name(team)
        frame.text(QRectF(box.left() + 3, box.top() + band.height() * 0.1, cell - 6, band.height() * 0.45),
                   short, 0.026, theme.TEXT_DIM, align=CENTER, min_size=0.012)
        frame.text(QRectF(box.left() + 3, box.top() + band.height() * 0.52, cell - 6, band.height() * 0.46),
                   _points(team.score), 0.035, bold=True, align=CENTER, min_size=0.014)


# --- the end ---------------------------------------------------------------------------------------------------

def _standings(frame: Frame, snapshot: PublicSnapshot, title: str) -> None:
    w, h = frame.w, frame.h
    top = _header(frame, snapshot, title, left=snapshot.title)
    teams = sorted(snapshot.teams, key=lambda team: (team.rank, team.seat))
    area = QRectF(w * 0.08, top + h * 0.04, w * 0.84, h - top - h * 0.08)
    row = area.height() / max(1, len(teams))
    for index, team in enumerate(teams):
        y = area.top() + index * row
        if team.award:
            frame.painter.fillRect(QRectF(area.left(), y + row * 0.08, area.width(), row * 0.84), theme.PANEL)
        frame.text(QRectF(area.left(), y, area.width() * 0.1, row), tr("第{rank}名", rank=team.rank), 0.04,
                   theme.ACCENT, bold=True)
        frame.text(QRectF(area.left() + area.width() * 0.12, y, area.width() * 0.48, row), team.name, 0.045)
        frame.text(QRectF(area.left() + area.width() * 0.6, y, area.width() * 0.17, row), _points(team.score),
                   0.045, bold=True, align=RIGHT)
        frame.text(QRectF(area.left() + area.width() * 0.8, y, area.width() * 0.2, row), team.award or "", 0.045,
                   theme.ACCENT, bold=True, align=RIGHT)


# --- helpers ---------------------------------------------------------------------------------------------------

def _team_color(team: PublicTeam) -> QColor:
    return QColor(team.color) if team.color else theme.DEFAULT_TEAM


def _short_name(team: PublicTeam) -> str:
    """Every team is a 代表队: where space is short, the rest of the name says who."""
    return team.name.removesuffix("代表队") or team.name


def _team_name(snapshot: PublicSnapshot, team_id: str) -> str:
    return next((team.name for team in snapshot.teams if team.id == team_id), team_id)


def _points(points: Decimal) -> str:
    return format(points.normalize(), "f")


"""Paint one public snapshot onto the stage. Pure drawing: what to show comes only from the snapshot."""

from __future__ import annotations

import functools
from decimal import Decimal

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPen, QPixmap

from stageshow.app.snapshots import PublicQuestion, PublicSnapshot
from stageshow.ui.buzzers.lamps import BuzzerLamps
from stageshow.ui.stage import theme
from stageshow.ui.stage.boards import award, buzzer_test, judging_board, risk_board, score_bars, standings, teams_screen
from stageshow.ui.stage.frame import (
    CENTER,
    VERDICTS,
    Frame,
    header,
    points_text,
    short_name,
    signed_points,
    team_color,
    team_name,
)
from stageshow.ui.tr import tr

__all__ = ["Frame", "paint_stage"]

def paint_stage(frame: Frame, snapshot: PublicSnapshot | None, mode: str = "live") -> None:
    painter = frame.painter
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    if mode == "blackout" or snapshot is None:
        painter.fillRect(frame.rect, QColor("black"))
        return
    _background(frame, snapshot)
    if mode == "teams":
        teams_screen(frame, snapshot)
    elif mode == "buzzers":
        buzzer_test(frame, snapshot, frame.lamps or BuzzerLamps())
    elif mode == "logo" or snapshot.phase == "setup":
        _title_card(frame, snapshot)
    elif mode.startswith("award:") and snapshot.finished:
        award(frame, snapshot, int(mode.split(":")[1]))
    elif snapshot.finished:
        standings(frame, snapshot, title=tr("最终成绩"))
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



def _round_intro(frame: Frame, snapshot: PublicSnapshot) -> None:
    w, h = frame.w, frame.h
    top = header(frame, snapshot, snapshot.title)
    if snapshot.round_rule:
        frame.text(QRectF(w * theme.MARGIN, top + h * 0.02, w * (1 - 2 * theme.MARGIN), h * 0.09),
                   snapshot.round_rule, 0.04, theme.TEXT_DIM, align=CENTER)
    if snapshot.tiebreak_group:  # who plays the tie-break, large
        names = "、".join(team_name(snapshot, team) for team in snapshot.tiebreak_group)
        frame.text(QRectF(w * theme.MARGIN, top + h * 0.11, w * (1 - 2 * theme.MARGIN), h * 0.08),
                   tr("加赛：{teams}", teams=names), 0.05, theme.ACCENT, bold=True, align=CENTER)
        top += h * 0.08
    area = QRectF(w * 0.05, top + h * 0.13, w * 0.9, h - top - h * 0.17)
    if snapshot.round_kind == "risk" and snapshot.turn_order:
        risk_board(frame, snapshot, area)
    elif snapshot.round_kind == "judged":
        judging_board(frame, snapshot, area)
    else:
        score_bars(frame, snapshot, area)



# --- a question --------------------------------------------------------------------------------------------------

def _question(frame: Frame, snapshot: PublicSnapshot, question: PublicQuestion) -> None:
    w, h = frame.w, frame.h
    margin = w * theme.MARGIN
    right = tr("第 {number} 题", number=question.number) + f" · {question.type_name}"
    if question.tier is not None:
        right += " · " + tr("{points} 分", points=points_text(question.tier))
    top = header(frame, snapshot, right)
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
    # Once revealed, the answer (or the error just revealed) takes a band across the whole width: in the narrow
    # column beside a document or a video it came out at the smallest legible size.
    reveal_h = body.height() * 0.3 if question.revealed else 0.0
    upper = QRectF(body.left(), body.top(), body.width(), body.height() - reveal_h)
    text_area = upper
    if question.image or question.video:
        share = 0.64 if question.video else 0.55  # a process video is watched: it takes most of the width
        media = QRectF(upper.left(), upper.top(), upper.width() * share, upper.height())
        _media(frame, question, media)
        text_area = QRectF(media.right() + margin, upper.top(), upper.right() - media.right() - margin, upper.height())
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
    """Who answers and how it went, with the points it brought, large; a foul by another team on a line of its own
    (one line once read as the answering team's foul)."""
    parts = []
    if question.team_name:
        parts.append(question.team_name + (f" · {question.member}" if question.member else ""))
    if question.error_count:
        parts.append(tr("本题共有 {count} 处错误", count=question.error_count))
    verdict = VERDICTS.get(question.verdict or "")
    color = theme.TEXT
    if verdict:
        parts.append(tr(verdict[0]))
        color = verdict[1]
    elif question.verdict == "scored":
        parts.append(tr("找到 {count} 处错误", count=len(question.found)))
    change = _change_of(snapshot, question.team) if question.verdict not in (None, "void", "closed") else None
    if change:
        parts.append(signed_points(change))
    main = box if not question.fouls else QRectF(box.left(), box.top(), box.width(), box.height() * 0.6)
    frame.text(main, "　".join(parts) or snapshot.round_title or "", 0.055, color, bold=True)
    if question.fouls:
        fouls = "、".join(team_name(snapshot, team) for team in question.fouls)
        frame.text(QRectF(box.left(), main.bottom(), box.width(), box.height() - main.height()),
                   tr("提前抢答犯规：{teams}", teams=fouls), 0.036, theme.WARNING, bold=True)


def _change_of(snapshot: PublicSnapshot, team_id: str | None) -> Decimal | None:
    team = next((team for team in snapshot.teams if team.id == team_id), None)
    return team.last_change if team else None


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
        frame.text(tag, str(error.number), 0.028, bold=True, align=CENTER)
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
                   align=CENTER)


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
        text = tr("{team} 抢答成功　反应 {reaction:.0f} 毫秒", team=team_name(snapshot, question.winner),
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
    """Every team's score along the bottom; in a tie-break the tied teams stand out and the rest step back."""
    frame.painter.fillRect(band, theme.PANEL_STRONG)
    teams = snapshot.teams
    if not teams:
        return
    tied = set(snapshot.tiebreak_group)
    cell = band.width() / len(teams)
    for index, team in enumerate(teams):
        box = QRectF(band.left() + index * cell, band.top(), cell, band.height())
        in_tie = team.id in tied
        if in_tie:
            frame.painter.fillRect(box.adjusted(2, 0, -2, 0), theme.PANEL)
        frame.painter.fillRect(QRectF(box.left() + 2, box.top(), cell - 4, band.height() * (0.14 if in_tie else 0.08)),
                               theme.ACCENT if in_tie else team_color(team))
        dim = bool(tied) and not in_tie
        frame.text(QRectF(box.left() + 3, box.top() + band.height() * 0.1, cell - 6, band.height() * 0.45),
                   short_name(team), 0.026, theme.ACCENT if in_tie else theme.TEXT_DIM, bold=in_tie, align=CENTER)
        frame.text(QRectF(box.left() + 3, box.top() + band.height() * 0.52, cell - 6, band.height() * 0.46),
                   points_text(team.score), 0.035, theme.TEXT_DIM if dim else theme.TEXT, bold=True, align=CENTER)

"""The stage's boards: the risk round's tiers, the judges' panel, the score bars, the teams, the buzzer test page,
the final standings and the award ceremony."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPen

from stageshow.app.snapshots import PublicSnapshot
from stageshow.ui.buzzers.lamps import BuzzerLamps
from stageshow.ui.stage import theme
from stageshow.ui.stage.frame import CENTER, RIGHT, Frame, header, points_text, short_name, team_color, team_name
from stageshow.ui.tr import tr

def risk_board(frame: Frame, snapshot: PublicSnapshot, area: QRectF) -> None:
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
        passes = snapshot.passed.count(team_id)
        name_w = area.width() * (0.21 if passes else 0.3)
        frame.text(QRectF(area.left() + area.width() * 0.02, y, name_w, row), team.name, 0.04,
                   theme.ACCENT if team_id == current else theme.TEXT, bold=team_id == current)
        if passes:  # a pass is part of the story the hall follows
            frame.text(QRectF(area.left() + area.width() * 0.235, y, area.width() * 0.09, row),
                       tr("放弃") if passes == 1 else tr("放弃×{count}", count=passes), 0.035, theme.WARNING,
                       bold=True, align=CENTER)
        frame.text(QRectF(area.left() + area.width() * 0.33, y, area.width() * 0.14, row), points_text(team.score), 0.04,
                   align=RIGHT)
        for column, tier in enumerate(snapshot.tiers):
            cell = QRectF(area.left() + area.width() * 0.5 + column * tier_w, y + row * 0.12, tier_w * 0.9, row * 0.76)
            used = tier in snapshot.tiers_used.get(team_id, ())
            frame.painter.fillRect(cell, theme.PANEL if used else theme.ACCENT)
            frame.text(cell, tr("{points} 分", points=points_text(tier)), 0.035,
                       theme.TEXT_DIM if used else theme.BACKGROUND_TOP, bold=not used, align=CENTER)


def panel_board(frame: Frame, snapshot: PublicSnapshot, area: QRectF) -> None:
    """Each judge's score, the dropped highest and lowest struck through, the judges' part, then the votes."""
    teams = [team for team in snapshot.teams if team.id in snapshot.panel_scores]
    row = area.height() / max(1, len(snapshot.teams))  # a row per team of the show: panels fill from the top
    for index, team in enumerate(teams):
        y = area.top() + index * row
        scores, dropped = snapshot.panel_scores[team.id]
        frame.text(QRectF(area.left(), y, area.width() * 0.26, row), team.name, 0.04)
        cell_w = area.width() * 0.5 / max(1, len(scores))
        for column, score in enumerate(scores):
            cell = QRectF(area.left() + area.width() * 0.27 + column * cell_w, y, cell_w, row)
            struck = column in dropped
            used = frame.text(cell, points_text(score), 0.04, theme.TEXT_DIM if struck else theme.TEXT, align=CENTER)
            if struck:
                frame.painter.setPen(QPen(theme.WRONG, max(2.0, frame.h * 0.004)))
                frame.painter.drawLine(used.left(), used.center().y(), used.right(), used.center().y())
        part = f"{points_text(snapshot.panels[team.id])}"
        votes = snapshot.votes.get(team.id)
        if votes is not None:
            part += tr("　投票 {votes}", votes=votes)
        frame.text(QRectF(area.left() + area.width() * 0.78, y, area.width() * 0.22, row), part, 0.04, theme.ACCENT,
                   bold=True, align=RIGHT)


def award(frame: Frame, snapshot: PublicSnapshot, level: int) -> None:
    """The ceremony, lowest award first: level 0 is the last award named in the show file."""
    w, h = frame.w, frame.h
    names = list(reversed(snapshot.awards))
    if not names:
        standings(frame, snapshot, title=tr("最终成绩"))
        return
    name = names[min(level, len(names) - 1)]
    top = header(frame, snapshot, tr("颁奖"), left=snapshot.title)
    frame.text(QRectF(w * 0.1, top + h * 0.04, w * 0.8, h * 0.16), tr("荣获{award}的是", award=name), 0.09,
               theme.ACCENT, bold=True, align=CENTER)
    winners = sorted((team for team in snapshot.teams if team.award == name), key=lambda team: (team.rank, team.seat))
    area = QRectF(w * 0.1, top + h * 0.24, w * 0.8, h - top - h * 0.3)
    row = area.height() / max(1, len(winners), 3)
    for index, team in enumerate(winners):
        box = QRectF(area.left(), area.top() + index * row, area.width(), row * 0.86)
        frame.painter.fillRect(box, theme.PANEL)
        frame.painter.fillRect(QRectF(box.left(), box.top(), w * 0.012, box.height()), team_color(team))
        line = tr("{team}　{points} 分", team=team.name, points=points_text(team.score))
        frame.text(box.adjusted(w * 0.03, 0, -w * 0.03, 0), line, 0.07, bold=True, align=CENTER)


def score_bars(frame: Frame, snapshot: PublicSnapshot, area: QRectF) -> None:
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
        frame.text(QRectF(area.left() + area.width() * 0.07, y, name_w, row), team.name, 0.04)
        bar_left = area.left() + area.width() * 0.07 + name_w + area.width() * 0.01
        bar_max = area.right() - score_w - bar_left
        fraction = float((team.score - low) / span)
        frame.painter.fillRect(QRectF(bar_left, y + row * 0.2, max(4.0, bar_max * fraction), row * 0.6),
                               team_color(team))
        label = points_text(team.score)
        if team.last_change:
            label += f"（{'+' if team.last_change > 0 else ''}{points_text(team.last_change)}）"
        frame.text(QRectF(area.right() - score_w, y, score_w, row), label, 0.04, bold=True, align=RIGHT)


def teams_screen(frame: Frame, snapshot: PublicSnapshot) -> None:
    """参赛队伍: every team with its seat, colour and members, before the first round."""
    w, h = frame.w, frame.h
    top = header(frame, snapshot, snapshot.title, left=tr("参赛队伍"))
    teams = sorted(snapshot.teams, key=lambda team: team.seat)
    columns = 2 if len(teams) > 5 else 1
    rows = max(1, -(-len(teams) // columns))
    area = QRectF(w * 0.05, top + h * 0.03, w * 0.9, h - top - h * 0.06)
    cell_w, cell_h = area.width() / columns, area.height() / rows
    for index, team in enumerate(teams):
        cell = QRectF(area.left() + (index // rows) * cell_w, area.top() + (index % rows) * cell_h, cell_w, cell_h)
        cell = cell.adjusted(w * 0.006, h * 0.006, -w * 0.006, -h * 0.006)
        frame.painter.fillRect(cell, theme.PANEL)
        frame.painter.fillRect(QRectF(cell.left(), cell.top(), w * 0.008, cell.height()), team_color(team))
        frame.text(QRectF(cell.left() + w * 0.012, cell.top(), cell.width() * 0.1, cell.height()), str(team.seat),
                   0.05, theme.ACCENT, bold=True, align=CENTER)
        text_left, text_w = cell.left() + cell.width() * 0.14, cell.width() * 0.84
        name_h = cell.height() * (0.55 if team.members else 1.0)
        frame.text(QRectF(text_left, cell.top(), text_w, name_h), team.name, 0.042, bold=True)
        if team.members:
            frame.text(QRectF(text_left, cell.top() + name_h, text_w, cell.height() - name_h),
                       "  ".join(team.members), 0.032, theme.TEXT_DIM)


def buzzer_test(frame: Frame, snapshot: PublicSnapshot, lamps: BuzzerLamps) -> None:
    """Before the show: each team presses and sees its own lamp light, with the button that lit it."""
    w, h = frame.w, frame.h
    top = header(frame, snapshot, tr("请各组依次按下抢答器"), left=tr("抢答器测试"))
    teams = sorted(snapshot.teams, key=lambda team: team.seat)
    columns = 5 if len(teams) > 8 else 4
    rows = max(1, -(-len(teams) // columns))
    area = QRectF(w * 0.04, top + h * 0.04, w * 0.92, h * 0.72 - top)
    cell_w, cell_h = area.width() / columns, area.height() / rows
    for index, team in enumerate(teams):
        cell = QRectF(area.left() + (index % columns) * cell_w, area.top() + (index // columns) * cell_h,
                      cell_w, cell_h).adjusted(w * 0.006, h * 0.01, -w * 0.006, -h * 0.01)
        lit, offline = lamps.is_lit(team.id), team.id in lamps.offline
        frame.painter.fillRect(cell, team_color(team) if lit else theme.PANEL)
        frame.painter.setPen(Qt.PenStyle.NoPen)
        frame.painter.setBrush(QColor("#9E9E9E") if offline else (theme.ACCENT if lit else theme.PANEL_STRONG))
        radius = min(cell.width(), cell.height()) * 0.14
        frame.painter.drawEllipse(cell.center().x() - radius, cell.top() + cell.height() * 0.08, radius * 2, radius * 2)
        frame.text(QRectF(cell.left(), cell.top() + cell.height() * 0.42, cell.width(), cell.height() * 0.28),
                   f"{team.seat} {short_name(team)}", 0.036, bold=True, align=CENTER)
        status = tr("手柄已断开") if offline else lamps.source(team.id)
        if status:
            frame.text(QRectF(cell.left(), cell.top() + cell.height() * 0.72, cell.width(), cell.height() * 0.24),
                       status, 0.026, theme.WRONG if offline else theme.TEXT, align=CENTER)
    if lamps.unmapped:
        frame.text(QRectF(w * 0.04, h * 0.78, w * 0.92, h * 0.12), tr("未分配的按键：") + "、".join(lamps.unmapped),
                   0.035, theme.WARNING, align=CENTER)



def standings(frame: Frame, snapshot: PublicSnapshot, title: str) -> None:
    w, h = frame.w, frame.h
    top = header(frame, snapshot, title, left=snapshot.title)
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
        frame.text(QRectF(area.left() + area.width() * 0.6, y, area.width() * 0.17, row), points_text(team.score),
                   0.045, bold=True, align=RIGHT)
        frame.text(QRectF(area.left() + area.width() * 0.8, y, area.width() * 0.2, row), team.award or "", 0.045,
                   theme.ACCENT, bold=True, align=RIGHT)




def judging_board(frame: Frame, snapshot: PublicSnapshot, area: QRectF) -> None:
    """A judged round: the voting while it is open; otherwise who is scored now and how many judges have scored
    (never what, until the panel counts), above the panels counted so far (or the scores)."""
    if snapshot.voting == "open":
        voting_board(frame, snapshot, area)
        return
    lines = []
    if snapshot.performing is not None:
        lines.append(tr("正在评分：{seat}号台 {team}　评委已评 {given}/{judges}",
                        seat=_seat(snapshot, snapshot.performing), team=team_name(snapshot, snapshot.performing),
                        given=len(snapshot.sheets_given), judges=snapshot.judges))
    if snapshot.voting == "closed":
        lines.append(tr("大众评委投票已结束：共 {count} 票", count=snapshot.ballots))
    if lines:
        line = "　".join(lines)
        frame.text(QRectF(area.left(), area.top(), area.width(), area.height() * 0.12), line, 0.045, theme.ACCENT,
                   bold=True, align=CENTER)
        area = area.adjusted(0, area.height() * 0.14, 0, 0)
    if snapshot.panel_scores:
        panel_board(frame, snapshot, area)
    else:
        score_bars(frame, snapshot, area)


def _seat(snapshot: PublicSnapshot, team_id: str) -> int:
    return next((team.seat for team in snapshot.teams if team.id == team_id), 0)


def voting_board(frame: Frame, snapshot: PublicSnapshot, area: QRectF) -> None:
    """While the audience votes: the voting page's QR code (when the LAN link is on), large enough to scan from the
    middle rows, and the ballots counted so far."""
    side = min(area.height(), area.width() * 0.45)
    code = frame.vote_code
    if code is not None and not code.isNull():
        square = QRectF(area.left() + area.width() * 0.05, area.top() + (area.height() - side) / 2, side, side)
        frame.painter.fillRect(square, QColor("white"))  # a quiet zone the phones' cameras need on a dark stage
        frame.painter.drawPixmap(square.adjusted(side * 0.03, side * 0.03, -side * 0.03, -side * 0.03).toRect(), code)
        left = square.right() + area.width() * 0.05
    else:
        left = area.left()
    words = QRectF(left, area.top(), area.right() - left, area.height())
    frame.text(QRectF(words.left(), words.top() + words.height() * 0.08, words.width(), words.height() * 0.2),
               tr("大众评委投票进行中"), 0.06, theme.ACCENT, bold=True, align=CENTER)
    frame.text(QRectF(words.left(), words.top() + words.height() * 0.32, words.width(), words.height() * 0.3),
               tr("已投 {count} 票", count=snapshot.ballots), 0.1, bold=True, align=CENTER)
    rule = tr("手机扫码投票，每部手机限投一次") if snapshot.votes_per_ballot == 1 else tr(
        "手机扫码投票，每部手机限投一次，最多选 {most} 队", most=snapshot.votes_per_ballot)
    frame.text(QRectF(words.left(), words.top() + words.height() * 0.7, words.width(), words.height() * 0.15),
               rule, 0.04, theme.TEXT_DIM, align=CENTER)

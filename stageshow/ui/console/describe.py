"""Readable words for the console (Chinese, or English through `tr`): the event log lines and the private
question card."""

from __future__ import annotations

import html

from stageshow.app.show_changes import describe
from stageshow.domain import events as e
from stageshow.domain.model import Question, Show
from stageshow.reports.score_table import undo_label
from stageshow.ui.tr import tr, tr_noop

OUTCOMES = {"won": tr_noop("抢到"), "late": tr_noop("较慢"), "foul": tr_noop("提前抢答犯规"), "tie": tr_noop("同时"),
            "ignored": tr_noop("无效")}
VERDICTS = {"correct": tr_noop("正确"), "wrong": tr_noop("错误"), "timeout": tr_noop("超时")}
SOURCES = {"keyboard": tr_noop("键盘"), "joystick": tr_noop("手柄"), "script": tr_noop("脚本")}
VOIDED = {"no_press": tr_noop("无人抢答，本题结束"), "no_team_left": tr_noop("各队均已作答，本题结束")}


def event_line(show: Show, event: e.Event, at: int) -> str | None:
    """One line for the live event log, or None for bookkeeping events."""
    seconds = f"{at / 1e9:8.2f}s"

    def name(team_id: str) -> str:
        team = show.team(team_id)
        return team.name if team else team_id

    match event:
        case e.RoundStarted(round_id=round_id):
            round_ = show.round(round_id)
            text = tr("开始 {round}", round=round_.title if round_ else round_id)
        case e.QuestionPresented(question_id=qid, team=team):
            text = tr("出题 {question}", question=qid) + (f" → {name(team)}" if team else "")
        case e.TeamPassed(team=team):
            text = tr("风险题 {team} 放弃", team=name(team))
        case e.BuzzersOpened(teams=teams):
            text = tr("开放抢答（{count} 队）", count=len(teams))
        case e.PressRecorded(team=team, outcome=outcome, source=source, reaction=reaction):
            react = f" {reaction / 1e6:.0f}ms" if reaction is not None else ""
            text = tr("抢答器 {team}：{outcome}{reaction}（{source}）", team=name(team),
                      outcome=tr(OUTCOMES.get(outcome, outcome)), reaction=react, source=tr(SOURCES.get(source, source)))
        case e.Judged(team=team, verdict=verdict, points=points):
            text = tr("判定 {team} {verdict} {points:+}", team=name(team), verdict=tr(VERDICTS.get(verdict, verdict)),
                      points=points)
        case e.FoulCommitted(team=team, points=points):
            text = tr("犯规 {team} {points:+}", team=name(team), points=points)
        case e.QuestionVoided(reason=reason):
            text = tr(VOIDED.get(reason, VOIDED["no_press"]))
        case e.CorrectionScored(team=team, found=found, claims=claims, points=points):
            where = tr("第 {numbers} 处", numbers="、".join(map(str, found))) if found else tr("无")
            text = tr("纠错 {team} 找到 {found}，误报 {claims} 处 {points:+}", team=name(team), found=where,
                      claims=claims, points=points)
        case e.BuzzTied(teams=teams):
            text = tr("同时抢答：{teams}，重新开放抢答器", teams="、".join(name(team) for team in teams))
        case e.CountdownExpired():
            text = tr("时间到")
        case e.CountdownPaused(remaining=remaining):
            text = tr("计时暂停（剩余 {seconds} 秒）", seconds=round(remaining / 1e9))
        case e.CountdownResumed():
            text = tr("计时继续")
        case e.CountdownExtended(by=by):
            text = tr("加时 {seconds} 秒", seconds=round(by / 1e9))
        case e.PanelScored(team=team, points=points):
            text = tr("评委评分 {team} {points}", team=name(team), points=points)
        case e.VotesCounted():
            text = tr("大众评委投票已录入")
        case e.SheetSubmitted(team=team, judge=judge, total=total):
            text = tr("{judge} 号评委为 {team} 评分 {total}（已锁定）", judge=judge, team=name(team), total=total)
        case e.SheetUnlocked(team=team, judge=judge, reason=reason):
            text = tr("解锁 {judge} 号评委对 {team} 的评分（{reason}）", judge=judge, team=name(team), reason=reason)
        case e.VotingOpened():
            text = tr("手机投票开始")
        case e.VotingClosed(ballots=ballots):
            text = tr("手机投票结束：共 {count} 张选票", count=ballots)
        case e.BallotCast():
            return None  # hundreds of them would bury the log: the judged round's box counts them
        case e.Adjusted(team=team, points=points, reason=reason):
            text = tr("调整 {team} {points:+}（{reason}）", team=name(team), points=points, reason=reason)
        case e.Undone(label=label):
            text = tr("撤销：{what}", what=undo_label(show, label))
        case e.AnswerRevealed(error=error):
            text = tr("揭晓答案") if error is None else tr("揭晓第 {number} 处错误", number=error)
        case e.TiebreakStarted(groups=groups):
            text = tr("开始加赛：") + "；".join("、".join(name(t) for t in group) for group in groups)
        case e.TiebreakPlaced(team=team, place=place):
            place_text = tr("名次在前") if place == "top" else tr("名次在后")
            text = tr("加赛 {team} {place}", team=name(team), place=place_text)
        case e.ShowFinished():
            text = tr("比赛结束")
        case e.ShowRevised(changes=changes):
            text = tr("比赛文件已修改，已采用：") + "；".join(describe(change) for change in changes)
        case _:
            return None
    return f"{seconds}  {text}"


def question_card(question: Question) -> str:
    """The private card: everything about the question, answer included. HTML for a QTextBrowser."""
    parts = [f"<p style='font-size:15pt'><b>{html.escape(question.id)}</b>　{html.escape(question.stem)}</p>"]
    for letter, option in zip("ABCDEFGH", question.options, strict=False):
        mark = "✔ " if question.answer and letter in question.answer else ""
        parts.append(f"<div>{mark}{letter}. {html.escape(option)}</div>")
    if question.answer:
        answer = html.escape(tr("答案：{answer}", answer=question.answer))
        parts.append(f"<p style='color:#1B5E20;font-size:14pt'><b>{answer}</b></p>")
    if question.explanation:
        parts.append(f"<p>{html.escape(tr('解析：{text}', text=question.explanation))}</p>")
    if question.basis:
        parts.append(f"<p>{html.escape(tr('依据：{text}', text=question.basis))}</p>")
    for number, error in enumerate(question.errors, start=1):
        where = tr("（{seconds} 秒）", seconds=error.at) if error.at is not None else ""
        fix = f" —— {html.escape(error.fix)}" if error.fix else ""
        parts.append(f"<div>{number}. {html.escape(error.text)}{where}{fix}</div>")
    return "".join(parts)


def preview_line(question: Question, length: int = 60) -> str:
    """One line about the question coming next, so the host can read ahead (private, like the card)."""
    stem = question.stem if len(question.stem) <= length else question.stem[:length] + "…"
    answer = tr("（答案 {answer}）", answer=question.answer) if question.answer else ""
    return f"{question.id}　{stem}{answer}"

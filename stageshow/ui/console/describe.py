"""Readable Chinese for the console: the event log lines and the private question card."""

from __future__ import annotations

import html

from stageshow.domain import events as e
from stageshow.domain.model import Question, Show
from stageshow.reports.score_table import undo_label

OUTCOMES = {"won": "抢到", "late": "较慢", "foul": "犯规", "tie": "同时", "ignored": "无效"}
VERDICTS = {"correct": "正确", "wrong": "错误", "timeout": "超时"}


def event_line(show: Show, event: e.Event, at: int) -> str | None:
    """One line for the live event log, or None for bookkeeping events."""
    seconds = f"{at / 1e9:8.2f}s"

    def name(team_id: str) -> str:
        team = show.team(team_id)
        return team.name if team else team_id

    match event:
        case e.RoundStarted(round_id=round_id):
            round_ = show.round(round_id)
            text = f"开始 {round_.title if round_ else round_id}"
        case e.QuestionPresented(question_id=qid, team=team):
            text = f"出题 {qid}" + (f" → {name(team)}" if team else "")
        case e.BuzzersOpened(teams=teams):
            text = f"开放抢答（{len(teams)} 队）"
        case e.PressRecorded(team=team, outcome=outcome, source=source, reaction=reaction):
            react = f" {reaction / 1e6:.0f}ms" if reaction is not None else ""
            text = f"抢答器 {name(team)}：{OUTCOMES.get(outcome, outcome)}{react}（{source}）"
        case e.Judged(team=team, verdict=verdict, points=points):
            text = f"判定 {name(team)} {VERDICTS.get(verdict, verdict)} {points:+}"
        case e.FoulCommitted(team=team, points=points):
            text = f"犯规 {name(team)} {points:+}"
        case e.QuestionVoided():
            text = "本题作废"
        case e.CorrectionScored(team=team, found=found, claims=claims, points=points):
            text = f"纠错 {name(team)} 找到 {found} 误报 {claims} {points:+}"
        case e.PanelScored(team=team, points=points):
            text = f"评委评分 {name(team)} {points}"
        case e.VotesCounted():
            text = "大众评委投票已录入"
        case e.Adjusted(team=team, points=points, reason=reason):
            text = f"调整 {name(team)} {points:+}（{reason}）"
        case e.Undone(label=label):
            text = f"撤销：{undo_label(show, label)}"
        case e.AnswerRevealed(error=error):
            text = "揭晓答案" if error is None else f"揭晓第 {error} 处错误"
        case e.TiebreakStarted(groups=groups):
            text = "开始加赛：" + "；".join("、".join(name(t) for t in group) for group in groups)
        case e.TiebreakPlaced(team=team, place=place):
            text = f"加赛 {name(team)} {'名次在前' if place == 'top' else '名次在后'}"
        case e.ShowFinished():
            text = "比赛结束"
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
        parts.append(f"<p style='color:#1B5E20;font-size:14pt'><b>答案：{html.escape(question.answer)}</b></p>")
    if question.explanation:
        parts.append(f"<p>解析：{html.escape(question.explanation)}</p>")
    if question.basis:
        parts.append(f"<p>依据：{html.escape(question.basis)}</p>")
    for number, error in enumerate(question.errors, start=1):
        where = f"（{error.at} 秒）" if error.at is not None else ""
        fix = f" —— {html.escape(error.fix)}" if error.fix else ""
        parts.append(f"<div>{number}. {html.escape(error.text)}{where}{fix}</div>")
    return "".join(parts)


def preview_line(question: Question, length: int = 60) -> str:
    """One line about the question coming next, so the host can read ahead (private, like the card)."""
    stem = question.stem if len(question.stem) <= length else question.stem[:length] + "…"
    answer = f"（答案 {question.answer}）" if question.answer else ""
    return f"{question.id}　{stem}{answer}"

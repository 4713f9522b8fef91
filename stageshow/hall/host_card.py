"""The host's cue card: what the operator's private card shows (the question, its answer, explanation and basis,
the planted errors) and the line to say now, made from the state ("请3号台作答", "回答正确，加10分"). Private: served
only to the page holding the host's token, never on a public endpoint."""

from __future__ import annotations

from typing import Any

from stageshow.app.snapshots import PublicSnapshot
from stageshow.domain.model import Show
from stageshow.domain.points import to_json_number


def host_card(show: Show, snapshot: PublicSnapshot) -> dict[str, Any]:
    card: dict[str, Any] = {"say": line_to_say(snapshot), "round": snapshot.round_title, "question": None}
    if snapshot.question is not None:
        question = show.question(snapshot.question.id)
        card["question"] = {
            "id": question.id, "stem": question.stem, "options": list(question.options), "answer": question.answer,
            "explanation": question.explanation, "basis": question.basis,
            "errors": [{"text": error.text, "fix": error.fix} for error in question.errors],
            "team": snapshot.question.team_name, "revealed": snapshot.question.revealed,
        }
    return card


def line_to_say(snapshot: PublicSnapshot) -> str:
    """The host's next words, from what the stage shows now."""
    if snapshot.finished:
        return "比赛结束，请裁判长宣布结果"
    question = snapshot.question
    if question is None and snapshot.round_kind == "judged":
        return _judged_line(snapshot)
    if question is None:
        return f"下面进行{snapshot.round_title}" if snapshot.round_title else "比赛即将开始"
    team = next((item for item in snapshot.teams if item.id == (question.winner or question.team)), None)
    seat = f"请{team.seat}号台{team.name}" if team else ""
    if question.verdict is not None:
        points = team.last_change if team is not None else None
        if question.verdict == "correct":
            return f"回答正确，加{to_json_number(points)}分" if points else "回答正确"
        words = "回答错误" if question.verdict == "wrong" else "时间到"
        return f"{words}，扣{to_json_number(-points)}分" if points and points < 0 else words
    if question.error_count is not None:
        return f"本题共有{question.error_count}处错误，{seat}作答" if seat else f"本题共有{question.error_count}处错误"
    if question.buzz_open_for:
        return "请抢答"
    return f"{seat}作答" if seat else "请看题"


def _judged_line(snapshot: PublicSnapshot) -> str:
    if snapshot.voting == "open":
        return f"请大众评委扫描大屏上的二维码投票，已收到{snapshot.ballots}票"
    team = next((item for item in snapshot.teams if item.id == snapshot.performing), None)
    if team is None:
        return "各队评分已全部完成" + ("，请大众评委投票" if snapshot.voting == "" else "")
    return f"请{team.seat}号台{team.name}展示，请评委评分（已评{len(snapshot.sheets_given)}/{snapshot.judges}）"

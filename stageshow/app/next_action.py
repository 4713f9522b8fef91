"""The console's one obvious next action at every moment (formats: the script vocabulary)."""

from __future__ import annotations

from dataclasses import dataclass

from stageshow.domain import commands as c
from stageshow.domain.context import TIEBREAK
from stageshow.domain.model import BuzzRules, Question, RoundKind, Show
from stageshow.domain.phases import Phase
from stageshow.domain.standings import straddling_ties
from stageshow.app.snapshots import current_kind
from stageshow.domain.state import ShowState


@dataclass(frozen=True)
class NextAction:
    label: str
    command: c.Command | None  # None: the operator must give input (a tier, the errors found, the judges' scores)


def next_action(show: Show, state: ShowState) -> NextAction | None:
    phase = state.phase
    if phase == Phase.FINISHED:
        return None
    if phase == Phase.SETUP:
        first = show.rounds[0]
        return NextAction(f"开始 {first.title}", c.StartRound(first.id))
    if phase == Phase.PRESENTED:
        kind = current_kind(show, state)
        return NextAction("开始抢答" if kind in (RoundKind.BUZZ, TIEBREAK) else "开始计时", c.Go())
    if phase == Phase.BUZZ_OPEN:
        return NextAction("等待抢答…", None)
    if phase == Phase.ANSWERING:
        kind = current_kind(show, state)
        return NextAction("勾选找到的错误" if kind == RoundKind.CORRECTION else "判定：正确 / 错误", None)
    question = state.question
    if phase == Phase.QUESTION_DONE and question is not None:
        errors = len(show.question(question.question_id).errors)
        if errors and question.revealed_errors < errors:
            return NextAction(f"揭晓第 {question.revealed_errors + 1} 处错误", c.Reveal())
        if not errors and not question.revealed:
            return NextAction("揭晓答案", c.Reveal())
    return _between_questions(show, state)


def _between_questions(show: Show, state: ShowState) -> NextAction | None:
    kind = current_kind(show, state)
    round_state = state.round
    if kind == TIEBREAK and state.tiebreak and not state.tiebreak.done:
        return NextAction("加赛下一题", c.Next())
    if round_state is not None:
        round_ = show.round(round_state.round_id)
        assert round_ is not None
        if kind in (RoundKind.COMPULSORY, RoundKind.CORRECTION) and round_state.turn < len(round_state.turns):
            team = show.team(round_state.turns[round_state.turn])
            return NextAction(f"下一题（{team.name if team else ''}）", c.Next())
        if isinstance(round_.rules, BuzzRules) and round_state.asked < round_.rules.questions:
            return NextAction(f"下一题（第 {round_state.asked + 1} 题）", c.Next())
        if kind == RoundKind.RISK and round_state.turn < len(round_state.turns):
            team = show.team(round_state.turns[round_state.turn])
            return NextAction(f"{team.name if team else ''} 选择档位", None)
        if kind == RoundKind.JUDGED and len(round_state.paneled) < len(show.teams):
            return NextAction("录入评委评分", None)
    upcoming = [r for r in show.rounds if r.id not in state.rounds_started]
    if upcoming:
        return NextAction(f"开始 {upcoming[0].title}", c.StartRound(upcoming[0].id))
    if state.tiebreak is None and show.tiebreak_pool and straddling_ties(show, state):
        return NextAction("开始加赛", c.StartTiebreak())
    return NextAction("结束比赛，公布成绩", c.Finish())



def upcoming_question(show: Show, state: ShowState) -> Question | None:
    """The question the next draw will present, for the operator's eyes only: the first unused one of the pool in
    play (the engine draws in bank order). None in a risk round, where the team's chosen tier decides."""
    kind = current_kind(show, state)
    if kind == TIEBREAK:
        pool = show.tiebreak_pool
    elif state.round is not None and kind != RoundKind.RISK:
        round_ = show.round(state.round.round_id)
        pool = round_.pool if round_ else None
    else:
        return None
    current = state.question.question_id if state.question else None
    return next((question for question in show.pool(pool or "")
                 if question.id not in state.used and question.id != current), None)

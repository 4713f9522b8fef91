"""The console's one obvious next action at every moment (formats: the script vocabulary)."""

from __future__ import annotations

from dataclasses import dataclass

from stageshow.domain import commands as c
from stageshow.domain.context import TIEBREAK
from stageshow.domain.model import BuzzRules, Question, RoundKind, Show
from stageshow.domain.phases import Phase
from stageshow.domain.standings import straddling_ties
from stageshow.app.snapshots import current_kind
from stageshow.i18n import render
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
        return NextAction(render("next_start_round", round=first.title), c.StartRound(first.id))
    if phase == Phase.PRESENTED:
        kind = current_kind(show, state)
        return NextAction(render("next_go_buzz" if kind in (RoundKind.BUZZ, TIEBREAK) else "next_go_clock"), c.Go())
    paused = state.countdown is not None and state.countdown.deadline is None
    if phase == Phase.BUZZ_OPEN:
        if paused:  # after a pause or a resume: the buzzers open again on the operator's word
            return NextAction(render("next_reopen_buzz"), c.ResumeClock())
        return NextAction(render("next_wait_buzz"), None)
    if phase == Phase.ANSWERING:
        if paused:
            return NextAction(render("next_resume_clock"), c.ResumeClock())
        kind = current_kind(show, state)
        return NextAction(render("next_tick_errors" if kind == RoundKind.CORRECTION else "next_judge"), None)
    question = state.question
    if phase == Phase.QUESTION_DONE and question is not None:
        errors = len(show.question(question.question_id).errors)
        if errors and question.revealed_errors < errors:
            return NextAction(render("next_reveal_error", number=question.revealed_errors + 1), c.Reveal())
        if not errors and not question.revealed:
            return NextAction(render("next_reveal_answer"), c.Reveal())
    return _between_questions(show, state)


def _between_questions(show: Show, state: ShowState) -> NextAction | None:
    kind = current_kind(show, state)
    round_state = state.round
    if kind == TIEBREAK and state.tiebreak and not state.tiebreak.done:
        return NextAction(render("next_tiebreak_question"), c.Next())
    if round_state is not None:
        round_ = show.round(round_state.round_id)
        assert round_ is not None
        if kind in (RoundKind.COMPULSORY, RoundKind.CORRECTION) and round_state.turn < len(round_state.turns):
            team = show.team(round_state.turns[round_state.turn])
            return NextAction(render("next_question_team", team=team.name if team else ""), c.Next())
        if isinstance(round_.rules, BuzzRules) and round_state.asked < round_.rules.questions:
            return NextAction(render("next_question_number", number=round_state.asked + 1), c.Next())
        if kind == RoundKind.RISK and round_state.turn < len(round_state.turns):
            team = show.team(round_state.turns[round_state.turn])
            return NextAction(render("next_choose_tier", team=team.name if team else ""), None)
        if kind == RoundKind.JUDGED and len(round_state.paneled) < len(show.teams):
            return NextAction(render("next_panel"), None)
    upcoming = [r for r in show.rounds if r.id not in state.rounds_started]
    if upcoming:
        return NextAction(render("next_start_round", round=upcoming[0].title), c.StartRound(upcoming[0].id))
    if state.tiebreak is None and show.tiebreak_pool and straddling_ties(show, state):
        return NextAction(render("next_start_tiebreak"), c.StartTiebreak())
    return NextAction(render("next_finish"), c.Finish())



def upcoming_question(show: Show, state: ShowState) -> Question | None:
    """The question the next draw will present, for the operator's eyes only: the first unused one of the pool the
    next draw takes from (the engine draws in bank order): this round's while it has draws left, else the next
    round's. None where no draw is next: a risk round (the team's chosen tier decides), a judged round, the end."""
    kind = current_kind(show, state)
    if kind == TIEBREAK:
        pool = show.tiebreak_pool
    elif state.round is not None and _draws_left(show, state):
        round_ = show.round(state.round.round_id)
        pool = round_.pool if round_ else None
    else:
        upcoming = next((r for r in show.rounds if r.id not in state.rounds_started), None)
        drawn = upcoming is not None and upcoming.kind in (RoundKind.COMPULSORY, RoundKind.BUZZ, RoundKind.CORRECTION)
        pool = upcoming.pool if drawn and upcoming else None
    if pool is None:
        return None
    current = state.question.question_id if state.question else None
    return next((question for question in show.pool(pool)
                 if question.id not in state.used and question.id != current), None)


def _draws_left(show: Show, state: ShowState) -> bool:
    """Whether the round in play presents another question after the current one."""
    round_state = state.round
    assert round_state is not None
    round_ = show.round(round_state.round_id)
    if round_ is None or round_.kind in (RoundKind.RISK, RoundKind.JUDGED):
        return False
    if isinstance(round_.rules, BuzzRules):
        return round_state.asked < round_.rules.questions
    return round_state.turn < len(round_state.turns)

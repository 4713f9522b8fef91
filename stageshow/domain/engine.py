"""The engine: `decide` turns a command at a moment into events; `apply` (in apply.py) folds them into state.

    decision = engine.decide(command, now)   # pure: the live state is untouched
    store.append(decision.events)            # durable first ...
    engine.accept(decision)                  # ... then the state moves on

Replay is `Engine.replay(show, logged_events)`: the same `apply`, so a resumed show equals the live one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from stageshow.domain import buzzing, judged, turns
from stageshow.domain import commands as c
from stageshow.domain import events as e
from stageshow.domain.apply import apply
from stageshow.domain.context import TIEBREAK, Context, seconds_to_ns
from stageshow.domain.errors import RuleViolation
from stageshow.domain.model import RoundKind, Show
from stageshow.domain.phases import allows
from stageshow.domain.standings import straddling_ties
from stageshow.domain.state import ShowState, initial_state
from stageshow.domain.vocabulary import command_to_step


@dataclass(frozen=True)
class Decision:
    events: list[tuple[e.Event, int]]  # (event, show-clock ns)
    state: ShowState  # the state after the events


class Engine:
    def __init__(self, show: Show, state: ShowState | None = None) -> None:
        self.show = show
        self.state = state or initial_state([team.id for team in show.teams], show.base_score)

    @classmethod
    def replay(cls, show: Show, logged: Iterable[tuple[e.Event, int]]) -> Engine:
        engine = cls(show)
        for event, at in logged:
            apply(engine.state, event, at)
        return engine

    def decide(self, command: c.Command, now: int, step: int | None = None) -> Decision:
        """The events `command` causes at `now`, or RuleViolation. Deadlines due by `now` expire first."""
        ctx = Context(self.show, self.state.clone(), max(now, self.state.clock))
        _expire_due(ctx)
        if not isinstance(command, c.Tick):
            if not allows(ctx.state.phase, command):
                raise RuleViolation("not_now", phase=ctx.state.phase.value, command=command_to_step(command)[0])
            _HANDLERS[type(command)](ctx, command)
        events = ctx.emitted
        if events or not isinstance(command, c.Tick):
            name, args = command_to_step(command)
            events.insert(0, (e.CommandAccepted(name, args, step), ctx.now))
        return Decision(events, ctx.state)

    def accept(self, decision: Decision) -> None:
        self.state = decision.state

    def handle(self, command: c.Command, now: int, step: int | None = None) -> list[tuple[e.Event, int]]:
        """Decide and accept at once: for tests and for callers with no log."""
        decision = self.decide(command, now, step)
        self.accept(decision)
        return decision.events


# --- the clock ------------------------------------------------------------------------------------------------

def _expire_due(ctx: Context) -> None:
    """Every countdown or buzz window whose deadline is due takes effect at its exact deadline, in order."""
    while True:
        countdown = ctx.state.countdown
        if countdown is None or countdown.deadline is None or countdown.deadline > ctx.now:
            return
        at = countdown.deadline
        if countdown.purpose == "buzz":
            ctx.emit(e.QuestionVoided("no_press"), at)
        elif ctx.kind == RoundKind.CORRECTION:
            ctx.emit(e.CountdownExpired("answer"), at)  # time is up; the judges still tick what was found
        elif ctx.is_buzz_like():
            buzzing.judge(ctx, c.Verdict.TIMEOUT, at)
        else:
            _judge_turn(ctx, c.Verdict.TIMEOUT, at)


# --- commands -------------------------------------------------------------------------------------------------

def _start_round(ctx: Context, command: c.StartRound) -> None:
    round_ = ctx.show.round(command.round_id)
    if round_ is None:
        raise RuleViolation("unknown_round", round=command.round_id)
    if command.round_id in ctx.state.rounds_started:
        raise RuleViolation("round_started_already", round=command.round_id)
    if ctx.state.tiebreak is not None:
        raise RuleViolation("tiebreak_started")
    expected = next(r.id for r in ctx.show.rounds if r.id not in ctx.state.rounds_started)
    if command.round_id != expected:
        raise RuleViolation("round_out_of_order", round=command.round_id, expected=expected)
    ctx.emit(e.RoundStarted(round_.id, turns.turn_order(ctx.show, ctx.state, round_)))


def _next(ctx: Context, command: c.Next) -> None:
    kind = ctx.kind
    if kind is None:
        raise RuleViolation("no_round")
    if kind in (RoundKind.BUZZ, TIEBREAK):
        buzzing.present_next(ctx)
    elif kind in (RoundKind.COMPULSORY, RoundKind.CORRECTION):
        turns.present_next_turn(ctx)
    else:
        raise RuleViolation("no_next_in_kind", kind=kind)


def _go(ctx: Context, command: c.Go) -> None:
    if ctx.is_buzz_like():
        buzzing.open_buzzers(ctx)
    else:
        turns.start_answer_countdown(ctx)


def _judge(ctx: Context, command: c.Judge) -> None:
    if ctx.is_buzz_like():
        buzzing.judge(ctx, command.verdict, ctx.now)
    elif ctx.kind in (RoundKind.COMPULSORY, RoundKind.RISK):
        _judge_turn(ctx, command.verdict, ctx.now)
    else:
        raise RuleViolation("judge_not_here")


def _judge_turn(ctx: Context, verdict: c.Verdict, at: int) -> None:
    question = ctx.state.question
    if question is None or question.team is None:
        raise RuleViolation("nobody_answering")
    points = turns.turn_points(ctx, verdict)
    ctx.emit(e.UndoPoint(f"judge {question.team} {verdict.value}"), at)
    ctx.emit(e.Judged(question.team, verdict.value, points), at)


def _found(ctx: Context, command: c.Found) -> None:
    turns.found(ctx, command)


def _adjust(ctx: Context, command: c.Adjust) -> None:
    team = ctx.team(command.team)
    if not command.reason.strip():
        raise RuleViolation("reason_required")
    ctx.emit(e.UndoPoint(f"adjust {team.id}"))
    ctx.emit(e.Adjusted(team.id, command.points, command.reason.strip()))


def _undo(ctx: Context, command: c.Undo) -> None:
    if not ctx.state.undo_stack:
        raise RuleViolation("nothing_to_undo")
    entry = ctx.state.undo_stack[-1]
    change = {
        team: entry.before.scores[team] - score
        for team, score in ctx.state.scores.items()
        if entry.before.scores[team] != score
    }
    ctx.emit(e.Undone(entry.label, change))


def _start_tiebreak(ctx: Context, command: c.StartTiebreak) -> None:
    if ctx.state.tiebreak is not None:
        raise RuleViolation("tiebreak_started")
    unstarted = [r.id for r in ctx.show.rounds if r.id not in ctx.state.rounds_started]
    if unstarted:
        raise RuleViolation("rounds_left", round=unstarted[0])
    if not ctx.show.tiebreak_pool:
        raise RuleViolation("no_tiebreak_pool")
    groups = straddling_ties(ctx.show, ctx.state)
    if not groups:
        raise RuleViolation("no_ties")
    ctx.emit(e.TiebreakStarted(groups))


def _finish(ctx: Context, command: c.Finish) -> None:
    unstarted = [r.id for r in ctx.show.rounds if r.id not in ctx.state.rounds_started]
    if unstarted:
        raise RuleViolation("rounds_left_finish", round=unstarted[0])
    ctx.emit(e.ShowFinished())


def _reveal(ctx: Context, command: c.Reveal) -> None:
    question = ctx.question()
    state_question = ctx.state.question
    assert state_question is not None
    if question.errors:
        if state_question.revealed_errors >= len(question.errors):
            raise RuleViolation("all_revealed")
        ctx.emit(e.AnswerRevealed(error=state_question.revealed_errors + 1))
    elif state_question.revealed:
        raise RuleViolation("all_revealed")
    else:
        ctx.emit(e.AnswerRevealed())


def _pause(ctx: Context, command: c.PauseClock) -> None:
    countdown = ctx.state.countdown
    if countdown is None or countdown.deadline is None:
        raise RuleViolation("no_running_clock")
    ctx.emit(e.CountdownPaused(countdown.deadline - ctx.now))


def _resume(ctx: Context, command: c.ResumeClock) -> None:
    countdown = ctx.state.countdown
    if countdown is None or countdown.deadline is not None:
        raise RuleViolation("no_paused_clock")
    ctx.emit(e.CountdownResumed(ctx.now + (countdown.remaining or 0)))


def _add_time(ctx: Context, command: c.AddTime) -> None:
    if ctx.state.countdown is None or command.seconds <= 0:
        raise RuleViolation("no_clock")
    ctx.emit(e.CountdownExtended(seconds_to_ns(command.seconds)))


def _recover(ctx: Context, command: c.Recover) -> None:
    """After a restart, given the last moment the show is known to have run: a running countdown, or open buzzers,
    come back paused with what they had left then; the operator starts them again."""
    countdown = ctx.state.countdown
    if countdown is not None and countdown.deadline is not None:
        ctx.emit(e.CountdownPaused(max(0, countdown.deadline - ctx.now)))


_HANDLERS: dict[type, Callable[[Context, Any], None]] = {
    c.StartRound: _start_round,
    c.Next: _next,
    c.Go: _go,
    c.Press: buzzing.press,
    c.Judge: _judge,
    c.Choose: turns.choose,
    c.Pass: turns.pass_turn,
    c.Found: _found,
    c.Claims: turns.claims,
    c.Panel: judged.panel,
    c.Sheet: judged.sheet,
    c.Unlock: judged.unlock,
    c.OpenVoting: judged.open_voting,
    c.Ballot: judged.ballot,
    c.CloseVoting: judged.close_voting,
    c.Votes: judged.votes,
    c.Adjust: _adjust,
    c.Undo: _undo,
    c.StartTiebreak: _start_tiebreak,
    c.Finish: _finish,
    c.Reveal: _reveal,
    c.PauseClock: _pause,
    c.ResumeClock: _resume,
    c.AddTime: _add_time,
    c.Recover: _recover,
}


def total_of_score_events(show: Show, logged: Iterable[tuple[e.Event, int]]) -> dict[str, Decimal]:
    """Each team's base score plus the sum of its score events: what `verify` and the invariants compare."""
    totals = {team.id: show.base_score for team in show.teams}
    for event, _ in logged:
        for team, points in e.score_changes(event).items():
            totals[team] += points
    return totals

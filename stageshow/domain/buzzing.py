"""Buzz-in questions (抢答) and the sudden-death tie-break (加赛): opening, pressing, locking, fouls, reopening.

The earliest valid stamp wins, whatever order the presses arrive in: a press that arrives late with an earlier
stamp takes the lock over. Equal stamps follow the round's `tie` rule.
"""

from __future__ import annotations

from collections.abc import Callable

from stageshow.domain import commands as c
from stageshow.domain import events as e
from stageshow.domain.context import TIEBREAK, Context, seconds_to_ns
from stageshow.domain.errors import RuleViolation
from stageshow.domain.model import BuzzRules
from stageshow.domain.phases import Phase
from stageshow.domain.state import QuestionState


def present_next(ctx: Context) -> None:
    if ctx.kind == TIEBREAK:
        tiebreak = ctx.state.tiebreak
        assert tiebreak is not None
        if tiebreak.done:
            raise RuleViolation("tiebreak_done")
        question = ctx.next_unused(ctx.show.tiebreak_pool)
        if question is None:
            raise RuleViolation("pool_exhausted", pool=ctx.show.tiebreak_pool)
    else:
        rules = _rules(ctx)
        round_ = ctx.round
        assert round_ is not None and ctx.state.round is not None
        if ctx.state.round.asked >= rules.questions:
            raise RuleViolation("round_complete", round=round_.id)
        question = ctx.next_unused(round_.pool)
        if question is None:
            raise RuleViolation("pool_exhausted", pool=round_.pool)
    ctx.emit(e.QuestionPresented(question.id))


def open_buzzers(ctx: Context, at: int | None = None) -> None:
    """Open the buzzers for every team still eligible; with nobody left, the question ends."""
    at = ctx.now if at is None else at
    teams = ctx.still_eligible()
    if not teams:
        ctx.emit(e.QuestionVoided("no_team_left"), at)
        return
    duration = seconds_to_ns(_rules(ctx).buzz_window)
    ctx.emit(e.BuzzersOpened(teams, deadline=at + duration, duration=duration), at)


def press(ctx: Context, command: c.Press) -> None:
    team_id = ctx.team(command.team).id
    stamp = ctx.now if command.stamp is None else command.stamp
    question = ctx.state.question
    phase = ctx.state.phase

    def record(outcome: str, reaction: int | None = None) -> None:
        ctx.emit(e.PressRecorded(team_id, stamp, outcome, command.source, command.device, command.button, reaction))

    if question is None or not ctx.is_buzz_like() or phase not in (Phase.PRESENTED, Phase.BUZZ_OPEN, Phase.ANSWERING):
        record("ignored")
        return
    if phase == Phase.BUZZ_OPEN and _paused_when(ctx, question, stamp):
        record("ignored")  # the buzzers are paused (or were, when this press was made): it does not count
        return
    in_play = team_id in ctx.still_eligible()
    opened = question.opened_at
    tied_race = _from_the_tied_race(question, stamp)
    if phase == Phase.BUZZ_OPEN and tied_race and in_play and team_id in question.race_teams:
        _settle_the_tied_race(ctx, question, team_id, stamp, record)
        return
    if phase == Phase.PRESENTED or (phase == Phase.BUZZ_OPEN and opened is not None and stamp < opened):
        if not in_play:
            record("ignored")
            return
        ctx.emit(e.UndoPoint(f"foul {team_id}"))
        record("foul")
        ctx.emit(e.FoulCommitted(team_id, _rules(ctx).early_press))
        if phase == Phase.BUZZ_OPEN and not ctx.still_eligible():
            ctx.emit(e.QuestionVoided("no_team_left"))
        return
    if not in_play or team_id not in (question.race_teams if tied_race else question.eligible) \
            or team_id == question.team:
        record("ignored")
        return
    assert opened is not None and question.race_opened is not None
    reaction = stamp - (question.race_opened if tied_race else opened)
    if tied_race and question.tie_stamp is not None and stamp >= question.tie_stamp:
        record("late", reaction)  # at or after the tie of a race the tied teams have since re-run
        return
    if phase == Phase.BUZZ_OPEN:
        record("won", reaction)
        _lock(ctx, team_id, stamp, reaction)
        return
    # Someone already holds the lock: compare stamps, not arrival order.
    assert question.lock_stamp is not None and question.team is not None
    if stamp > question.lock_stamp:
        record("late", reaction)
    elif stamp < question.lock_stamp:
        record("won", reaction)
        _lock(ctx, team_id, stamp, reaction)
    elif _rules(ctx).tie == "seat":
        if ctx.team(team_id).seat < ctx.team(question.team).seat:
            record("won", reaction)
            _lock(ctx, team_id, stamp, reaction)
        else:
            record("tie", reaction)
    else:
        record("tie", reaction)
        _rearm(ctx, [question.team, team_id], stamp)


def _paused_when(ctx: Context, question: QuestionState, stamp: int) -> bool:
    countdown = ctx.state.countdown
    paused_now = countdown is not None and countdown.deadline is None
    return paused_now or (question.reopened_at is not None and stamp < question.reopened_at)


def _from_the_tied_race(question: QuestionState, stamp: int) -> bool:
    """A press stamped during a race that ended in a tie, arriving only after the tie re-armed the buzzers."""
    return (question.tie_stamp is not None and question.race_opened is not None and question.opened_at is not None
            and question.race_opened <= stamp < question.opened_at)


def _settle_the_tied_race(ctx: Context, question: QuestionState, team_id: str, stamp: int,
                          record: Callable[[str, int | None], None]) -> None:
    """Earlier than the tie: this team was first all along and wins. Equal: it joins the tie. Later (but before
    the buzzers re-opened): it was late in that race, not early in the new one."""
    assert question.tie_stamp is not None and question.race_opened is not None
    reaction = stamp - question.race_opened
    if stamp < question.tie_stamp:
        record("won", reaction)
        _lock(ctx, team_id, stamp, reaction)
        return
    if stamp > question.tie_stamp or team_id in question.eligible:
        record("late", reaction)
        return
    record("tie", reaction)
    _rearm(ctx, [*question.eligible, team_id], stamp)


def _rearm(ctx: Context, tied: list[str], stamp: int) -> None:
    """The `rearm` tie rule: the buzzers open again for the tied teams only, in the same race."""
    ctx.emit(e.BuzzTied(tied, stamp))
    duration = seconds_to_ns(_rules(ctx).buzz_window)
    ctx.emit(e.BuzzersOpened(tied, deadline=ctx.now + duration, duration=duration, rearm=True))


def _lock(ctx: Context, team_id: str, stamp: int, reaction: int) -> None:
    duration = seconds_to_ns(_rules(ctx).answer_time)
    ctx.emit(e.BuzzLocked(team_id, stamp, reaction, deadline=ctx.now + duration, duration=duration))


def judge(ctx: Context, verdict: c.Verdict, at: int) -> None:
    """Judge the team holding the lock; then reopen, place it in the tie-break, or end the question."""
    question = ctx.state.question
    if question is None or question.team is None or ctx.state.phase != Phase.ANSWERING:
        raise RuleViolation("nobody_answering")
    rules = _rules(ctx)
    team_id = question.team
    bank_question = ctx.question()
    if verdict == c.Verdict.CORRECT:
        points = bank_question.points if bank_question.points is not None else rules.correct
    elif verdict == c.Verdict.TIMEOUT and rules.timeout is not None:
        points = rules.timeout
    else:
        points = rules.wrong
    if ctx.kind == TIEBREAK:
        points = rules.correct  # the tie-break orders teams; it never scores
    ctx.emit(e.UndoPoint(f"judge {team_id} {verdict.value}"), at)
    ctx.emit(e.Judged(team_id, verdict.value, points), at)
    if ctx.kind == TIEBREAK:
        ctx.emit(e.TiebreakPlaced(team_id, "top" if verdict == c.Verdict.CORRECT else "bottom"), at)
    elif verdict != c.Verdict.CORRECT and rules.after_wrong == "reopen" and ctx.still_eligible():
        open_buzzers(ctx, at)


def _rules(ctx: Context) -> BuzzRules:
    rules = ctx.rules
    if not isinstance(rules, BuzzRules):
        raise RuleViolation("only_in_kind", kind="buzz")
    return rules

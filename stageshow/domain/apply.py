"""Apply one event to the state. The only place state changes; live play and replay both come through here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from stageshow.domain import events as e
from stageshow.domain.phases import Phase
from stageshow.domain.state import Countdown, Press, QuestionState, RoundState, ShowState, TiebreakState, UndoEntry


def apply(state: ShowState, event: e.Event, at: int) -> None:
    state.clock = max(state.clock, at)
    for team, points in e.score_changes(event).items():
        state.scores[team] += points
        state.last_change[team] = points
    handler = _HANDLERS.get(type(event))
    if handler:
        handler(state, event, at)


def _round_started(state: ShowState, event: e.RoundStarted, at: int) -> None:
    state.round = RoundState(round_id=event.round_id, turns=list(event.turns))
    state.rounds_started.append(event.round_id)
    state.question = None
    state.countdown = None
    state.phase = Phase.ROUND_READY


def _question_presented(state: ShowState, event: e.QuestionPresented, at: int) -> None:
    state.used.add(event.question_id)
    state.question = QuestionState(event.question_id, team=event.team, member=event.member, tier=event.tier)
    state.countdown = None
    if state.tiebreak is not None and state.round is None:
        state.tiebreak.asked += 1
    elif state.round is not None:
        state.round.asked += 1
        if event.team is not None and state.round.turns:
            state.round.turn += 1
        if event.tier is not None and event.team is not None:
            state.round.tiers_used.setdefault(event.team, []).append(event.tier)
    state.phase = Phase.PRESENTED


def _team_passed(state: ShowState, event: e.TeamPassed, at: int) -> None:
    assert state.round is not None
    state.round.turn += 1
    state.round.passed.append(event.team)
    state.question = None
    state.phase = Phase.ROUND_READY


def _countdown_started(state: ShowState, event: e.CountdownStarted, at: int) -> None:
    state.countdown = Countdown(event.purpose, event.duration, event.deadline, split=event.split)
    state.phase = Phase.ANSWERING


def _buzzers_opened(state: ShowState, event: e.BuzzersOpened, at: int) -> None:
    assert state.question is not None
    state.question.eligible = list(event.teams)
    if not event.rearm:
        state.question.race_opened, state.question.race_teams = at, list(event.teams)
        state.question.tie_stamp = None
    state.question.opened_at = at
    state.question.opened_presses = len(state.question.presses)
    state.question.team = None
    state.question.lock_stamp = None
    state.countdown = Countdown("buzz", event.duration, event.deadline)
    state.phase = Phase.BUZZ_OPEN


def _press_recorded(state: ShowState, event: e.PressRecorded, at: int) -> None:
    if state.question is not None:
        state.question.presses.append(Press(event.team, event.stamp, event.outcome, event.reaction))


def _foul(state: ShowState, event: e.FoulCommitted, at: int) -> None:
    state.fouls[event.team] = state.fouls.get(event.team, 0) + 1
    if state.question is not None:
        state.question.fouled.append(event.team)
        if event.team in state.question.eligible:
            state.question.eligible.remove(event.team)


def _buzz_locked(state: ShowState, event: e.BuzzLocked, at: int) -> None:
    question = state.question
    assert question is not None
    if question.team is not None and question.team != event.team:
        # an earlier stamp arrived late: the previous winner lost after all
        _restate_presses(question, lambda press: press.team == question.team and press.outcome == "won", "late")
    question.team = event.team
    question.lock_stamp = event.stamp
    question.reaction = event.reaction
    state.countdown = Countdown("answer", event.duration, event.deadline)
    state.phase = Phase.ANSWERING


def _buzz_tied(state: ShowState, event: e.BuzzTied, at: int) -> None:
    assert state.question is not None
    _restate_presses(state.question,  # the provisional winner did not win after all
                     lambda press: press.team in event.teams and press.outcome == "won" and press.stamp == event.stamp,
                     "tie")
    state.question.tie_stamp = event.stamp
    state.question.team = None
    state.question.lock_stamp = None
    state.countdown = None


def _restate_presses(question: QuestionState, which: Callable[[Press], bool], outcome: str) -> None:
    question.presses = [replace(press, outcome=outcome) if which(press) else press for press in question.presses]


def _voided(state: ShowState, event: e.QuestionVoided, at: int) -> None:
    assert state.question is not None
    # Nobody pressed at all: void. Once a team has answered (and perhaps lost points) or every team is out, the
    # question is closed, not void: the hall must not read the points already lost as cancelled.
    untouched = event.reason == "no_press" and not state.question.answered
    state.question.verdict = "void" if untouched else "closed"
    state.countdown = None
    state.phase = Phase.QUESTION_DONE


def _judged(state: ShowState, event: e.Judged, at: int) -> None:
    question = state.question
    assert question is not None
    question.verdict = event.verdict
    question.answered.append(event.team)
    if event.team in question.eligible:
        question.eligible.remove(event.team)
    state.countdown = None
    state.phase = Phase.QUESTION_DONE  # a reopen follows as its own event


def _correction_scored(state: ShowState, event: e.CorrectionScored, at: int) -> None:
    assert state.question is not None
    state.question.found = list(event.found)
    state.question.claims = event.claims
    state.question.verdict = "scored"
    state.countdown = None
    state.phase = Phase.QUESTION_DONE


def _panel_scored(state: ShowState, event: e.PanelScored, at: int) -> None:
    assert state.round is not None
    state.round.paneled[event.team] = event.points
    state.round.panel_scores[event.team] = (tuple(event.scores), tuple(event.dropped))


def _votes_counted(state: ShowState, event: e.VotesCounted, at: int) -> None:
    assert state.round is not None
    state.round.votes_done = True
    state.round.votes = dict(event.votes)


def _sheet_submitted(state: ShowState, event: e.SheetSubmitted, at: int) -> None:
    assert state.round is not None
    state.round.sheets.setdefault(event.team, {})[event.judge] = tuple(event.scores)


def _sheet_unlocked(state: ShowState, event: e.SheetUnlocked, at: int) -> None:
    assert state.round is not None
    state.round.sheets.get(event.team, {}).pop(event.judge, None)


def _voting_opened(state: ShowState, event: e.VotingOpened, at: int) -> None:
    assert state.round is not None
    state.round.voting = "open"


def _ballot_cast(state: ShowState, event: e.BallotCast, at: int) -> None:
    assert state.round is not None
    state.round.ballots[event.voter] = tuple(event.teams)


def _voting_closed(state: ShowState, event: e.VotingClosed, at: int) -> None:
    assert state.round is not None
    state.round.voting = "closed"


def _undo_point(state: ShowState, event: e.UndoPoint, at: int) -> None:
    state.undo_stack.append(UndoEntry(event.label, at, state.clone()))


def _undone(state: ShowState, event: e.Undone, at: int) -> None:
    entry = state.undo_stack.pop()
    before = entry.before.clone()
    if before.countdown is not None and before.countdown.deadline is not None:
        # Back to the moment before the step, with the clock held: the countdown waits for the operator.
        before.countdown.remaining = max(0, before.countdown.deadline - entry.at)
        before.countdown.deadline = None
    before.clock = state.clock
    before.last_change = dict(event.points)
    if state.round is not None and before.round is not None and before.round.round_id == state.round.round_id:
        # Judges' sheets and ballots are what people handed in, not scores: an undo takes back the score, not them.
        before.round.sheets, before.round.ballots = state.round.sheets, state.round.ballots
        before.round.voting = state.round.voting
    state.__dict__.update(before.__dict__)


def _expired(state: ShowState, event: e.CountdownExpired, at: int) -> None:
    state.countdown = None


def _paused(state: ShowState, event: e.CountdownPaused, at: int) -> None:
    assert state.countdown is not None
    state.countdown.remaining = event.remaining
    state.countdown.deadline = None


def _resumed(state: ShowState, event: e.CountdownResumed, at: int) -> None:
    assert state.countdown is not None
    state.countdown.deadline = event.deadline
    state.countdown.remaining = None
    if state.countdown.purpose == "buzz" and state.question is not None:
        # The buzzers open afresh: a reaction counts from now, never across the pause (or a crash's outage).
        state.question.opened_at = state.question.race_opened = state.question.reopened_at = at


def _extended(state: ShowState, event: e.CountdownExtended, at: int) -> None:
    countdown = state.countdown
    assert countdown is not None
    countdown.duration += event.by
    if countdown.deadline is not None:
        countdown.deadline += event.by
    else:
        countdown.remaining = (countdown.remaining or 0) + event.by


def _revealed(state: ShowState, event: e.AnswerRevealed, at: int) -> None:
    assert state.question is not None
    state.question.revealed = True
    if event.error is not None:
        state.question.revealed_errors = max(state.question.revealed_errors, event.error)


def _tiebreak_started(state: ShowState, event: e.TiebreakStarted, at: int) -> None:
    state.round = None
    state.question = None
    state.countdown = None
    state.tiebreak = TiebreakState(groups=[list(group) for group in event.groups], remaining=list(event.groups[0]))
    state.phase = Phase.ROUND_READY


def _tiebreak_placed(state: ShowState, event: e.TiebreakPlaced, at: int) -> None:
    tiebreak = state.tiebreak
    assert tiebreak is not None
    tiebreak.remaining.remove(event.team)
    # Sort keys within a tie: placed above (0, n) < still tied (1, 0) < placed below (2, -n), later ones higher.
    if event.place == "top":
        tiebreak.order[event.team] = (0, len(tiebreak.top))
        tiebreak.top.append(event.team)
    else:
        tiebreak.order[event.team] = (2, -len(tiebreak.bottom))
        tiebreak.bottom.append(event.team)
    if len(tiebreak.remaining) <= 1:  # the group is ordered: move on to the next one
        tiebreak.current += 1
        tiebreak.top, tiebreak.bottom = [], []
        tiebreak.remaining = [] if tiebreak.done else list(tiebreak.groups[tiebreak.current])


def _finished(state: ShowState, event: e.ShowFinished, at: int) -> None:
    state.question = None
    state.countdown = None
    state.phase = Phase.FINISHED


_HANDLERS: dict[type, Callable[[ShowState, Any, int], None]] = {
    e.RoundStarted: _round_started,
    e.QuestionPresented: _question_presented,
    e.TeamPassed: _team_passed,
    e.CountdownStarted: _countdown_started,
    e.BuzzersOpened: _buzzers_opened,
    e.PressRecorded: _press_recorded,
    e.FoulCommitted: _foul,
    e.BuzzLocked: _buzz_locked,
    e.BuzzTied: _buzz_tied,
    e.QuestionVoided: _voided,
    e.Judged: _judged,
    e.CorrectionScored: _correction_scored,
    e.PanelScored: _panel_scored,
    e.VotesCounted: _votes_counted,
    e.SheetSubmitted: _sheet_submitted,
    e.SheetUnlocked: _sheet_unlocked,
    e.VotingOpened: _voting_opened,
    e.BallotCast: _ballot_cast,
    e.VotingClosed: _voting_closed,
    e.UndoPoint: _undo_point,
    e.Undone: _undone,
    e.CountdownExpired: _expired,
    e.CountdownPaused: _paused,
    e.CountdownResumed: _resumed,
    e.CountdownExtended: _extended,
    e.AnswerRevealed: _revealed,
    e.TiebreakStarted: _tiebreak_started,
    e.TiebreakPlaced: _tiebreak_placed,
    e.ShowFinished: _finished,
}

"""Undo and adjust: recorded as events, never deletions; undo returns to the moment before the step."""

from decimal import Decimal

import pytest

from stageshow.domain import commands as c
from stageshow.domain import events as e
from stageshow.domain.engine import Engine
from stageshow.domain.errors import RuleViolation
from stageshow.domain.phases import Phase
from stageshow.formats.show_file import load_show_or_raise
from tests.support import run_script, scores, write_show


def buzz_engine(tmp_path):
    show = write_show(tmp_path, [{"id": "R2", "kind": "buzz", "title": "抢答", "pool": "抢答", "questions": 5}],
                      teams=3)
    engine = Engine(load_show_or_raise(show))
    for command in (c.StartRound("R2"), c.Next()):
        engine.handle(command, 0)
    return engine


def test_undo_a_judgement_returns_to_awaiting_it_with_the_countdown_held(tmp_path):
    engine = buzz_engine(tmp_path)
    engine.handle(c.Go(), 0)
    engine.handle(c.Press("T02"), 1_000_000_000)
    engine.handle(c.Judge(c.Verdict.WRONG), 11_000_000_000)
    assert engine.state.scores["T02"] == -10
    events = engine.handle(c.Undo(), 12_000_000_000)
    assert [type(event) for event, _ in events] == [e.CommandAccepted, e.Undone]
    assert events[1][0].points == {"T02": 10}
    assert engine.state.scores["T02"] == 0
    assert engine.state.phase == Phase.ANSWERING and engine.state.question.team == "T02"
    assert engine.state.countdown.deadline is None and engine.state.countdown.remaining == 20_000_000_000
    engine.handle(c.Judge(c.Verdict.CORRECT), 13_000_000_000)
    assert engine.state.scores["T02"] == 10


def test_undo_a_foul_gives_the_team_its_place_back(tmp_path):
    engine = buzz_engine(tmp_path)
    engine.handle(c.Press("T01"), 0)
    assert engine.state.question.fouled == ["T01"]
    engine.handle(c.Undo(), 1)
    assert engine.state.question.fouled == [] and engine.state.scores["T01"] == 0
    engine.handle(c.Go(), 2)
    assert "T01" in engine.state.question.eligible


def test_undo_steps_back_one_scoring_step_at_a_time_and_then_refuses(tmp_path):
    show = write_show(tmp_path, [{"id": "R1", "kind": "compulsory", "title": "必答", "pool": "必答", "per_team": 1}],
                      teams=2)
    outcome = run_script(show, """
        - start: R1
        - next: {}
        - judge: correct
        - next: {}
        - judge: correct
        - adjust: {team: T02, points: -3, reason: 违规提示}
        - undo: {}
        - expect: {scores: {T01: 10, T02: 10}}
        - undo: {}
        - expect: {scores: {T01: 10, T02: 0}}
        - judge: wrong
        - undo: {}
        - undo: {}
        - expect: {scores: {T01: 0, T02: 0}}
        - undo: {}
    """)
    assert outcome.failed_step == 15 and "没有可以撤销" in outcome.failure


def test_adjust_needs_a_reason(tmp_path):
    show = write_show(tmp_path, [{"id": "R1", "kind": "compulsory", "title": "必答", "pool": "必答", "per_team": 1}],
                      teams=2)
    engine = Engine(load_show_or_raise(show))
    with pytest.raises(RuleViolation) as refused:
        engine.handle(c.Adjust("T01", Decimal(5), "  "), 0)
    assert refused.value.code == "reason_required"
    assert engine.state.scores["T01"] == 0


def test_undo_of_a_timeout_holds_the_clock_at_zero(tmp_path):
    show = write_show(tmp_path, [{"id": "R1", "kind": "compulsory", "title": "必答", "pool": "必答", "per_team": 1,
                                  "timeout": -1}], teams=2)
    outcome = run_script(show, """
        - start: R1
        - next: {}
        - go: {}
        - wait: 30
        - undo: {}
        - judge: correct
    """)
    assert scores(outcome) == {"T01": 10, "T02": 0}

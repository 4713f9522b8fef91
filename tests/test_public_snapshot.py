"""The stage's snapshot never holds the answer, explanation, basis or planted errors before they are revealed."""

import dataclasses
from decimal import Decimal

from stageshow.app.next_action import next_action
from stageshow.app.snapshots import public_snapshot
from stageshow.domain import commands as c
from stageshow.domain.engine import Engine
from stageshow.domain.phases import Phase
from stageshow.formats.show_file import load_show_or_raise
from tests.support import DEMO_SHOW

SECRET_FIELDS = ("answer", "explanation", "basis", "errors")


def everything_in(value) -> str:
    """Every string reachable from a snapshot, to search for leaks."""
    if dataclasses.is_dataclass(value):
        return " ".join(everything_in(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, dict):
        return " ".join(everything_in(k) + " " + everything_in(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return " ".join(everything_in(item) for item in value)
    return "" if value is None else str(value)


def secrets_of(question) -> list[str]:
    found = [text for text in (question.explanation, question.basis) if text and len(text) > 6]
    if question.type.value in ("short", "case") and question.answer:
        found.append(question.answer)
    for error in question.errors:
        found.append(error.text)
    return found


def test_no_question_of_the_demo_leaks_before_reveal():
    """Drive the demo final with the console's own next actions; check the stage snapshot at every phase."""
    show = load_show_or_raise(DEMO_SHOW)
    engine = Engine(show)
    now, checked = 0, set()
    for _ in range(3000):
        state = engine.state
        snapshot = public_snapshot(show, state)
        if state.question is not None:
            question = show.question(state.question.question_id)
            text = everything_in(snapshot)
            if not snapshot.question.revealed:
                for field in SECRET_FIELDS:
                    assert not getattr(snapshot.question, field), (question.id, field)
                for secret in secrets_of(question):
                    assert secret not in text, (question.id, state.phase, secret)
                checked.add(question.id)
            elif not question.errors:
                assert snapshot.question.answer == question.answer
        action = next_action(show, state)
        if action is None:
            break
        command = action.command
        if command is None:  # the operator's input: a tier, a buzz, a judgement, the errors found
            if state.phase == Phase.BUZZ_OPEN:
                command = c.Press(state.question.eligible[0])
            elif state.phase == Phase.ANSWERING and state.question.found is None and show.question(
                    state.question.question_id).errors:
                command = c.Found((1,))
            elif state.phase == Phase.ANSWERING:
                command = c.Judge(c.Verdict.CORRECT)
            else:
                team = state.round.turns[state.round.turn]
                command = c.Choose(team, Decimal((10, 20, 30)[state.round.turn % 3]))
        now += 1_000_000_000
        engine.handle(command, now)
    assert engine.state.phase == Phase.FINISHED
    assert len(checked) >= 70  # every question the demo final presents


def test_revealed_correction_errors_appear_one_by_one():
    show = load_show_or_raise(DEMO_SHOW)
    engine = Engine(show)
    for round_id in ("R1", "R2", "R3"):  # skip ahead: start each round without playing it
        engine.handle(c.StartRound(round_id), 0)
    engine.handle(c.StartRound("R4"), 0)
    engine.handle(c.Next(), 0)
    engine.handle(c.Found((2,)), 0)
    assert public_snapshot(show, engine.state).question.errors == ()
    engine.handle(c.Reveal(), 0)
    engine.handle(c.Reveal(), 0)
    revealed = public_snapshot(show, engine.state).question
    question = show.question(engine.state.question.question_id)
    assert [error.text for error in revealed.errors] == [error.text for error in question.errors[:2]]
    assert revealed.found == (2,)

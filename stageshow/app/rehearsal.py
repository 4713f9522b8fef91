"""Run a rehearsal script through the engine on a virtual clock, recording to the log exactly as live.

With a database that holds an unfinished rehearsal of the same show, the run resumes after the last committed step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from stageshow.app.result import show_result
from stageshow.app.session import ShowSession
from stageshow.domain import commands as c
from stageshow.domain import events as e
from stageshow.domain.context import seconds_to_ns
from stageshow.domain.errors import RuleViolation
from stageshow.domain.model import Show
from stageshow.domain.points import parse_points, to_json_number
from stageshow.domain.vocabulary import command_to_step
from stageshow.formats.script import Step
from stageshow.i18n import render
from stageshow.store.event_log import canonical


@dataclass
class RehearsalOutcome:
    result: dict[str, Any]
    failure: str | None = None
    failed_step: int | None = None
    resumed_after: int = 0  # steps skipped because the log already holds them


class StepFailed(Exception):
    pass


def rehearse(show: Show, root: Path, steps: list[Step], db_path: Path | None,
             on_commit: Callable[[int, int], None] | None = None, new_run: bool = False) -> RehearsalOutcome:
    """ShowChanged (the show's files) or ScriptChanged (the script) when the run in `db_path` cannot go on."""
    session = ShowSession.open(show, root, db_path, mode="rehearsal", new_run=new_run)
    try:
        done = check_committed_steps(session, steps)
    except ScriptChanged:
        session.close()
        raise
    clock = sum((step.advance for step in steps if step.number <= done), Decimal(0))
    outcome = RehearsalOutcome(result={}, resumed_after=done)
    for step in steps:
        if step.number <= done:
            continue
        clock += step.advance
        try:
            run_step(session, step, seconds_to_ns(clock))
        except (RuleViolation, StepFailed) as failure:
            outcome.failure = render("step_failed", number=step.number, line=step.line, reason=str(failure))
            outcome.failed_step = step.number
            break
        if on_commit is not None:
            on_commit(step.number, session.committed_seq)
    outcome.result = show_result(show, session.engine.state)
    session.close()
    return outcome


def run_step(session: ShowSession, step: Step, now: int) -> None:
    if step.name == "expect":
        check_expectation(session, step.value)
        return
    command = step.command if step.command is not None else c.Tick()
    session.submit(command, now, step.number)


class ScriptChanged(Exception):
    """The script no longer begins with the steps the database already holds: the rehearsal cannot go on."""


def committed_steps(session: ShowSession) -> dict[int, tuple[str, str, int]]:
    """Each step the log holds: its name, its value as canonical JSON, and the show-clock moment it ran."""
    return {event.step: (event.name, canonical({"v": event.args}), at) for event, at in session.logged_events()
            if isinstance(event, e.CommandAccepted) and event.step is not None}


def check_committed_steps(session: ShowSession, steps: list[Step]) -> int:
    """The number of the last step already done, after checking that the script's first steps are those steps:
    the same command with the same value at the same moment, none missing, none added."""
    logged = committed_steps(session)
    done = max(logged, default=0)
    clock = Decimal(0)
    by_number = {step.number: step for step in steps}
    for number in range(1, done + 1):
        step = by_number.get(number)
        if step is None:
            raise ScriptChanged(render("script_shorter", number=number, steps=done))
        clock += step.advance
        if step.command is None:  # a wait or an expectation: logged only when a deadline fell due in it
            if number in logged and step.name == "expect":
                raise _differs(step, logged[number][0])
            continue
        name, value = command_to_step(step.command)
        wanted = (name, canonical({"v": value}), seconds_to_ns(clock))
        if logged.get(number) != wanted:
            raise _differs(step, logged[number][0] if number in logged else "—")
    return done


def _differs(step: Step, logged_name: str) -> ScriptChanged:
    return ScriptChanged(render("script_differs", number=step.number, line=step.line, script=step.name,
                                logged=logged_name))


def check_expectation(session: ShowSession, expected: dict[str, Any]) -> None:
    scores = session.engine.state.scores
    differences = []
    for team, value in (expected.get("scores") or {}).items():
        if team not in scores:
            raise RuleViolation("unknown_team", team=team)
        try:
            wanted = parse_points(value)
        except ValueError:
            raise RuleViolation("bad_step", field="expect.scores", expected="numbers") from None
        if scores[team] != wanted:
            differences.append(render("expect_score", team=team, expected=to_json_number(wanted),
                                      actual=to_json_number(scores[team])))
    if differences:
        raise StepFailed("; ".join(differences))

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
from stageshow.formats.script import Step
from stageshow.i18n import render


@dataclass
class RehearsalOutcome:
    result: dict[str, Any]
    failure: str | None = None
    failed_step: int | None = None
    resumed_after: int = 0  # steps skipped because the log already holds them


class StepFailed(Exception):
    pass


def rehearse(show: Show, root: Path, steps: list[Step], db_path: Path | None,
             on_commit: Callable[[int, int], None] | None = None) -> RehearsalOutcome:
    session = ShowSession.open(show, root, db_path, mode="rehearsal")
    done = last_committed_step(session)
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


def last_committed_step(session: ShowSession) -> int:
    steps = [event.step for event, _ in session.logged_events()
             if isinstance(event, e.CommandAccepted) and event.step is not None]
    return max(steps, default=0)


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

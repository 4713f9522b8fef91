"""Rehearsal scripts (formats.md §5): a final written down as steps, checked before anything runs."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from stageshow.domain.commands import Command
from stageshow.domain.errors import RuleViolation
from stageshow.domain.points import parse_points
from stageshow.domain.vocabulary import step_to_command
from stageshow.formats.problems import Problems
from stageshow.formats.yaml_source import YamlList, YamlMap, read_yaml


MAX_STEP_SECONDS = Decimal(86_400)  # one step moves the clock a day at most


@dataclass(frozen=True)
class Step:
    number: int  # 1-based, as reported to the user
    line: int
    name: str
    value: Any
    command: Command | None  # None for wait and expect
    advance: Decimal  # seconds the clock moves before the step (press.after, wait)


def read_script(path: Path, problems: Problems) -> list[Step]:
    document = read_yaml(path, problems)
    if document is None:
        return []
    if not isinstance(document, YamlMap) or not isinstance(document.get("steps"), YamlList):
        problems.add(path, getattr(document, "line", 1), "script_no_steps")
        return []
    items: YamlList = document["steps"]
    steps = []
    for index, item in enumerate(items):
        line = items.line_of(index)
        number = index + 1
        if not isinstance(item, dict) or len(item) != 1:
            problems.add(path, line, "script_step_shape", number=number)
            continue
        ((name, value),) = item.items()
        try:
            steps.append(_step(number, line, str(name), value))
        except RuleViolation as violation:
            problems.add(path, line, "script_step_bad", number=number, reason=str(violation))
    return steps


def _step(number: int, line: int, name: str, value: Any) -> Step:
    if name == "wait":
        return Step(number, line, name, value, None, _seconds(value, "wait"))
    if name == "expect":
        if not isinstance(value, dict) or not isinstance(value.get("scores", {}), dict):
            raise RuleViolation("bad_step", field="expect", expected="{scores: {T01: 30}}")
        return Step(number, line, name, value, None, Decimal(0))
    advance = Decimal(0)
    if name == "press" and isinstance(value, dict) and "after" in value:
        advance = _seconds(value["after"], "press.after")
    return Step(number, line, name, value, step_to_command(name, value), advance)


def _seconds(value: Any, field: str) -> Decimal:
    """Seconds a step moves the clock: finite, not negative, at most a day (.nan, .inf and 1E+999999999 are not)."""
    try:
        seconds = parse_points(value) if not isinstance(value, float) else Decimal(repr(value))
    except ValueError:
        seconds = Decimal("NaN")
    if not seconds.is_finite() or not 0 <= seconds <= MAX_STEP_SECONDS:
        raise RuleViolation("bad_step", field=field, expected=f"0..{MAX_STEP_SECONDS}")
    return seconds

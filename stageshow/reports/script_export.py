"""A recorded show written back as a rehearsal script (formats.md §5) that rehearses to the same result."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from stageshow.domain import events as e
from stageshow.domain.points import normalize, to_json_number
from stageshow.store.event_log import EventLog

NS = Decimal(1_000_000_000)


def script_steps(log: EventLog) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = []
    previous = 0
    for item in log.events():
        event = item.event
        if not isinstance(event, e.CommandAccepted) or event.name == "recover":
            continue
        gap = normalize(Decimal(item.at - previous) / NS)
        previous = item.at
        if event.name == "press":
            value = dict(event.args)
            if gap:
                value["after"] = to_json_number(gap)
            steps.append({"press": value})
            continue
        if gap:
            steps.append({"wait": to_json_number(gap)})
        if event.name != "wait":
            steps.append({event.name: _plain(event.name, event.args)})
    return steps


def write_script(log: EventLog, out: Path) -> None:
    text = yaml.safe_dump({"steps": script_steps(log)}, allow_unicode=True, sort_keys=False,
                          default_flow_style=None, width=120)
    out.write_text(f"# {log.record().title}\n{text}", encoding="utf-8")


def _plain(name: str, value: Any) -> Any:
    """Points kept as text in the log (tiers, adjustments, judges' scores) go back to numbers in the script."""
    if name == "choose":
        return {**value, "tier": _number(value["tier"])}
    if name == "adjust":
        return {**value, "points": _number(value["points"])}
    if name == "panel":
        return {**value, "judges": [_number(score) for score in value["judges"]]}
    if name == "add_time":
        return _number(value)
    return value


def _number(text: str) -> int | float:
    return to_json_number(Decimal(text))

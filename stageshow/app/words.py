"""The engine's reasons in the operator's words: the engine speaks of ids and phases (a script's words, "T01",
"answering", "reveal"); the console names teams, rounds, phases and actions as the people in the hall do."""

from __future__ import annotations

from typing import Any

from stageshow.domain.errors import RuleViolation
from stageshow.domain.model import Show
from stageshow.i18n import render

_TEAM_PARAMS = ("team", "expected")
_ROUND_PARAMS = ("round", "expected")


def in_words(show: Show, violation: RuleViolation) -> str:
    params: dict[str, Any] = dict(violation.params)
    for key in _TEAM_PARAMS:
        team = show.team(str(params.get(key))) if key in params else None
        if team is not None:
            params[key] = f"{team.seat} {team.name}"
    for key in _ROUND_PARAMS:
        round_ = show.round(str(params.get(key))) if key in params else None
        if round_ is not None:
            params[key] = round_.title
    if "phase" in params:
        params["phase"] = render(f"phase_{params['phase']}")
    if "command" in params:
        params["command"] = render(f"action_{params['command']}")
    if "kind" in params:
        params["kind"] = render(f"round_kind_{params['kind']}")
    return render(violation.code, **params)

"""The step vocabulary of rehearsal scripts (formats.md §5), both ways: step ⇄ command.

The console records what it does in the same words, so a live show can be exported as a script.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from stageshow.domain import commands as c
from stageshow.domain.errors import RuleViolation
from stageshow.domain.points import format_points, parse_points

_NO_ARGS: dict[str, Callable[[], c.Command]] = {
    "next": c.Next,
    "go": c.Go,
    "undo": c.Undo,
    "tiebreak": c.StartTiebreak,
    "finish": c.Finish,
    "reveal": c.Reveal,
    "pause": c.PauseClock,
    "resume": c.ResumeClock,
    "recover": c.Recover,
}
_NAME_OF: dict[object, str] = {cls: name for name, cls in _NO_ARGS.items()}

STEP_NAMES = sorted({"start", "press", "judge", "choose", "pass", "found", "claims", "panel", "sheet", "unlock",
                     "voting", "ballot", "votes", "adjust", "wait", "expect", "add_time", *_NO_ARGS})


def command_to_step(command: c.Command) -> tuple[str, Any]:
    """The step name and its JSON-able value."""
    match command:
        case c.StartRound(round_id):
            return "start", round_id
        case c.Press():
            value: dict[str, Any] = {"team": command.team}
            for key in ("source", "device", "button"):
                if getattr(command, key) and getattr(command, key) != "script":
                    value[key] = getattr(command, key)
            return "press", value
        case c.Judge(verdict):
            return "judge", verdict.value
        case c.Choose(team, tier):
            return "choose", {"team": team, "tier": format_points(tier)}
        case c.Pass(team):
            return "pass", {"team": team}
        case c.Found(errors):
            return "found", list(errors)
        case c.Claims(count):
            return "claims", count
        case c.Panel(team, scores):
            if not scores:
                return "panel", {"team": team}
            return "panel", {"team": team, "judges": [format_points(score) for score in scores]}
        case c.Sheet(team, judge, scores):
            return "sheet", {"team": team, "judge": judge, "scores": [format_points(score) for score in scores]}
        case c.Unlock(team, judge, reason):
            return "unlock", {"team": team, "judge": judge, "reason": reason}
        case c.OpenVoting():
            return "voting", "open"
        case c.CloseVoting():
            return "voting", "close"
        case c.Ballot(voter, teams):
            return "ballot", {"voter": voter, "teams": list(teams)}
        case c.Votes(votes):
            return "votes", dict(votes)
        case c.Adjust(team, points, reason):
            return "adjust", {"team": team, "points": format_points(points), "reason": reason}
        case c.AddTime(seconds):
            return "add_time", format_points(seconds)
        case c.Tick():
            return "wait", {}
    return _NAME_OF[type(command)], {}


def step_to_command(name: str, value: Any) -> c.Command:
    """Build a command from a script step; RuleViolation (code `bad_step`) names what is wrong with it."""
    if name in _NO_ARGS:
        return _NO_ARGS[name]()
    if name == "start":
        return c.StartRound(_text(value, "start"))
    if name == "press":
        mapping = _mapping(value, "press")
        return c.Press(_text(mapping.get("team"), "press.team"), source=str(mapping.get("source", "script")),
                       device=str(mapping.get("device", "")), button=str(mapping.get("button", "")))
    if name == "judge":
        try:
            return c.Judge(c.Verdict(str(value)))
        except ValueError:
            raise RuleViolation("bad_step", field="judge", expected="correct | wrong | timeout") from None
    if name == "choose":
        mapping = _mapping(value, "choose")
        return c.Choose(_text(mapping.get("team"), "choose.team"), _points(mapping.get("tier"), "choose.tier"))
    if name == "pass":
        return c.Pass(_text(_mapping(value, "pass").get("team"), "pass.team"))
    if name == "found":
        if not isinstance(value, list) or not all(_is_int(item) for item in value):
            raise RuleViolation("bad_step", field="found", expected="[1, 3]")
        return c.Found(tuple(value))
    if name == "claims":
        if not _is_int(value):
            raise RuleViolation("bad_step", field="claims", expected="0, 1, 2 …")
        return c.Claims(value)
    if name == "panel":
        mapping = _mapping(value, "panel")
        scores = mapping.get("judges", [])  # none: commit the judges' own sheets
        if not isinstance(scores, list):
            raise RuleViolation("bad_step", field="panel.judges", expected="[90, 92, 88, 95, 91]")
        return c.Panel(_text(mapping.get("team"), "panel.team"),
                       tuple(_points(score, "panel.judges") for score in scores))
    if name == "sheet":
        mapping = _mapping(value, "sheet")
        scores = mapping.get("scores")
        if not isinstance(scores, list) or not _is_int(mapping.get("judge")):
            raise RuleViolation("bad_step", field="sheet", expected="{team: T01, judge: 2, scores: [90]}")
        return c.Sheet(_text(mapping.get("team"), "sheet.team"), mapping["judge"],
                       tuple(_points(score, "sheet.scores") for score in scores))
    if name == "unlock":
        mapping = _mapping(value, "unlock")
        reason = mapping.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise RuleViolation("reason_required")
        if not _is_int(mapping.get("judge")):
            raise RuleViolation("bad_step", field="unlock.judge", expected="1, 2, 3 …")
        return c.Unlock(_text(mapping.get("team"), "unlock.team"), mapping["judge"], reason)
    if name == "voting":
        if value not in ("open", "close"):
            raise RuleViolation("bad_step", field="voting", expected="open | close")
        return c.OpenVoting() if value == "open" else c.CloseVoting()
    if name == "ballot":
        mapping = _mapping(value, "ballot")
        teams = mapping.get("teams")
        if not isinstance(teams, list):
            raise RuleViolation("bad_step", field="ballot.teams", expected="[T01]")
        return c.Ballot(_text(mapping.get("voter"), "ballot.voter"),
                        tuple(_text(team, "ballot.teams") for team in teams))
    if name == "votes":
        mapping = _mapping(value, "votes")
        if not all(_is_int(count) for count in mapping.values()):
            raise RuleViolation("bad_step", field="votes", expected="{T01: 12}")
        return c.Votes({str(team): count for team, count in mapping.items()})
    if name == "adjust":
        mapping = _mapping(value, "adjust")
        reason = mapping.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise RuleViolation("reason_required")
        return c.Adjust(_text(mapping.get("team"), "adjust.team"), _points(mapping.get("points"), "adjust.points"),
                        reason)
    if name == "add_time":
        return c.AddTime(_points(value, "add_time"))
    raise RuleViolation("unknown_step", step=name, known=", ".join(STEP_NAMES))


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _mapping(value: Any, field: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise RuleViolation("bad_step", field=field, expected="{…}")
    return value


def _text(value: Any, field: str) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        raise RuleViolation("bad_step", field=field, expected="text")
    return str(value)


def _points(value: Any, field: str) -> Decimal:
    try:
        return parse_points(value)
    except ValueError:
        raise RuleViolation("bad_step", field=field, expected="a number with at most 2 decimals") from None

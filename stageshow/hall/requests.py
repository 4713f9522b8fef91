"""What a device on the LAN may ask, as the engine's own commands. The role comes from the device's token, checked
by the server; the judge's number and the voter's id come from the token too, never from what the page sent, so a
judge cannot score another judge's slot and a phone cannot vote as another."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from stageshow.domain import commands as c
from stageshow.domain.points import parse_points

CONTROL_COMMANDS: dict[str, c.Command] = {
    "next": c.Next(), "go": c.Go(), "correct": c.Judge(c.Verdict.CORRECT), "wrong": c.Judge(c.Verdict.WRONG),
    "reveal": c.Reveal(),
}
HOST_COMMANDS = ("next", "go")  # the host's guarded buttons
MAX_TEAMS_NAMED = 30
MAX_SCORES = 20


class Refused(Exception):
    """A request that is not a command: the message says why, in the page's words."""


def command_for(request: dict[str, Any]) -> c.Command:
    role = request.get("role")
    if role == "judge":
        return c.Sheet(_short_text(request.get("team"), "队伍"), int(request["judge"]), _scores(request.get("scores")))
    if role == "voter":
        teams = request.get("teams")
        if not isinstance(teams, list) or not 1 <= len(teams) <= MAX_TEAMS_NAMED:
            raise Refused("请选择要投票的队伍")
        return c.Ballot(str(request["voter"]), tuple(_short_text(team, "队伍") for team in teams))
    if role in ("control", "host"):
        name = request.get("command")
        allowed = CONTROL_COMMANDS if role == "control" else {key: CONTROL_COMMANDS[key] for key in HOST_COMMANDS}
        if name not in allowed:
            raise Refused("可用的命令：" + " | ".join(allowed))
        return allowed[name]
    raise Refused("未知的请求")


def _short_text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= 16:
        raise Refused(f"{what}无效")
    return value


def _scores(value: Any) -> tuple[Decimal, ...]:
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_SCORES:
        raise Refused("请填写分数")
    try:
        if not all(isinstance(item, (int, float, str)) and len(str(item)) < 16 for item in value):
            raise ValueError(value)
        return tuple(parse_points(item) for item in value)
    except ValueError:
        raise Refused("分数应为数字，最多两位小数") from None

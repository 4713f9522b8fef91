"""An event in words for the printed log: its kind in Chinese (or English) and its content with names, seconds and
verdicts rather than ids, nanoseconds and codes. Qt-free: the Excel sheet uses it."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from typing import Any

from stageshow.app.show_changes import describe
from stageshow.domain import events as e
from stageshow.domain.model import Show
from stageshow.domain.points import format_points
from stageshow.i18n import render

NS_FIELDS = {"deadline", "duration", "split", "stamp", "reaction", "remaining", "by"}
SCORE_FIELDS = {"scores", "total"}  # a judge's marks: given, not added, so no sign
TEAM_FIELDS = {"team", "teams", "groups"}
WORDED = {"outcome": "outcome_", "verdict": "verdict_"}  # a field whose value has its own words


def kind_words(kind: str) -> str:
    return render(f"kind_{kind}")


def event_words(show: Show, event: e.Event) -> str:
    if isinstance(event, e.ShowRevised):
        return "；".join(describe(change) for change in event.changes)
    if isinstance(event, e.CommandAccepted):
        value = "" if event.args is None else " " + json.dumps(event.args, ensure_ascii=False)
        step = render("words_step", step=event.step) if event.step is not None else ""
        return f"{event.name}{value}{step}"
    parts = []
    for field in dataclasses.fields(event):
        value = getattr(event, field.name)
        if value is None or value == [] or value == "":
            continue
        parts.append(f"{render('words_' + field.name)}：{_value(show, field.name, value)}")
    return "；".join(parts)


def _value(show: Show, name: str, value: Any) -> str:
    if name in NS_FIELDS:
        return render("words_seconds", seconds=f"{value / 1e9:.2f}")
    if name in TEAM_FIELDS:
        return _teams(show, value)
    if name == "dropped":  # indexes into the panel's scores: said as the judges' numbers
        return render("words_dropped_judges", judges="、".join(str(index + 1) for index in value))
    if name in SCORE_FIELDS:
        return "、".join(format_points(item) for item in value) if isinstance(value, list) else format_points(value)
    if name in WORDED:
        return render(WORDED[name] + value)
    if name == "round_id":
        round_ = show.round(value)
        return round_.title if round_ else value
    if name == "turns":
        return "、".join(_teams(show, team) for team in value)
    if isinstance(value, dict):
        return "，".join(f"{_teams(show, key)} {_plain(item)}" for key, item in value.items())
    if isinstance(value, list):
        return "、".join(_plain(item) for item in value)
    return _plain(value)


def _teams(show: Show, value: Any) -> str:
    if isinstance(value, list):
        return "；".join(_teams(show, item) for item in value) if value and isinstance(value[0], list) \
            else "、".join(_teams(show, item) for item in value)
    team = show.team(value)
    return team.name if team else str(value)


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return render("words_yes") if value else render("words_no")
    if isinstance(value, Decimal):
        return f"{value:+}" if value else "0"
    return str(value)

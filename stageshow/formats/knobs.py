"""The knobs of each round kind (formats.md §1): their kinds of value, read into the rules dataclasses."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from stageshow.domain.model import RULES_BY_KIND, Criterion, RoundKind, Rules
from stageshow.domain.points import parse_points
from stageshow.formats.fields import FieldReader

POINTS, SECONDS, SECONDS_OR_ZERO, FACTOR, POSITIVE = "points", "seconds", "seconds0", "factor", "positive"

KNOBS: dict[RoundKind, dict[str, Any]] = {
    RoundKind.COMPULSORY: {"per_team": ("int", 1), "order": ("team_by_team", "interleaved"), "correct": POINTS,
                           "wrong": POINTS, "timeout": POINTS, "time_limit": SECONDS},
    RoundKind.BUZZ: {"questions": ("int", 1), "correct": POINTS, "wrong": POINTS, "timeout": POINTS,
                     "answer_time": SECONDS, "buzz_window": SECONDS, "early_press": POINTS,
                     "after_wrong": ("close", "reopen"), "tie": ("rearm", "seat")},
    RoundKind.RISK: {"tiers": "tiers", "per_team": ("int", 1), "order": ("score_asc", "seat", "score_desc"),
                     "wrong_factor": FACTOR, "allow_pass": bool, "discussion_time": SECONDS_OR_ZERO,
                     "time_limit": SECONDS},
    RoundKind.CORRECTION: {"per_team": ("int", 1), "per_error": POINTS, "wrong_claim": POINTS, "cap": POINTS,
                           "floor": POINTS, "show_error_count": bool, "replays": ("int", 0),
                           "time_limit": SECONDS},
    RoundKind.JUDGED: {"judges": ("int", 1), "max": POSITIVE, "drop_extremes": bool, "weight": FACTOR,
                       "per_vote": POINTS, "criteria": "criteria", "votes_per_ballot": ("int", 1)},
}


def read_rules(kind: RoundKind, reader: FieldReader) -> Rules:
    """The round's rules: each knob given is checked; the others keep their defaults."""
    values: dict[str, Any] = {}
    for name, spec in KNOBS[kind].items():
        if name not in reader.record:
            continue
        value = _read_knob(reader, name, spec)
        if value is not None:
            values[name] = value
    if values.get("criteria"):  # the sheet's lines add up to the judge's score
        total = sum((criterion.max for criterion in values["criteria"]), Decimal(0))
        if "max" in values and values["max"] != total:
            reader.problem("max", "criteria_max_sum", max=values["max"], total=total)
        values["max"] = total
    return RULES_BY_KIND[kind](**values)  # type: ignore[no-any-return]


def _read_knob(reader: FieldReader, name: str, spec: Any) -> Any:
    if spec is bool:
        return reader.boolean(name)
    if spec == "tiers":
        return _tiers(reader, name)
    if spec == "criteria":
        return _criteria(reader, name)
    if isinstance(spec, tuple) and spec[0] == "int":
        return reader.integer(name, minimum=spec[1])
    if isinstance(spec, tuple):
        return reader.choice(name, spec)
    if spec in (SECONDS, POSITIVE):
        return reader.number(name, positive=True)
    if spec in (SECONDS_OR_ZERO, FACTOR):
        return reader.number(name, minimum=Decimal(0))
    return reader.number(name)


def _tiers(reader: FieldReader, name: str) -> tuple[Decimal, ...] | None:
    raw = reader.record.get(name)
    if not isinstance(raw, list) or not raw:
        reader.problem(name, "tiers_not_list")
        return None
    tiers = []
    for value in raw:
        try:
            tier = parse_points(value)
        except ValueError:
            tier = None
        if tier is None or tier <= 0:
            reader.problem(name, "tiers_not_list")
            return None
        tiers.append(tier)
    if len(set(tiers)) != len(tiers):
        reader.problem(name, "tiers_repeated")
        return None
    return tuple(tiers)


def _criteria(reader: FieldReader, name: str) -> tuple[Criterion, ...] | None:
    """[{name: 执法程序, max: 40}, …]: each line a name of its own and a positive maximum."""
    raw = reader.record.get(name)
    if not isinstance(raw, list) or not raw:
        reader.problem(name, "criteria_not_list")
        return None
    criteria = []
    for item in raw:
        label = item.get("name") if isinstance(item, dict) else None
        try:
            most = parse_points(item.get("max")) if isinstance(item, dict) else None
        except ValueError:
            most = None
        if not isinstance(label, str) or not label.strip() or most is None or most <= 0:
            reader.problem(name, "criteria_not_list")
            return None
        criteria.append(Criterion(label.strip(), most))
    if len({criterion.name for criterion in criteria}) != len(criteria):
        reader.problem(name, "criteria_repeated")
        return None
    return tuple(criteria)

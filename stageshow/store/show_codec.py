"""The show definition as JSON, stored with its event log so a database can be verified and exported alone.

Media paths are kept relative to the show's folder, so moving the folder keeps the same fingerprint.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any

from stageshow.domain.model import (
    RULES_BY_KIND,
    Award,
    Criterion,
    PlantedError,
    Question,
    QuestionType,
    Round,
    RoundKind,
    Show,
    Team,
)


def show_to_json(show: Show, root: Path) -> str:
    data = _plain(dataclasses.asdict(show))
    del data["network"]  # how the hall is reached is not part of the contest
    for team in data["teams"]:
        if team["short"] is None:
            del team["short"]  # as logs written before short names were fingerprinted: they still resume
    for round_ in data["rounds"]:  # likewise a judged round's later knobs, while they keep their defaults
        if round_["rules"].get("criteria") == []:
            del round_["rules"]["criteria"]
        if round_["rules"].get("votes_per_ballot") == 1 and round_["kind"] == RoundKind.JUDGED:
            del round_["rules"]["votes_per_ballot"]
    for question in data["questions"]:
        for key in ("image", "video"):
            if question[key]:
                question[key] = Path(os.path.relpath(question[key], root)).as_posix()
    for key, value in data["extras"].items():
        data["extras"][key] = Path(os.path.relpath(value, root)).as_posix()
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def fingerprint(show_json: str) -> str:
    return hashlib.sha256(show_json.encode("utf-8")).hexdigest()


def show_from_json(text: str, root: Path) -> Show:
    data = json.loads(text)
    teams = tuple(Team(**{**team, "members": tuple(team["members"])}) for team in data["teams"])
    rounds = tuple(
        Round(r["id"], RoundKind(r["kind"]), r["title"], r["pool"], _rules(RoundKind(r["kind"]), r["rules"]))
        for r in data["rounds"]
    )
    questions = tuple(_question(q, root) for q in data["questions"])
    return Show(
        title=data["title"], subtitle=data["subtitle"], teams=teams, rounds=rounds, questions=questions,
        base_score=Decimal(data["base_score"]), tiebreak_pool=data["tiebreak_pool"],
        awards=tuple(Award(**award) for award in data["awards"]),
        extras={key: str(root / value) for key, value in data["extras"].items()},
    )


def _rules(kind: RoundKind, values: dict[str, Any]) -> Any:
    criteria = tuple(Criterion(item["name"], Decimal(item["max"])) for item in values.get("criteria", ()))
    rules = _typed(RULES_BY_KIND[kind], {key: value for key, value in values.items() if key != "criteria"})
    return dataclasses.replace(rules, criteria=criteria) if criteria else rules


def _question(data: dict[str, Any], root: Path) -> Question:
    errors = tuple(
        PlantedError(e["text"], e["fix"], tuple(e["box"]) if e["box"] else None,  # type: ignore[arg-type]
                     Decimal(e["at"]) if e["at"] is not None else None)
        for e in data["errors"]
    )
    fields = _typed(Question, {k: v for k, v in data.items() if k not in ("errors", "type", "options")})
    for key in ("image", "video"):
        if getattr(fields, key):
            fields = dataclasses.replace(fields, **{key: str(root / getattr(fields, key))})
    return dataclasses.replace(fields, type=QuestionType(data["type"]), options=tuple(data["options"]),
                               errors=errors)


def _typed(cls: type, values: dict[str, Any]) -> Any:
    """Build a dataclass from JSON values, turning strings back into Decimals where the field holds points."""
    hints = typing.get_type_hints(cls)
    converted = {}
    for name, value in values.items():
        hint = hints[name]
        args = typing.get_args(hint)
        if isinstance(value, list):
            value = tuple(Decimal(item) for item in value) if args[:1] == (Decimal,) else tuple(value)
        elif value is not None and (hint is Decimal or Decimal in args):
            value = Decimal(value)
        converted[name] = value
    if cls is Question:
        converted.setdefault("type", QuestionType.SHORT)
        converted.setdefault("stem", "")
    return cls(**converted)


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value

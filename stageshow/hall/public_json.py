"""The public snapshot as JSON for the hall's pages: exactly what the stage shows, nothing more. Media go by URL
(the question on stage now), never by a path on this machine; points as numbers; times in milliseconds."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from stageshow.app.snapshots import PublicSnapshot
from stageshow.domain.points import to_json_number

PRIVATE_KEYS = {"image", "video", "background", "logo"}  # paths on this machine: replaced by URLs or dropped


def public_json(snapshot: PublicSnapshot, version: int) -> dict[str, Any]:
    data = _plain(dataclasses.asdict(snapshot))
    question = data.get("question")
    if question is not None:
        question["image"] = "/media/question" if snapshot.question and snapshot.question.image else None
        question.pop("video", None)  # a video plays on the stage only: a phone cannot keep time with it
    for key in ("background", "logo"):
        data.pop(key, None)
    data["version"] = version
    return data


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return to_json_number(value)
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value

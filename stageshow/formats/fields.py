"""Small readers for field values: each returns the value or None after adding a located problem."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Any

from stageshow.domain.points import parse_points
from stageshow.formats.problems import Problems

Where = int | str | None
# The Chinese a spreadsheet column is headed with, for a field whose column the user's sheet does not have.
FIELD_LABELS = {"id": "编号", "pool": "环节", "type": "题型", "stem": "题干", "answer": "答案", "options": "选项",
                "explanation": "解析", "basis": "依据", "tier": "档位", "points": "分值", "time_limit": "时限",
                "image": "图片", "video": "视频", "question": "题号", "text": "错误", "fix": "更正", "box": "区域",
                "at": "时间点"}


class FieldReader:
    """Reads the fields of one record (a YAML mapping or an Excel row), reporting problems where they are."""

    def __init__(self, record: dict[str, Any], path: Path, locate: Callable[[str], Where], problems: Problems):
        self.record = record
        self.path = path
        self.locate = locate
        self.problems = problems

    def has(self, key: str) -> bool:
        return self.record.get(key) not in (None, "")

    def problem(self, key: str, code: str, **params: Any) -> None:
        """A problem with a field, named as the user named it (an Excel column's header) where we know it."""
        labels = getattr(self.record, "labels", None)  # only a spreadsheet row has column names
        label = key if labels is None else labels.get(key) or FIELD_LABELS.get(key, key)
        self.problems.add(self.path, self.locate(key), code, field=label, **params)

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.record.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problem(key, "field_required")
            return None
        if isinstance(value, (dict, list, bool)):
            self.problem(key, "field_not_text")
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # Excel stores 7 as 7.0
        return str(value).strip()

    def number(self, key: str, required: bool = False, minimum: Decimal | None = None,
               positive: bool = False) -> Decimal | None:
        value = self.record.get(key)
        if value is None or value == "":
            if required:
                self.problem(key, "field_required")
            return None
        try:
            number = parse_points(value)
        except ValueError:
            self.problem(key, "field_not_number", value=value)
            return None
        if positive and number <= 0:
            self.problem(key, "field_not_positive", value=value)
            return None
        if minimum is not None and number < minimum:
            self.problem(key, "field_too_small", value=value, minimum=minimum)
            return None
        return number

    def integer(self, key: str, minimum: int, maximum: int | None = None) -> int | None:
        value = self.record.get(key)
        if value is None:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(key, "field_not_integer", value=value)
            return None
        if value < minimum or (maximum is not None and value > maximum):
            self.problem(key, "field_out_of_range", value=value, minimum=minimum,
                         maximum=maximum if maximum is not None else "∞")
            return None
        return value

    def boolean(self, key: str) -> bool | None:
        value = self.record.get(key)
        if value is None:
            return None
        if not isinstance(value, bool):
            self.problem(key, "field_not_boolean", value=value)
            return None
        return value

    def choice(self, key: str, choices: tuple[str, ...]) -> str | None:
        value = self.record.get(key)
        if value is None:
            return None
        if value not in choices:
            self.problem(key, "field_bad_choice", value=value, choices=" | ".join(choices))
            return None
        return str(value)

    def media(self, key: str, base_dir: Path, required: bool = False) -> str | None:
        """A media path relative to the file, which must exist and stay inside the file's folder tree."""
        relative = self.text(key, required)
        if relative is None:
            return None
        return check_relative_path(relative, base_dir, self.problems, self.path, self.locate(key), key)


def check_relative_path(relative: str, base_dir: Path, problems: Problems, path: Path, where: Where,
                        key: str) -> str | None:
    pure = PurePosixPath(relative.replace("\\", "/"))
    if pure.is_absolute() or re.match(r"^[A-Za-z]:[/\\]", relative):  # also C:\ paths written on Windows
        problems.add(path, where, "path_absolute", field=key, value=relative)
        return None
    try:
        target = (base_dir / pure).resolve()
        root = base_dir.resolve()
        escapes = target != root and root not in target.parents
        exists = not escapes and target.is_file()
    except (OSError, ValueError):  # a name too long, a NUL byte: no such file can exist
        escapes, exists = False, False
    if escapes:
        problems.add(path, where, "path_escapes", field=key, value=relative)
        return None
    if not exists:
        problems.add(path, where, "media_missing", field=key, value=relative)
        return None
    return str(target)

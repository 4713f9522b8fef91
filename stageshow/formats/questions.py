"""One question's rules (formats.md §2), shared by the YAML and the Excel readers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from stageshow.domain.model import PlantedError, Question, QuestionType
from stageshow.formats.fields import FieldReader, Where
from stageshow.formats.problems import Problems

QUESTION_FIELDS = {"id", "pool", "type", "stem", "options", "answer", "explanation", "basis", "tier", "points",
                   "time_limit", "image", "video", "errors", "notes"}
ERROR_FIELDS = {"text", "fix", "box", "at"}
CHINESE_TYPES = {"单选": "single", "单选题": "single", "单项选择": "single", "单项选择题": "single",
                 "多选": "multiple", "多选题": "multiple", "多项选择": "multiple", "多项选择题": "multiple",
                 "不定项": "multiple", "不定项选择": "multiple", "不定项选择题": "multiple",
                 "判断": "truefalse", "判断题": "truefalse", "是非题": "truefalse",
                 "简答": "short", "简答题": "short", "填空": "short", "填空题": "short", "问答": "short", "问答题": "short",
                 "案例": "case", "案例分析": "case", "案例分析题": "case", "案例题": "case",
                 "文书纠错": "document", "流程纠错": "process"}
TRUE_WORDS = {"对", "正确", "√", "✓", "✔", "t", "true", "yes", "y", "是", "1"}
FALSE_WORDS = {"错", "错误", "×", "✗", "✘", "x", "f", "false", "no", "n", "否", "0"}
_ANSWER_NOISE = re.compile(r"[\s,，、;；/|｜.．]")
MAX_OPTIONS = 8
MAX_ERRORS = 20
LETTERS = "ABCDEFGH"


def told_type(answer: object, has_options: bool) -> str:
    """A question's type where its bank gives none: a choice question by its answer's letters, a true-or-false one
    by its word, anything else a short answer."""
    text = unicodedata.normalize("NFKC", str(answer if answer is not None else "")).strip()
    letters = _ANSWER_NOISE.sub("", text).upper()
    if has_options and letters and set(letters) <= set(LETTERS):
        return "单选" if len(letters) == 1 else "多选"
    if text.lower() in TRUE_WORDS | FALSE_WORDS:
        return "判断"
    return "简答"


def build_question(reader: FieldReader, base_dir: Path) -> Question | None:
    """The question in `reader`'s record, or None when it has errors (all of them reported)."""
    before = len(reader.problems.errors)
    question_id = reader.text("id", required=True)
    pool = reader.text("pool", required=True)
    kind = _question_type(reader)
    stem = reader.text("stem", required=True)
    options = _options(reader, kind)
    answer = _answer(reader, kind, options)
    tier = reader.number("tier", positive=True)
    points = reader.number("points")
    time_limit = reader.number("time_limit", positive=True)
    image = reader.media("image", base_dir, required=kind == QuestionType.DOCUMENT)
    video = reader.media("video", base_dir, required=kind == QuestionType.PROCESS)
    errors = _errors(reader, kind)
    for key in reader.record:
        if key not in QUESTION_FIELDS:
            reader.problems.warn(reader.path, reader.locate(key), "field_unknown", field=key)
    if len(reader.problems.errors) > before or question_id is None or pool is None or kind is None or stem is None:
        return None
    return Question(
        id=question_id, pool=pool, type=kind, stem=stem, options=tuple(options), answer=answer,
        explanation=reader.text("explanation"), basis=reader.text("basis"), tier=tier, points=points,
        time_limit=time_limit, image=image, video=video, errors=tuple(errors),
    )


def _question_type(reader: FieldReader) -> QuestionType | None:
    raw = reader.text("type", required=True)
    if raw is None:
        return None
    plain = re.sub(r"\s+", "", unicodedata.normalize("NFKC", raw))
    value = CHINESE_TYPES.get(plain, plain.lower())
    try:
        return QuestionType(value)
    except ValueError:
        reader.problem("type", "type_unknown", value=raw, choices=" | ".join(t.value for t in QuestionType))
        return None


def _options(reader: FieldReader, kind: QuestionType | None) -> list[str]:
    raw = reader.record.get("options")
    needs = kind in (QuestionType.SINGLE, QuestionType.MULTIPLE)
    if raw is None or raw == []:
        if needs:
            reader.problem("options", "options_required")
        return []
    if not isinstance(raw, list):
        reader.problem("options", "options_not_list")
        return []
    options = []
    for item in raw:
        if item is None or isinstance(item, (dict, list)) or str(item).strip() == "":
            reader.problem("options", "option_empty")
            return []
        options.append(str(item).strip())
    if needs and not 2 <= len(options) <= MAX_OPTIONS:
        reader.problem("options", "options_count", count=len(options))
    return options


def _answer(reader: FieldReader, kind: QuestionType | None, options: list[str]) -> str | None:
    value = reader.record.get("answer")
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # Excel stores 1 as 1.0
    if kind == QuestionType.TRUEFALSE:
        word = unicodedata.normalize("NFKC", str(value)).strip().lower() if value is not None else ""
        letter = word.upper().rstrip(".．、")
        if options and len(letter) == 1 and letter in LETTERS[: len(options)]:
            word = options[LETTERS.index(letter)].lower()  # keyed A/B against options 对/错, as exam tools write
        if value is True or word in TRUE_WORDS:
            return "对"
        if value is False or word in FALSE_WORDS:
            return "错"
        if value is None:
            reader.problem("answer", "field_required")
        else:
            reader.problem("answer", "answer_truefalse", value=value)
        return None
    if kind in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        if value is None or str(value).strip() == "":
            reader.problem("answer", "field_required")
            return None
        letters = _ANSWER_NOISE.sub("", unicodedata.normalize("NFKC", str(value))).upper()
        valid = LETTERS[: len(options)] if options else LETTERS
        if not letters or any(letter not in valid for letter in letters):
            reader.problem("answer", "answer_letters", value=value, valid=valid[0] + "–" + valid[-1])
            return None
        if len(set(letters)) != len(letters):
            reader.problem("answer", "answer_repeated", value=value)
            return None
        if kind == QuestionType.SINGLE and len(letters) != 1:
            reader.problem("answer", "answer_single", value=value)
            return None
        return "".join(sorted(letters))
    if kind in (QuestionType.SHORT, QuestionType.CASE):
        return reader.text("answer", required=True)
    return reader.text("answer")


def _errors(reader: FieldReader, kind: QuestionType | None) -> list[PlantedError]:
    raw = reader.record.get("errors")
    needs = kind in (QuestionType.DOCUMENT, QuestionType.PROCESS)
    if raw is None or raw == []:
        if needs:
            reader.problem("errors", "errors_required")
        return []
    if not isinstance(raw, list):
        reader.problem("errors", "errors_not_list")
        return []
    if not 1 <= len(raw) <= MAX_ERRORS:
        reader.problem("errors", "errors_count", count=len(raw))
    line_of: Callable[[int], Where] = getattr(raw, "line_of", lambda index: reader.locate("errors"))
    result = []
    for index, item in enumerate(raw):
        planted = _planted_error(reader, item, kind, line_of(index), index + 1)
        if planted is not None:
            result.append(planted)
    return result


def _planted_error(reader: FieldReader, item: Any, kind: QuestionType | None, where: Where,
                   number: int) -> PlantedError | None:
    problems: Problems = reader.problems
    path = reader.path
    if not isinstance(item, dict):
        problems.add(path, where, "error_not_mapping", number=number)
        return None
    locate: Callable[[str], Where] = getattr(item, "line_of", lambda key: where)
    sub = FieldReader(item, path, locate, problems)
    before = len(problems.errors)
    text = sub.text("text", required=True)
    box = _box(sub, required=kind == QuestionType.DOCUMENT)
    at = sub.number("at", required=kind == QuestionType.PROCESS, minimum=Decimal(0))
    for key in item:
        if key not in ERROR_FIELDS:
            problems.warn(path, locate(key), "field_unknown", field=key)
    if len(problems.errors) > before or text is None:
        return None
    return PlantedError(text=text, fix=sub.text("fix"), box=box, at=at)


def _box(reader: FieldReader, required: bool) -> tuple[float, float, float, float] | None:
    raw = reader.record.get("box")
    if raw is None or raw == "":
        if required:
            reader.problem("box", "field_required")
        return None
    if isinstance(raw, str):
        raw = [part for part in re.split(r"[,，\s]+", raw.strip()) if part]
    try:
        values = [float(value) for value in raw] if isinstance(raw, list) else []
    except (TypeError, ValueError):
        values = []
    if len(values) != 4:
        reader.problem("box", "box_shape", value=raw)
        return None
    x, y, w, h = values
    if not all(0 <= value <= 1 for value in values) or w <= 0 or h <= 0 or x + w > 1.0001 or y + h > 1.0001:
        reader.problem("box", "box_range", value=raw)
        return None
    return (x, y, w, h)

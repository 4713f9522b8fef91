"""How the spreadsheets organisers already keep are laid out: the header row found among the first rows, header
names as people write them (annotations such as （必填）, line breaks, spaces, synonyms), options in columns or all
in one cell. The tools these layouts come from (考试宝 and 磨题帮 import templates, unit spreadsheets) write
instructions above the header, number their option columns, and mark required columns in the header itself."""

from __future__ import annotations

import contextlib
import contextvars
import re
import unicodedata
from collections.abc import Iterator, Sequence

HEADER_SEARCH_ROWS = 12  # instructions, a title, a description and a time row may come first
LETTERS = "ABCDEFGH"

FIELD_NAMES = {
    "id": ("编号", "题号", "试题编号", "题目编号", "id"),
    "pool": ("环节", "题库", "分组", "轮次", "pool"),
    "type": ("题型", "类型", "试题类型", "题目类型", "type"),
    "stem": ("题干", "题目", "试题", "题目内容", "试题内容", "问题", "stem"),
    "answer": ("答案", "正确答案", "标准答案", "参考答案", "answer"),
    "explanation": ("解析", "答案解析", "试题解析", "题目解析", "解释", "explanation"),
    "basis": ("依据", "法律依据", "出处", "basis"),
    "tier": ("档位", "分档", "tier"),
    "points": ("分值", "分数", "points"),
    "time_limit": ("时限", "答题时间", "time_limit"),
    "image": ("图片", "image"),
    "video": ("视频", "video"),
    "options_cell": ("选项", "选项内容", "备选项", "全部选项", "options"),
}
# Columns the tools write that a final has no use for: read past quietly, not reported as unknown.
IGNORED_NAMES = ("难度", "知识点", "章节", "标签", "备注", "分类", "试题分类", "版本号", "序号")
_BY_NAME = {name.lower(): field for field, names in FIELD_NAMES.items() for name in names}
_ANNOTATION = re.compile(r"[（(【\[<《][^）)】\]>》]*[）)】\]>》]")
_OPTION = re.compile(r"^(?:选项|选择项|备选项|option)?([A-H]|[1-8])$", re.IGNORECASE)
_NUMBERED_ANSWER = re.compile(r"^答案(\d+)$")
_OPTION_SPLIT = re.compile(r"\$;\$|[|｜\n]")
_LEADING_LETTER = re.compile(r"^\s*[(（]?([A-H])[)）]?\s*[.．、:：\s]\s*", re.IGNORECASE)
_INLINE_OPTIONS = re.compile(r"(?:^|\s)([A-H])\s*[.．、:：]", re.IGNORECASE)


def normalized(text: str) -> str:
    """A header as written, reduced to its name: full-width forms folded, annotations, spaces and breaks gone."""
    folded = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", _ANNOTATION.sub("", folded))


# Meanings the operator gave columns in the import preview (normalized header → field), over the ones read here.
_CHOSEN: contextvars.ContextVar[dict[str, str] | None] = contextvars.ContextVar("column_meanings", default=None)


@contextlib.contextmanager
def column_meanings(chosen: dict[str, str]) -> Iterator[None]:
    """Read banks with these meanings for these headers (normalized names), e.g. {"内容": "stem", "难度": "ignore"}."""
    token = _CHOSEN.set(chosen)
    try:
        yield
    finally:
        _CHOSEN.reset(token)


def header_field(text: str) -> str | None:
    """The field a header names: id, stem, answer, … ; "option:A" for an option column; "answer:N" for the N-th of
    numbered answer columns (答案1, 答案2: blanks of a fill-in question); "ignore" for columns a final has no use
    for; None when it is not recognised."""
    name = normalized(text)
    chosen = _CHOSEN.get() or {}
    if name in chosen:
        return chosen[name]
    option = _OPTION.match(name)
    if option:
        key = option.group(1).upper()
        return "option:" + (LETTERS[int(key) - 1] if key.isdigit() else key)
    numbered = _NUMBERED_ANSWER.match(name)
    if numbered:
        return f"answer:{int(numbered.group(1))}"
    if name in IGNORED_NAMES:
        return "ignore"
    return _BY_NAME.get(name.lower())


def find_header(rows: Sequence[Sequence[object]]) -> int | None:
    """The index of the header row among the first rows: the first that names a stem and an answer or a type."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        fields = {header_field(str(value)) for value in row if value is not None and str(value).strip()}
        if "stem" in fields and ("answer" in fields or "type" in fields or "answer:1" in fields):
            return index
    return None


def split_options(cell: str) -> list[str]:
    """All options written in one cell: "A.十日|B.十五日", "十日$;$十五日", one per line, or "A.十日 B.十五日"."""
    parts = [part.strip() for part in _OPTION_SPLIT.split(cell) if part.strip()]
    if len(parts) > 1:
        return parts
    marks = list(_INLINE_OPTIONS.finditer(cell))
    letters = "".join(mark.group(1).upper() for mark in marks)
    if len(marks) > 1 and LETTERS.startswith(letters):
        ends = [mark.start() for mark in marks[1:]] + [len(cell)]
        return [cell[mark.start():end].strip() for mark, end in zip(marks, ends, strict=True)]
    return parts


def without_own_letters(options: list[str]) -> tuple[list[str], bool]:
    """Options typed with their own letter ("A.十日", "B、十五日") would show as "A. A.十日": the letters go, in
    order; True if any went."""
    stripped = []
    for letter, option in zip(LETTERS, options, strict=False):
        mark = _LEADING_LETTER.match(option)
        if mark is None or mark.group(1).upper() != letter:
            return options, False
        stripped.append(option[mark.end():].strip())
    return stripped, True

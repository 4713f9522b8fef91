"""Question banks kept in Word (.docx), as offices type them: numbered questions ("1." "1、" or Word's own list
numbering), option lines ("A." "A、", or all options on one line), "答案：B" or "【答案】B", "解析：", "依据：", and
the type from a heading ("一、单选题") or a tag ("[单选题]"); without either it is told from the answer. Problems
are placed by paragraph: "题库.docx:12" is the 12th paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError

from stageshow.domain.model import Question
from stageshow.formats.excel_layout import split_options, without_own_letters
from stageshow.formats.fields import FieldReader
from stageshow.formats.problems import DAMAGED_FILE, Problems
from stageshow.formats.questions import CHINESE_TYPES, build_question, told_type
from stageshow.i18n import render

TYPE_NAMES = "|".join(sorted(CHINESE_TYPES, key=len, reverse=True))
_HEADING = re.compile(rf"^[一二三四五六七八九十]+\s*[、.．]\s*({TYPE_NAMES})")
_TAG = re.compile(rf"[\[【〔]({TYPE_NAMES})[\]】〕]")
_NUMBERED = re.compile(r"^\s*(\d+)\s*[.．、)）]\s*(.*)$")
_OPTION = re.compile(r"^\s*[(（]?[A-H][)）]?\s*[.．、:：]")
_LABELLED = {
    "answer": re.compile(r"^\s*[【\[]?(?:正确答案|参考答案|标准答案|答案)[】\]]?\s*[:：]?\s*(.*)$"),
    "explanation": re.compile(r"^\s*[【\[]?(?:答案解析|试题解析|解析)[】\]]?\s*[:：]?\s*(.*)$"),
    "basis": re.compile(r"^\s*[【\[]?(?:法律依据|依据)[】\]]?\s*[:：]\s*(.*)$"),
}


@dataclass
class _Draft:
    paragraph: int
    stem: str
    kind: str | None
    options: list[str] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    where: dict[str, int] = field(default_factory=dict)


def read_word_bank(path: Path, problems: Problems, pool: str | None = None) -> list[tuple[Question, int]]:
    try:
        document = docx.Document(str(path))
    except FileNotFoundError:
        problems.add(path, None, "file_missing")
        return []
    except (PackageNotFoundError, *DAMAGED_FILE) as error:
        problems.add(path, None, "file_empty" if path.stat().st_size == 0 else "docx_unreadable",
                     reason=type(error).__name__)
        return []
    drafts = _drafts(document.paragraphs)
    problems.layout.append(render("layout_word", count=len(drafts)))
    told_types = sum(draft.kind is None for draft in drafts)
    if told_types:
        problems.warn(path, None, "docx_types_told", count=told_types)
    result = []
    for number, draft in enumerate(drafts, start=1):
        record = _record(draft, path, number, pool)
        where = draft.where
        reader = FieldReader(record, path, lambda key, where=where, at=draft.paragraph: where.get(key, at), problems)
        question = build_question(reader, path.parent)
        if question is not None:
            result.append((question, draft.paragraph))
    return result


def _drafts(paragraphs: list[Any]) -> list[_Draft]:
    drafts: list[_Draft] = []
    kind: str | None = None
    last: str | None = None  # the field the previous line went to, for lines that continue it
    for index, paragraph in enumerate(paragraphs, start=1):
        text = paragraph.text.strip()
        if not text:
            continue
        heading = _HEADING.match(text)
        if heading:
            kind, last = heading.group(1), None
            continue
        numbered = _NUMBERED.match(text)
        listed = _numbered_by_word(paragraph)
        labelled = next(((name, match) for name, pattern in _LABELLED.items() if (match := pattern.match(text))),
                        None)
        current = drafts[-1] if drafts else None
        if labelled and current is not None:
            name, match = labelled
            current.fields[name] = match.group(1).strip()
            current.where[name] = index
            last = name
        elif _OPTION.match(text) and current is not None:
            current.options += split_options(text)  # one option, or all of them on one line
            current.where.setdefault("options", index)
            last = "options"
        elif numbered or (listed and not _OPTION.match(text)):
            stem = numbered.group(2) if numbered else text
            tag = _TAG.search(stem)
            drafts.append(_Draft(index, _TAG.sub("", stem).strip(), tag.group(1) if tag else kind))
            last = "stem"
        elif current is not None and last in ("stem", "explanation", "basis"):
            if last == "stem":
                current.stem += text
            else:
                current.fields[last] += text
    return drafts


def _numbered_by_word(paragraph: Any) -> bool:
    """Word's own list numbering: the number is not in the text, but in the paragraph's (or its style's) numPr."""
    for properties in (paragraph._p.pPr, getattr(paragraph.style.element, "pPr", None) if paragraph.style else None):
        if properties is not None and properties.numPr is not None:
            return True
    return False


def _record(draft: _Draft, path: Path, number: int, pool: str | None) -> dict[str, Any]:
    options, _ = without_own_letters(draft.options)
    record: dict[str, Any] = {"id": f"{path.stem}-{number}", "pool": pool or path.stem, "stem": draft.stem,
                              **draft.fields}
    if options:
        record["options"] = options
    record["type"] = draft.kind or told_type(record.get("answer", ""), bool(options))
    return record

"""Question banks written by hand in YAML (formats.md §2)."""

from __future__ import annotations

from pathlib import Path

from stageshow.domain.model import Question
from stageshow.formats.fields import FieldReader
from stageshow.formats.problems import Problems
from stageshow.formats.questions import build_question
from stageshow.formats.yaml_source import YamlList, YamlMap, read_yaml


def read_yaml_bank(path: Path, problems: Problems) -> list[tuple[Question, int]]:
    """The bank's valid questions with the line each starts on; every problem goes to `problems`."""
    document = read_yaml(path, problems)
    if document is None:
        return []
    if not isinstance(document, YamlMap) or "questions" not in document:
        problems.add(path, getattr(document, "line", 1), "bank_no_questions")
        return []
    items = document["questions"]
    if not isinstance(items, YamlList) or not items:
        problems.add(path, document.line_of("questions"), "bank_questions_not_list")
        return []
    result = []
    for index, item in enumerate(items):
        line = items.line_of(index)
        if not isinstance(item, YamlMap):
            problems.add(path, line, "question_not_mapping", number=index + 1)
            continue
        reader = FieldReader(item, path, item.line_of, problems)
        question = build_question(reader, path.parent)
        if question is not None:
            result.append((question, line))
    return result

"""A bank in StageShow's own Excel layout (the template's): what `stageshow import` writes from a bank kept in
another layout, so the organisers get one clean file to check, edit and keep."""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl import Workbook

from stageshow.domain.model import Question, QuestionType
from stageshow.domain.points import format_points
from stageshow.reports.output import written_whole
from stageshow.reports.template import ERROR_HEADERS, _header

TYPE_NAMES = {QuestionType.SINGLE: "单选", QuestionType.MULTIPLE: "多选", QuestionType.TRUEFALSE: "判断",
              QuestionType.SHORT: "简答", QuestionType.CASE: "案例", QuestionType.DOCUMENT: "文书纠错",
              QuestionType.PROCESS: "流程纠错"}
LETTERS = "ABCDEFGH"


def write_bank(questions: list[Question], out: Path) -> None:
    """Write `questions` to `out` (.xlsx), whole or not at all (OutputProblem). Media paths are written relative to
    `out`'s folder where they can be."""
    width = max((len(question.options) for question in questions), default=4)
    options = [f"选项{letter}" for letter in LETTERS[:max(width, 4)]]
    headers = ["编号", "环节", "题型", "题干", *options, "答案", "解析", "依据", "档位", "分值", "时限", "图片", "视频"]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "题库"
    _header(sheet, headers)
    errors = workbook.create_sheet("纠错")
    _header(errors, ERROR_HEADERS)
    for question in questions:
        sheet.append([question.id, question.pool, TYPE_NAMES[question.type], question.stem,
                      *(list(question.options) + [""] * len(options))[:len(options)], question.answer or "",
                      question.explanation or "", question.basis or "", _number(question.tier),
                      _number(question.points), _number(question.time_limit), _relative(question.image, out),
                      _relative(question.video, out)])
        for error in question.errors:
            box = ",".join(f"{value:g}" for value in error.box) if error.box else ""
            errors.append([question.id, error.text, error.fix or "", box, _number(error.at)])
    sheet.column_dimensions["D"].width = 50
    with written_whole(out) as partial:
        workbook.save(partial)


def _number(value) -> str:  # type: ignore[no-untyped-def]
    return format_points(value) if value is not None else ""


def _relative(path: str | None, out: Path) -> str:
    if not path:
        return ""
    try:
        return Path(os.path.relpath(path, out.parent.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return path

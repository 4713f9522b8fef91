"""Question banks saved as CSV: UTF-8 (with or without the mark Excel adds) or GBK, as Chinese Excel and WPS save
"CSV (逗号分隔)", in any of the table layouts of excel_layout.py. Problems are placed by cell (C5), as a spreadsheet
program shows the file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from stageshow.domain.model import Question
from stageshow.formats.bank_table import PlainCell, offer_columns, question_records
from stageshow.formats.excel_layout import HEADER_SEARCH_ROWS, find_header
from stageshow.formats.fields import FieldReader
from stageshow.formats.problems import Problems
from stageshow.formats.questions import build_question

ENCODINGS = ("utf-8-sig", "gb18030")  # gb18030 reads every GBK file, and then some


def decoded(raw: bytes) -> str | None:
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def read_csv_bank(path: Path, problems: Problems, pool: str | None = None) -> list[tuple[Question, str]]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.add(path, None, "file_missing")
        return []
    except OSError as error:
        problems.add(path, None, "file_unreadable", reason=error.strerror or type(error).__name__)
        return []
    text = decoded(raw)
    if text is None:
        problems.add(path, None, "csv_encoding")
        return []
    try:
        rows = [[PlainCell(value) for value in row] for row in csv.reader(io.StringIO(text))]
    except csv.Error as error:
        problems.add(path, None, "csv_unreadable", reason=str(error))
        return []
    header = find_header([[cell.value for cell in row] for row in rows[:HEADER_SEARCH_ROWS]])
    if header is None:
        problems.add(path, None, "table_no_header")
        offer_columns(None, path, rows, problems)
        return []
    result = []
    for record in question_records(None, rows, header, path, problems, pool):
        question = build_question(FieldReader(record, path, record.line_of, problems), path.parent)
        if question is not None:
            result.append((question, record.row_ref))
    return result

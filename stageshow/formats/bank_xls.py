"""Question banks in the legacy Excel format (.xls, Excel 97–2003), which many offices still save: read with xlrd,
sheet by sheet, in any of the table layouts of excel_layout.py. Numbers come back as floats (7 → 7.0) and are
read as the .xlsx reader reads them."""

from __future__ import annotations

import struct
from pathlib import Path

import xlrd
from xlrd.compdoc import CompDocError

from stageshow.domain.model import Question
from stageshow.formats.bank_table import PlainCell, offer_columns, question_records
from stageshow.formats.excel_layout import HEADER_SEARCH_ROWS, find_header
from stageshow.formats.fields import FieldReader
from stageshow.formats.problems import Problems
from stageshow.formats.questions import build_question


def read_xls_bank(path: Path, problems: Problems, pool: str | None = None) -> list[tuple[Question, str]]:
    try:
        book = xlrd.open_workbook(str(path), on_demand=True)
    except FileNotFoundError:
        problems.add(path, None, "file_missing")
        return []
    except (xlrd.XLRDError, CompDocError, struct.error, OSError, ValueError, AssertionError, IndexError,
            KeyError) as error:  # what a damaged file raises inside xlrd
        problems.add(path, None, "file_empty" if path.stat().st_size == 0 else "xls_unreadable",
                     reason=type(error).__name__)
        return []
    try:
        records = []
        for sheet in book.sheets():
            rows = [[PlainCell(cell.value if cell.ctype != xlrd.XL_CELL_EMPTY else None) for cell in sheet.row(index)]
                    for index in range(sheet.nrows)]
            header = find_header([[cell.value for cell in row] for row in rows[:HEADER_SEARCH_ROWS]])
            if header is None:
                if rows:
                    problems.warn(path, f"{sheet.name}!A1", "excel_sheet_skipped", sheet=sheet.name)
                    offer_columns(sheet.name, path, rows, problems)
                continue
            records += question_records(sheet.name, rows, header, path, problems, pool)
        if not records and not problems.errors:
            problems.add(path, None, "excel_no_sheet", found="、".join(book.sheet_names()))
    finally:
        book.release_resources()
    result = []
    for record in records:
        question = build_question(FieldReader(record, path, record.line_of, problems), path.parent)
        if question is not None:
            result.append((question, record.row_ref))
    return result

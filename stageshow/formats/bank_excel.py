"""Question banks kept in Excel (formats.md §3), in our template's layout or the layouts organisers already keep
(see excel_layout.py): every sheet whose header is recognised holds questions; planted errors go on a `纠错` sheet.

Cells are read as stored: a formula is reported, never evaluated.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter

from stageshow.domain.model import Question
from stageshow.formats.bank_table import CellList, CellRecord, offer_columns, question_records
from stageshow.formats.excel_layout import HEADER_SEARCH_ROWS, find_header
from stageshow.formats.fields import FieldReader
from stageshow.formats.problems import DAMAGED_FILE, Problems
from stageshow.formats.questions import build_question

ERROR_SHEETS = ("纠错", "errors")
ERROR_HEADERS = {"题号": "question", "question": "question", "错误": "text", "text": "text", "更正": "fix",
                 "fix": "fix", "区域": "box", "box": "box", "时间点": "at", "at": "at"}
_OPTION_HEADER = re.compile(r"^(?:选项|option\s*)?([A-H])$", re.IGNORECASE)


def read_excel_bank(path: Path, problems: Problems, pool: str | None = None) -> list[tuple[Question, str]]:
    """The bank's valid questions with the cell each row starts at; every problem goes to `problems`. Rows without
    a pool take `pool` (the show file's, for this bank), or else their sheet's name."""
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except FileNotFoundError:
        problems.add(path, None, "file_missing")
        return []
    except DAMAGED_FILE as error:
        if path.stat().st_size == 0:
            problems.add(path, None, "file_empty")
        else:
            problems.add(path, None, "excel_unreadable", reason=type(error).__name__)
        return []
    try:
        return _read_workbook(workbook, path, problems, pool)
    except DAMAGED_FILE as error:  # openpyxl reads a sheet's zip member and XML only when the rows are walked
        problems.add(path, None, "excel_damaged", reason=f"{type(error).__name__}: {str(error)[:80]}")
        return []
    finally:
        workbook.close()


def _read_workbook(workbook: Any, path: Path, problems: Problems, pool: str | None) -> list[tuple[Question, str]]:
    records: list[CellRecord] = []
    error_sheet = None
    recognised = False
    for sheet in workbook.worksheets:
        if sheet.title.strip().lower() in ERROR_SHEETS:
            error_sheet = sheet
            continue
        rows = list(sheet.iter_rows())
        header = find_header([[cell.value for cell in row] for row in rows[:HEADER_SEARCH_ROWS]])
        if header is None:  # instructions, a version sheet: said once, not an error
            if rows:
                problems.warn(path, f"{sheet.title}!A1", "excel_sheet_skipped", sheet=sheet.title)
                offer_columns(sheet.title, path, rows, problems)
            continue
        recognised = True
        records += question_records(sheet.title, rows, header, path, problems, pool)
    if not recognised:
        problems.add(path, None, "excel_no_sheet", found="、".join(workbook.sheetnames))
        return []
    by_id = {str(record.get("id")).strip(): record for record in records if record.get("id") not in (None, "")}
    if error_sheet is not None:
        for error_row in _records(error_sheet, path, problems, ERROR_HEADERS, with_options=False):
            owner = error_row.pop("question", None)
            key = str(int(owner) if isinstance(owner, float) and owner.is_integer() else owner).strip()
            if owner in (None, "") or key not in by_id:
                problems.add(path, error_row.line_of("question"), "excel_error_owner", value=owner or "")
                continue
            by_id[key].setdefault("errors", CellList()).append(error_row)
    result = []
    for record in records:
        reader = FieldReader(record, path, record.line_of, problems)
        question = build_question(reader, path.parent)
        if question is not None:
            result.append((question, record.row_ref))
    return result


def _records(sheet: Any, path: Path, problems: Problems, headers: dict[str, str],
             with_options: bool) -> list[CellRecord]:
    rows = sheet.iter_rows()
    header_row = next(rows, None)
    if header_row is None:
        problems.add(path, f"{sheet.title}!A1", "excel_no_header")
        return []
    columns: dict[int, str] = {}
    for index, cell in enumerate(header_row):
        name = str(cell.value).strip() if cell.value is not None else ""
        if not name:
            continue
        option = _OPTION_HEADER.match(name) if with_options else None
        field = f"option:{option.group(1).upper()}" if option else headers.get(name.lower(), headers.get(name))
        if field is None:
            problems.warn(path, f"{sheet.title}!{get_column_letter(index + 1)}1", "excel_unknown_header", name=name)
            continue
        columns[index] = field
    records = []
    for row_number, row in enumerate(rows, start=2):
        record = CellRecord(f"{sheet.title}!A{row_number}")
        options: dict[str, tuple[Any, str]] = {}
        for index, cell in enumerate(row):
            field = columns.get(index)
            value = cell.value
            if field is None or value is None or (isinstance(value, str) and not value.strip()):
                continue
            ref = f"{sheet.title}!{get_column_letter(index + 1)}{row_number}"
            if getattr(cell, "data_type", None) == "f" or (isinstance(value, str) and value.startswith("=")):
                problems.add(path, ref, "excel_formula")
                continue
            if field.startswith("option:"):
                options[field[7:]] = (value, ref)
            else:
                record[field] = value.strip() if isinstance(value, str) else value
                record.cells[field] = ref
        if options:
            letters = sorted(options)
            record["options"] = [options[letter][0] for letter in letters]
            record.cells["options"] = options[letters[0]][1]
            expected = "ABCDEFGH"[: len(letters)]
            if "".join(letters) != expected:
                problems.add(path, options[letters[-1]][1], "excel_option_gap")
        if record:
            records.append(record)
    return records

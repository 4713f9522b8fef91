"""Question rows of any table (an Excel or WPS sheet, a CSV file) under a header in one of the layouts of
excel_layout.py, as records keyed by field, each knowing its cell and the name the user gave its column."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from stageshow.formats.excel_layout import (
    HEADER_SEARCH_ROWS,
    header_field,
    normalized,
    split_options,
    without_own_letters,
)
from stageshow.formats.problems import Problems
from stageshow.formats.questions import told_type
from stageshow.i18n import render


class CellRecord(dict):  # type: ignore[type-arg]
    """One row's values by field, knowing each field's cell (SHEET!A1), even an empty one, and the name the user
    gave its column, for error messages."""

    def __init__(self, row_ref: str) -> None:
        super().__init__()
        self.row_ref = row_ref
        self.cells: dict[str, str] = {}
        self.labels: dict[str, str] = {}

    def line_of(self, key: str) -> str:
        return self.cells.get(key, self.row_ref)


class CellList(list):  # type: ignore[type-arg]
    def line_of(self, index: int) -> str:
        return self[index].row_ref


class PlainCell:
    """A cell of a table that has no formulas (CSV, .xls as read): just its value."""

    data_type = None

    def __init__(self, value: Any) -> None:
        self.value = value


def cell_ref(title: str | None, column: int, row: int) -> str:
    """"题库!C5" in a workbook, "C5" in a CSV file (as a spreadsheet program shows it)."""
    return f"{title}!{get_column_letter(column + 1)}{row}" if title else f"{get_column_letter(column + 1)}{row}"


def offer_columns(title: str | None, path: Path, rows: list[Any], problems: Problems) -> None:
    """A table whose header was not recognised: its likeliest header row (the first with several cells filled) is
    still listed, so the import preview can let the operator say what each column holds."""
    for row in rows[:HEADER_SEARCH_ROWS]:
        names = [str(cell.value).strip() for cell in row if cell.value is not None and str(cell.value).strip()]
        if len(names) >= 2:
            problems.columns += [(title or path.stem, name, header_field(name)) for name in names]
            return


def question_records(title: str | None, rows: list[Any], header: int, path: Path, problems: Problems,
                     pool: str | None) -> list[CellRecord]:
    """The rows under a recognised header, as records keyed by field; notes (once per sheet) where the layout
    made something up: ids from the row, the pool from the show file or the sheet, letters cut off options."""
    name_of_table = title or path.stem
    columns: dict[int, str] = {}
    labels: dict[str, str] = {}
    for index, cell in enumerate(rows[header]):
        name = str(cell.value).strip() if cell.value is not None else ""
        if not name:
            continue
        field = header_field(name)
        problems.columns.append((name_of_table, name, field))
        if field is None:
            problems.warn(path, cell_ref(title, index, header + 1), "excel_unknown_header",
                          name=name)
            continue
        if field != "ignore":
            columns[index] = field
            labels.setdefault(field.split(":")[0] if field.startswith("answer:") else field, normalized(name))
    fields = set(columns.values())
    read_as = "，".join(f"{cell_ref(title, index, header + 1)}“{normalized(str(rows[header][index].value))}”→"
                       f"{render('column_' + field.split(':')[0], letter=field.split(':')[-1])}"
                       for index, field in sorted(columns.items()))
    problems.layout.append(render("layout_table", where=name_of_table, row=header + 1, columns=read_as))
    if "id" not in fields:
        problems.warn(path, cell_ref(title, 0, header + 1), "excel_ids_made", sheet=name_of_table,
                      example=_made_id(path, title, header + 2))
    if "pool" not in fields:
        problems.warn(path, cell_ref(title, 0, header + 1), "excel_pool_given", sheet=name_of_table,
                      pool=pool or name_of_table)
    if "type" not in fields:
        problems.warn(path, cell_ref(title, 0, header + 1), "table_types_told", sheet=name_of_table)
    records: list[CellRecord] = []
    stripped_letters = False
    for row_number, row in enumerate(rows[header + 1:], start=header + 2):
        record = _row_record(title, row_number, row, columns, path, problems)
        if not record:
            continue
        record.labels = dict(labels)
        record.setdefault("id", _made_id(path, title, row_number))
        record.setdefault("pool", pool or name_of_table)
        if isinstance(record.get("options"), list):
            record["options"], stripped = without_own_letters([str(option) for option in record["options"]])
            stripped_letters = stripped_letters or stripped
        if "type" not in fields:
            record["type"] = told_type(record.get("answer"), bool(record.get("options")))
        records.append(record)
    if stripped_letters:
        problems.warn(path, cell_ref(title, 0, header + 1), "excel_option_letters", sheet=name_of_table)
    return records


def _row_record(title: str | None, row_number: int, row: Any, columns: dict[int, str], path: Path,
                problems: Problems) -> CellRecord:
    record = CellRecord(cell_ref(title, 0, row_number))
    options: dict[str, tuple[Any, str]] = {}
    answers: list[str] = []
    for index, cell in enumerate(row):
        field = columns.get(index)
        if field is None:
            continue
        ref = cell_ref(title, index, row_number)
        plain = field.split(":")[0] if field.startswith("answer:") else field
        record.cells.setdefault(plain if not field.startswith("option:") else "options", ref)
        value = cell.value
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if getattr(cell, "data_type", None) == "f" or (isinstance(value, str) and value.startswith("=")):
            problems.add(path, ref, "excel_formula")
            continue
        if field.startswith("option:"):
            options[field[7:]] = (value, ref)
        elif field.startswith("answer:"):
            answers.append(str(value).strip())
        elif field == "options_cell":
            record["options"] = split_options(str(value))
            record.cells["options"] = ref
        else:
            record[field] = value.strip() if isinstance(value, str) else value
            record.cells[field] = ref
    if answers and "answer" not in record:
        record["answer"] = "；".join(answers)  # one answer column per blank of a fill-in question
    if options:
        letters = sorted(options)
        record["options"] = [options[letter][0] for letter in letters]
        record.cells["options"] = options[letters[0]][1]
        if "".join(letters) != "ABCDEFGH"[: len(letters)]:
            problems.add(path, options[letters[-1]][1], "excel_option_gap")
    return record if any(key != "id" for key in record) else CellRecord(record.row_ref)  # an id alone: a blank row




def _made_id(path: Path, title: str | None, row: int) -> str:
    """A question's id where the bank gives none: stable as long as the file, the sheet and the row stay."""
    return f"{path.stem}-{title}-{row}" if title else f"{path.stem}-{row}"

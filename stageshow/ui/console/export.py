"""File → export: the score sheet as Excel (every table, for the organisers' records) or as a PDF to print and
sign. A file that cannot be written (a folder gone, the old sheet still open in Excel) is reported, not raised."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from stageshow.reports.output import OutputProblem
from stageshow.store.event_log import EventLog
from stageshow.ui.tr import tr_noop


def _write_xlsx(log: EventLog, path: Path) -> None:
    from stageshow.reports.score_sheet import write_score_sheet

    write_score_sheet(log, path)


def _write_pdf(log: EventLog, path: Path) -> None:
    from stageshow.ui.pdf_sheet import write_pdf_score_sheet

    write_pdf_score_sheet(log, path)


# kind → (menu entry, suggested file name, file dialog filter, writer)
EXPORTS: dict[str, tuple[str, str, str, Callable[[EventLog, Path], None]]] = {
    "xlsx": (tr_noop("导出成绩表（Excel）…"), tr_noop("成绩表.xlsx"), "Excel (*.xlsx)", _write_xlsx),
    "pdf": (tr_noop("导出成绩表（PDF，打印签字用）…"), tr_noop("成绩表.pdf"), "PDF (*.pdf)", _write_pdf),
}


def write_sheet(log: EventLog, kind: str, path: Path) -> str | None:
    """Write the sheet, whole or not at all; None when done, or what went wrong, in words for the operator."""
    try:
        EXPORTS[kind][3](log, path)
    except OutputProblem as problem:
        return str(problem)
    return None

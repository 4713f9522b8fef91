"""The score sheet as .xlsx: standings with points per round, corrections with reasons, the press log, the log."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from stageshow.domain import events as e
from stageshow.domain.points import to_json_number
from stageshow.i18n import render
from stageshow.reports.score_table import corrections_header, score_table, standings_header
from stageshow.store.event_log import EventLog

NS = 1_000_000_000


def write_score_sheet(log: EventLog, out: Path) -> None:
    table = score_table(log)
    show = table.show
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = render("sheet_standings")
    sheet.append([show.title])
    sheet["A1"].font = Font(size=16, bold=True)
    sheet.append([show.subtitle or ""])
    header = standings_header(show)
    sheet.append(header)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([row.rank, row.seat, row.name, to_json_number(row.base),
                      *[to_json_number(points) for points in row.per_round], to_json_number(row.adjustments),
                      to_json_number(row.total), row.award or ""])
    sheet.append([])
    sheet.append([render("sign_scorer"), "", "", render("sign_chief"), "", "", render("sign_date")])
    for column in range(1, len(header) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 14 if column != 3 else 22
    corrections = workbook.create_sheet(render("sheet_corrections"))
    corrections.append(corrections_header())
    for item in table.corrections:
        corrections.append([item.seq, round(item.seconds, 3), item.kind, item.team, item.change, item.reason])
    _presses(workbook, table.logged)
    _event_log(workbook, log)
    workbook.save(out)


def _presses(workbook: Workbook, logged_rows: list) -> None:
    sheet = workbook.create_sheet(render("sheet_presses"))
    sheet.append([render(code) for code in ("col_seq", "col_seconds", "col_who", "col_outcome", "col_reaction",
                                            "col_source", "col_device", "col_button")])
    for item in logged_rows:
        event = item.event
        if isinstance(event, e.PressRecorded):
            reaction = round(event.reaction / 1_000_000, 3) if event.reaction is not None else ""
            sheet.append([item.seq, _seconds(event.stamp), event.team, render(f"outcome_{event.outcome}"),
                          reaction, event.source, event.device, event.button])


def _event_log(workbook: Workbook, log: EventLog) -> None:
    sheet = workbook.create_sheet(render("sheet_events"))
    sheet.append([render(code) for code in ("col_seq", "col_seconds", "col_kind", "col_content", "col_recorded",
                                            "col_hash")])
    for row in log.rows():
        sheet.append([row.seq, _seconds(row.at), row.kind, row.payload, row.recorded_at, row.hash])
        sheet.cell(sheet.max_row, 4).alignment = Alignment(wrap_text=False)


def _seconds(at: int) -> float:
    return round(at / NS, 3)

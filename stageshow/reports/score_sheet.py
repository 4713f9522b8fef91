"""The score sheet as .xlsx: standings with points per round (printed on one landscape page width, headers repeated,
signatures and the log's hash), corrections with reasons, the press log and the event log, all in words."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from stageshow.domain import events as e
from stageshow.domain.points import to_json_number
from stageshow.i18n import render
from stageshow.messages import MESSAGES
from stageshow.reports.event_words import event_words, kind_words
from stageshow.reports.output import written_whole
from stageshow.reports.panels import panel_cells, panel_header
from stageshow.reports.score_table import ScoreTable, corrections_header, score_table, standings_header
from stageshow.store.event_log import EventLog

NS = 1_000_000_000
SHORT_HASH = 16
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def write_score_sheet(log: EventLog, out: Path, trusted: bool = True) -> None:
    """Write the workbook to `out` whole or not at all (OutputProblem names the cause)."""
    table = score_table(log, trusted)
    workbook = Workbook()
    _standings(workbook.active, table)
    corrections = workbook.create_sheet(render("sheet_corrections"))
    _rows(corrections, corrections_header(),
          [[item.seq, round(item.seconds, 3), item.kind, item.team, item.change, item.reason]
           for item in table.corrections], widths=[8, 12, 10, 24, 14, 48])
    if table.panels:
        _panels(workbook.create_sheet(render("sheet_panels_tab")), table)
    _presses(workbook, table)
    _event_log(workbook, table, log)
    with written_whole(out) as partial:
        workbook.save(partial)


def _panels(sheet: Worksheet, table: ScoreTable) -> None:
    """Each judged round: a title row, then the judges' marks per team (struck-out ones in brackets)."""
    for panel in table.panels:
        sheet.append([render("sheet_panels", round=panel.title)])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        sheet.append(panel_header(panel))
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for row in panel.rows:
            sheet.append([_number_or_text(cell) for cell in panel_cells(row)])
        sheet.append([])
    sheet.column_dimensions["B"].width = 26


def _number_or_text(cell: str) -> int | float | str:
    """A mark or a part as a number Excel can add up; a struck-out mark "(88)" and "—" stay as written."""
    try:
        return to_json_number(Decimal(cell))
    except ArithmeticError:
        return cell


def _standings(sheet: Worksheet, table: ScoreTable) -> None:
    show = table.show
    sheet.title = render("sheet_standings")
    header = standings_header(show)
    sheet.append([show.title])
    sheet["A1"].font = Font(size=16, bold=True)
    warning = render("sheet_not_trusted") if not table.trusted else render("sheet_unfinished")
    sheet.append([warning if not (table.finished and table.trusted) else (show.subtitle or "")])
    if not (table.finished and table.trusted):
        sheet["A2"].font = Font(size=13, bold=True, color="B71C1C")
    if not table.trusted:
        sheet.oddHeader.center.text = render("sheet_not_trusted")
    _rows(sheet, header, [
        [row.rank, row.seat, row.name, to_json_number(row.base), *[to_json_number(p) for p in row.per_round],
         to_json_number(row.adjustments), to_json_number(row.total), row.award or ""]
        for row in table.rows], widths=[7, 7, 26, 9, *[14] * len(show.rounds), 9, 9, 10])
    sheet.append([])
    for note in table.notes:
        sheet.append([note])
    if table.round_marks:
        sheet.append([render("sheet_round_marks")])
        for mark in table.round_marks:
            sheet.append([mark.title, "", "", f"{render('col_last_event')} {mark.seq}", "", mark.hash[:SHORT_HASH]])
    footer = render("sheet_footer", printed="—", events=table.head_seq, hash=table.head_hash[:SHORT_HASH])
    for line in footer.split("\n"):
        sheet.append([line])
    sheet.append([])
    sheet.append([render("sign_scorer"), "", "", render("sign_chief"), "", "", render("sign_supervisor"), "", "",
                  render("sign_date")])
    sheet.oddFooter.center.text = render("page_of", page="&P", pages="&N")
    sheet.oddFooter.right.text = render("sign_initials") + "________"


def _rows(sheet: Worksheet, header: list[str], rows: list[list], widths: list[int]) -> None:  # type: ignore[type-arg]
    """A bordered table under a filled header row, set to print landscape and one page wide."""
    sheet.append(header)
    first = sheet.max_row
    for row in rows:
        sheet.append(row)
    for line in sheet.iter_rows(min_row=first, max_row=sheet.max_row, max_col=len(header)):
        for cell in line:
            cell.border = BORDER
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for cell in sheet[first][:len(header)]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    if sheet.print_title_rows is None:
        sheet.print_title_rows = f"{first}:{first}"
    sheet.freeze_panes = f"A{first + 1}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as it needs, never more than one across
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True


def _presses(workbook: Workbook, table: ScoreTable) -> None:
    sheet = workbook.create_sheet(render("sheet_presses"))
    rows = []
    for item in table.logged:
        event = item.event
        if isinstance(event, e.PressRecorded):
            team = table.show.team(event.team)
            reaction = round(event.reaction / 1_000_000, 3) if event.reaction is not None else ""
            rows.append([item.seq, _seconds(event.stamp), team.name if team else event.team,
                         render(f"outcome_{event.outcome}"), reaction, _source(event.source),
                         event.device, event.button])
    _rows(sheet, [render(code) for code in ("col_seq", "col_seconds", "col_who", "col_outcome", "col_reaction",
                                            "col_source", "col_device", "col_button")],
          rows, widths=[8, 12, 24, 14, 16, 10, 24, 10])


def _event_log(workbook: Workbook, table: ScoreTable, log: EventLog) -> None:
    sheet = workbook.create_sheet(render("sheet_events"))
    logged = {item.seq: item.event for item in table.logged}
    rows = [[row.seq, _seconds(row.at), kind_words(row.kind), event_words(table.show, logged[row.seq]),
             row.recorded_at, row.hash[:SHORT_HASH]] for row in log.rows()]
    _rows(sheet, [render(code) for code in ("col_seq", "col_seconds", "col_kind", "col_content", "col_recorded",
                                            "col_hash")], rows, widths=[8, 12, 14, 70, 30, 20])
    for line in sheet.iter_rows(min_row=2, min_col=4, max_col=4):
        for cell in line:
            cell.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)


def _source(source: str) -> str:
    return render(f"source_{source}") if f"source_{source}" in MESSAGES else source


def _seconds(at: int) -> float:
    return round(at / NS, 3)

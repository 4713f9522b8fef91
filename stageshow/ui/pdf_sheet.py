"""The printable score sheet as PDF (A4 landscape), drawn by Qt with the bundled CJK font, for a chief judge to sign.

Every page carries the header row of its table, 第 x 页 共 y 页 and an initials line, so no page can be swapped
unnoticed; the last page carries the signature block and the log's hash (and the hash at the end of each round), so
the paper can be checked against the database (`stageshow verify --expect`). An unfinished show says 未完成 across
every page and gives no awards.
"""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from stageshow.domain.points import to_json_number
from stageshow.i18n import render
from stageshow.reports.output import written_whole
from stageshow.reports.panels import panel_cells, panel_header
from stageshow.reports.score_table import ScoreTable, corrections_header, score_table, standings_header
from stageshow.store.event_log import EventLog
from stageshow.ui.fonts import ui_font

RESOLUTION = 150  # dots per inch
FOOTER_LINES = 2
SHORT_HASH = 16  # hex digits of a hash printed on paper: enough to find one event among billions


def write_pdf_score_sheet(log: EventLog, out: Path, trusted: bool = True) -> None:
    """Write the sheet to `out` whole or not at all (OutputProblem names the cause)."""
    application = QGuiApplication.instance() or QGuiApplication([])  # fonts and layout need one
    table = score_table(log, trusted)
    with written_whole(out) as partial:
        _draw(table, partial)
    del application


def _draw(table: ScoreTable, path: Path) -> None:
    writer = QPdfWriter(str(path))
    writer.setTitle(render("sheet_title", title=table.show.title))
    writer.setCreator("StageShow")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(12, 10, 12, 10), QPageLayout.Unit.Millimeter))
    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer_font = ui_font(17)
    footer_height = FOOTER_LINES * footer_font.pixelSize() * 1.6
    body = QSizeF(page.width(), page.height() - footer_height)
    document = QTextDocument()
    document.setDefaultFont(_without_ligatures(ui_font(19)))
    document.setHtml(_html(table))
    document.setPageSize(body)
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(0, render("pdf_not_opened"))
    for index in range(pages):
        if index:
            writer.newPage()
        if not table.finished or not table.trusted:
            _unfinished_mark(painter, page.width(), page.height(),
                             render("unfinished") if table.trusted else render("not_trusted_mark"))
        painter.save()
        painter.translate(0, -index * body.height())
        document.drawContents(painter, QRectF(QPointF(0, index * body.height()), body))
        painter.restore()
        painter.setFont(footer_font)
        painter.setPen(QColor("#333333"))
        footer = QRectF(0, body.height(), body.width(), footer_height)
        painter.drawLine(footer.topLeft(), footer.topRight())
        left = f"{table.show.title}　{render('page_of', page=index + 1, pages=pages)}"
        if not table.trusted:
            left += f"　{render('not_trusted_mark')}"
        painter.drawText(footer, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, left)
        painter.drawText(footer, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         render("sign_initials") + "＿" * 8)
    painter.end()


def _without_ligatures(font: QFont) -> QFont:
    """The font's "ff"/"fi" ligatures off: a hash such as 5a81…cff91a would otherwise copy out of the PDF as
    5a81…c_91a, one glyph standing for two letters."""
    for feature in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(feature), 0)
    return font


def _unfinished_mark(painter: QPainter, width: float, height: float, words: str) -> None:
    """未完成 (or 校验未通过) in large pale letters across the page, under the text."""
    painter.save()
    font = ui_font(int(height / (3 + len(words))), bold=True)
    painter.setFont(font)
    painter.setPen(QColor(200, 40, 40, 60))
    painter.translate(width / 2, height / 2)
    painter.rotate(-20)
    painter.drawText(QRectF(-width, -height / 2, 2 * width, height), Qt.AlignmentFlag.AlignCenter, words)
    painter.restore()


def _table(header: list[str], rows: list[list[str]], padding: int = 4) -> str:
    """An HTML table whose header row (in <thead>) Qt repeats at the top of every page the table runs onto."""
    head = "".join(f"<th>{html.escape(cell)}</th>" for cell in header)
    body = "".join("<tr>" + "".join(f"<td align='center'>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (f"<table border='1' cellspacing='0' cellpadding='{padding}' width='100%'>"
            f"<thead><tr>{head}</tr></thead>{body}</table>")


def _html(table: ScoreTable) -> str:
    show = table.show
    standings = _table(standings_header(show), [
        [str(row.rank), str(row.seat), html.escape(row.name), _n(row.base), *map(_n, row.per_round),
         _n(row.adjustments), f"<b>{_n(row.total)}</b>", html.escape(row.award or "")]
        for row in table.rows])
    corrections_head = [cell for index, cell in enumerate(corrections_header())
                        if index != 1]  # the seconds are for the spreadsheet, not the signed paper
    corrections = _table(corrections_head, [
        [str(item.seq), html.escape(item.kind), html.escape(item.team), html.escape(item.change),
         html.escape(item.reason)] for item in table.corrections], padding=3) if table.corrections \
        else f"<p>{render('sheet_none')}</p>"
    warnings = ([] if table.trusted else [render("sheet_not_trusted")]) + \
        ([] if table.finished else [render("sheet_unfinished")])
    unfinished = "".join(f"<p align='center' style='color:#B71C1C;font-size:large'><b>{html.escape(words)}</b></p>"
                         for words in warnings)
    notes = "".join(f"<p>{html.escape(note)}</p>" for note in table.notes)
    notes += "".join(f"<h4>{html.escape(render('sheet_panels', round=panel.title))}</h4>" + _table(
        panel_header(panel), [[html.escape(cell) for cell in panel_cells(row)] for row in panel.rows], padding=3)
        for panel in table.panels)
    # the hashes in a table of their own: in a line of Chinese, Qt splits a hash into runs that copy apart
    marks = f"<h4>{render('sheet_round_marks')}</h4>" + _table(
        [render("col_round"), render("col_last_event"), render("col_hash")],
        [[html.escape(mark.title), str(mark.seq), mark.hash[:SHORT_HASH]] for mark in table.round_marks]
        + [[render("sheet_head_mark"), str(table.head_seq), table.head_hash[:SHORT_HASH]]], padding=2)
    blank = "＿" * 7
    signatures = "　　".join(f"{render(code)}{blank}" for code in ("sign_scorer", "sign_chief", "sign_supervisor"))
    signatures += f"　　{render('sign_date')}{blank}"
    printed = datetime.now().strftime("%Y-%m-%d %H:%M")
    footer = render("sheet_footer_pdf", printed=printed, events=table.head_seq)
    return f"""
    <h2 align='center'>{html.escape(show.title)}</h2>
    <p align='center'>{html.escape(render("sheet_subtitle", subtitle=show.subtitle or ""))}</p>
    {unfinished}{standings}{notes}
    <h4>{render("sheet_corrections")}</h4>{corrections}{marks}
    <p style='color:#333'>{html.escape(footer)}</p>
    <p><br>{signatures}</p>
    """


def _n(value) -> str:  # type: ignore[no-untyped-def]
    return str(to_json_number(value))

"""The printable score sheet as PDF (A4), drawn by Qt with the bundled CJK font: standings per round, awards,
corrections with their reasons, signature lines, and the log's last hash so the paper can be checked later."""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from stageshow.i18n import render
from stageshow.reports.score_table import ScoreTable, corrections_header, score_table, standings_header
from stageshow.store.event_log import EventLog
from stageshow.ui.fonts import ui_font


def write_pdf_score_sheet(log: EventLog, out: Path) -> None:
    application = QGuiApplication.instance() or QGuiApplication([])  # fonts and layout need one
    table = score_table(log)
    writer = QPdfWriter(str(out))
    writer.setTitle(render("sheet_title", title=table.show.title))
    writer.setCreator("StageShow")
    writer.setResolution(150)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    document.setDefaultFont(ui_font(20))
    document.setHtml(_html(table))
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    document.print_(writer)
    del application


def _html(table: ScoreTable) -> str:
    show = table.show
    head = [html.escape(cell) for cell in standings_header(show)]
    rows = "".join(
        "<tr>" + "".join(f"<td align='center'>{cell}</td>" for cell in (
            row.rank, row.seat, html.escape(row.name), row.base, *row.per_round, row.adjustments,
            f"<b>{row.total}</b>", html.escape(row.award or ""))) + "</tr>"
        for row in table.rows
    )
    corrections = "".join(
        f"<tr><td>{item.seq}</td><td>{item.kind}</td><td>{html.escape(item.team)}</td><td>{html.escape(item.change)}"
        f"</td><td>{html.escape(item.reason)}</td></tr>" for item in table.corrections
    ) or f"<tr><td colspan='5'>{render('sheet_none')}</td></tr>"
    printed = datetime.now().strftime("%Y-%m-%d %H:%M")
    corrections_head = "".join(f"<th>{html.escape(cell)}</th>" for index, cell in enumerate(corrections_header())
                               if index != 1)  # the seconds are for the spreadsheet, not the signed paper
    blank = "＿" * 7
    signatures = "　　".join(f"{render(code)}{blank}" for code in ("sign_scorer", "sign_chief", "sign_supervisor"))
    signatures += f"　　{render('sign_date')}{blank}"
    footer = render("sheet_footer", printed=printed, events=table.head_seq, hash=table.head_hash[:16])
    return f"""
    <h2 align='center'>{html.escape(show.title)}</h2>
    <p align='center'>{html.escape(render("sheet_subtitle", subtitle=show.subtitle or ""))}</p>
    <table border='1' cellspacing='0' cellpadding='4' width='100%'>
      <tr>{''.join(f"<th>{cell}</th>" for cell in head)}</tr>{rows}
    </table>
    <h4>{render("sheet_corrections")}</h4>
    <table border='1' cellspacing='0' cellpadding='3' width='100%'>
      <tr>{corrections_head}</tr>{corrections}
    </table>
    <p><br>{signatures}</p>
    <p style='font-size:small;color:#555'>{html.escape(footer)}</p>
    """

"""The printable score sheet as PDF (A4), drawn by Qt with the bundled CJK font: standings per round, awards,
corrections with their reasons, signature lines, and the log's last hash so the paper can be checked later."""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from stageshow.reports.score_table import ScoreTable, score_table
from stageshow.store.event_log import EventLog
from stageshow.ui.fonts import ui_font


def write_pdf_score_sheet(log: EventLog, out: Path) -> None:
    application = QGuiApplication.instance() or QGuiApplication([])  # fonts and layout need one
    table = score_table(log)
    writer = QPdfWriter(str(out))
    writer.setTitle(f"{table.show.title} 成绩表")
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
    head = ["名次", "台号", "代表队", "基础分", *[html.escape(r.title) for r in show.rounds], "调整", "总分", "奖项"]
    rows = "".join(
        "<tr>" + "".join(f"<td align='center'>{cell}</td>" for cell in (
            row.rank, row.seat, html.escape(row.name), row.base, *row.per_round, row.adjustments,
            f"<b>{row.total}</b>", html.escape(row.award or ""))) + "</tr>"
        for row in table.rows
    )
    corrections = "".join(
        f"<tr><td>{item.seq}</td><td>{item.kind}</td><td>{html.escape(item.team)}</td><td>{html.escape(item.change)}"
        f"</td><td>{html.escape(item.reason)}</td></tr>" for item in table.corrections
    ) or "<tr><td colspan='5'>无</td></tr>"
    printed = datetime.now().strftime("%Y-%m-%d %H:%M")
    return f"""
    <h2 align='center'>{html.escape(show.title)}</h2>
    <p align='center'>{html.escape(show.subtitle or '')}　成绩表</p>
    <table border='1' cellspacing='0' cellpadding='4' width='100%'>
      <tr>{''.join(f"<th>{cell}</th>" for cell in head)}</tr>{rows}
    </table>
    <h4>分数更正记录</h4>
    <table border='1' cellspacing='0' cellpadding='3' width='100%'>
      <tr><th>序号</th><th>类型</th><th>队伍</th><th>分数变化</th><th>原因 / 撤销的操作</th></tr>{corrections}
    </table>
    <p><br>计分员签字：＿＿＿＿＿＿＿　　裁判长签字：＿＿＿＿＿＿＿　　监督员签字：＿＿＿＿＿＿＿
    　　日期：＿＿＿＿＿＿</p>
    <p style='font-size:small;color:#555'>打印时间 {printed}；事件记录共 {table.head_seq} 条，末条哈希
    {table.head_hash[:16]}…（可用 stageshow verify 核对）</p>
    """

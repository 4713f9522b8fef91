"""评委卡: one card per judge for `stageshow export DB --judge-cards OUT.pdf`, each with the judge's own join QR code
(the address and the judge's token), the address in print for typing, and how to use it. Two cards to an A4 page, to
cut along the line. The token is made from the database's secret, so a printed card stays valid across restarts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from stageshow.hall.tokens import judge_token
from stageshow.reports.output import written_whole
from stageshow.ui.fonts import ui_font
from stageshow.ui.qr import qr_image

RESOLUTION = 150
STEPS = ("1. 连接会场的 Wi-Fi（与比赛电脑同一网络）", "2. 用平板或手机的相机扫描二维码，在浏览器中打开",
         "3. 看清“正在评分”的队伍，填写分数，按“提交评分”，再按一次确认",
         "4. 提交后分数锁定；如需修改，请告诉操作员解锁", "微信里扫码时，请点右上角“…”选“在浏览器中打开”")


def write_judge_cards(title: str, judges: int, base_url: str, secret: str, out: Path) -> None:
    application = QGuiApplication.instance() or QGuiApplication([])  # fonts need one
    with written_whole(out) as partial:
        writer = QPdfWriter(str(partial))
        writer.setTitle(f"{title} 评委卡")
        writer.setCreator("StageShow")
        writer.setResolution(RESOLUTION)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                         QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
        page = writer.pageLayout().paintRectPixels(RESOLUTION)
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(0, "PDF")
        half = page.height() / 2
        for index in range(judges):
            if index and index % 2 == 0:
                writer.newPage()
            top = (index % 2) * half
            if index % 2:
                painter.setPen(QPen(QColor("#999999"), 2, Qt.PenStyle.DashLine))  # cut here
                painter.drawLine(0, int(top), page.width(), int(top))
            url = f"{base_url}judge?t={judge_token(secret, index + 1)}"
            _card(painter, QRectF(0, top + 30, page.width(), half - 60), title, index + 1, url)
        painter.end()
    del application


def _card(painter: QPainter, area: QRectF, title: str, judge: int, url: str) -> None:
    painter.setPen(QColor("#111111"))
    painter.setFont(ui_font(30))
    painter.drawText(QRectF(area.left(), area.top(), area.width(), 60), Qt.AlignmentFlag.AlignCenter, title)
    painter.setFont(ui_font(64, bold=True))
    painter.drawText(QRectF(area.left(), area.top() + 60, area.width(), 110), Qt.AlignmentFlag.AlignCenter,
                     f"{judge} 号评委")
    side = min(area.height() - 260, area.width() * 0.45)
    code = QRectF(area.left(), area.top() + 190, side, side)
    painter.drawImage(code, qr_image(url, scale=10))
    text_left = code.right() + 40
    painter.setFont(ui_font(24))
    y = code.top()
    for line in STEPS:
        box = QRectF(text_left, y, area.right() - text_left, 120)
        used = painter.boundingRect(box, Qt.TextFlag.TextWordWrap, line)
        painter.drawText(box, Qt.TextFlag.TextWordWrap, line)
        y += used.height() + 14
    painter.setFont(ui_font(20))
    painter.drawText(QRectF(area.left(), code.bottom() + 12, area.width(), 60),
                     Qt.TextFlag.TextWrapAnywhere, f"地址：{url}")


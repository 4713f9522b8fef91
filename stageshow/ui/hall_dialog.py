"""比赛 → 局域网连接…: the hall's pages as QR codes (the mirror screens, the overlay, the audience's voting, the host's
card, each judge's tablet), the control address for button boxes, and the devices heard from, refreshed every
second."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stageshow.ui.hall_link import HallLink
from stageshow.ui.qr import qr_pixmap
from stageshow.ui.tr import tr, tr_noop

PAGE_WORDS = {
    "mirror": tr_noop("大屏镜像（LED 屏、分会场、评委席）"),
    "overlay": tr_noop("直播叠加层（透明背景）"),
    "vote": tr_noop("大众评委投票（也显示在大屏上）"),
    "host": tr_noop("主持人提示卡（只给主持人扫，勿外传）"),
}
ROLE_WORDS = {"judge": tr_noop("评委"), "host": tr_noop("主持人"), "control": tr_noop("控制器"),
              "page": tr_noop("页面"), "voters": tr_noop("观众手机")}


class HallDialog(QDialog):
    def __init__(self, link: HallLink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.link = link
        self.setWindowTitle(tr("局域网连接"))
        layout = QVBoxLayout(self)
        urls = link.page_urls()
        if not urls:
            layout.addWidget(QLabel(tr("局域网连接未开启：按 Ctrl+Shift+L 开启。")))
            return
        tabs = QTabWidget()
        tabs.addTab(self._codes([(urls[page], tr(words), urls[page].split("?")[0]) for page, words in
                                 PAGE_WORDS.items()]), tr("页面"))
        judges = [(urls[f"judge{n}"], tr("{judge} 号评委", judge=n), tr("（评委卡上的二维码与此相同）"))
                  for n in range(1, link.bridge.show.most_judges() + 1)]
        if judges:
            tabs.addTab(self._codes(judges), tr("评委"))
        self.devices = QTableWidget(0, 4)
        self.devices.setHorizontalHeaderLabels([tr("角色"), tr("名称"), tr("地址"), tr("最后联系")])
        self.devices.horizontalHeader().setStretchLastSection(True)
        tabs.addTab(self.devices, tr("设备"))
        layout.addWidget(tabs)
        layout.addWidget(QLabel(tr("其他地址：{urls}", urls="  ".join(link.server.urls()[1:]) or "—")
                                if link.server else ""))
        control = QLabel(tr("按键盒、控制台按钮：POST {url}，内容 {{\"command\": \"next|go|correct|wrong|reveal\"}}",
                            url=urls["control"]))
        control.setWordWrap(True)
        control.setObjectName("control_address")
        layout.addWidget(control)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(1000)
        self.refresh()

    def _codes(self, pages: list[tuple[str, str, str]]) -> QWidget:
        inner = QWidget()
        grid = QGridLayout(inner)
        columns = 4
        for index, (url, words, shown) in enumerate(pages):
            code = QLabel()
            code.setPixmap(qr_pixmap(url))
            code.setObjectName("qr_code")
            code.setToolTip(url)
            caption = QLabel(f"{words}\n{shown}")
            caption.setWordWrap(True)
            grid.addWidget(code, (index // columns) * 2, index % columns)
            grid.addWidget(caption, (index // columns) * 2 + 1, index % columns)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        return scroll

    def refresh(self) -> None:
        server = self.link.server
        rows: list[dict[str, Any]] = server.device_rows() if server is not None else []
        now = time.time()
        self.devices.setRowCount(len(rows))
        for row, device in enumerate(rows):
            name = device["name"]
            if device["role"] == "voters":
                name = tr("{count} 部", count=name)
            elif device["role"] == "page":
                name = tr(PAGE_WORDS.get(name, name)).split("（")[0]
            seen = tr("{seconds} 秒前", seconds=int(now - device["last_seen"]))
            if device.get("following"):
                seen += tr("（在线）")
            for column, value in enumerate((tr(ROLE_WORDS.get(device["role"], device["role"])), name,
                                            device["address"], seen)):
                self.devices.setItem(row, column, QTableWidgetItem(value))
        self.devices.resizeColumnsToContents()

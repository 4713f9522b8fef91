"""比赛 → 局域网连接 (Ctrl+Shift+L): the hall's pages served over the LAN while the operator wants them. Off until
turned on; the console's status bar shows the address, and a window shows it as QR codes for the mirror screens and
the streaming overlay, with the pages now following the stage."""

from __future__ import annotations

import hashlib
import io
import secrets
import time
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtGui import QAction, QKeySequence, QPixmap
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from stageshow.hall.addresses import DEFAULT_PORT
from stageshow.hall.host_card import host_card
from stageshow.hall.process import HallProcess
from stageshow.ui.bridge import ShowBridge
from stageshow.ui.tr import tr, tr_noop

HOST_WORDS = tr_noop("主持人提示卡（只给主持人扫，勿外传）")
PAGES = (("mirror", tr_noop("大屏镜像（LED 屏、分会场、评委席）")), ("overlay", tr_noop("直播叠加层（透明背景）")))


def qr_pixmap(text: str, scale: int = 5) -> QPixmap:
    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class HallLink(QObject):
    """The server's life in the app: on, off, and every new stage picture handed to it."""

    def __init__(self, bridge: ShowBridge, status: QLabel, settings: QSettings, db: Path,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge, self.status = bridge, status
        self.host_token = host_token(settings, db)
        self.server: HallProcess | None = None
        self.action = QAction(tr("局域网连接（镜像屏幕）"), self)
        self.action.setObjectName("action_hall_link")
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.action.toggled.connect(self._on_action_toggled)
        bridge.snapshot_changed.connect(self._publish)

    def _on_action_toggled(self, on: bool) -> None:
        if on:
            self.start()
        else:
            self.stop()

    def start(self, port: int | None = None) -> bool:
        if self.server is not None:
            return True
        server = HallProcess(port=port or DEFAULT_PORT, host_token=self.host_token)
        try:
            server.start()
        except OSError as error:
            self.status.setText(tr("局域网连接无法开启：{reason}", reason=str(error)))
            self._show_state(False)
            return False
        self.server = server
        self._show_state(True)
        self._publish()
        self.status.setText(tr("局域网连接已开启：{url}（比赛 → 局域网连接… 查看二维码）", url=server.urls()[0]))
        return True

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None
            self.status.setText(tr("局域网连接已关闭"))
        self._show_state(False)

    def _show_state(self, on: bool) -> None:
        """The menu's tick follows the link, however it was turned on or off."""
        self.action.blockSignals(True)
        self.action.setChecked(on)
        self.action.blockSignals(False)

    def _publish(self) -> None:
        if self.server is not None:
            snapshot = self.bridge.public_snapshot()
            self.server.publish(snapshot, self.bridge.now(), host_card(self.bridge.show, snapshot))


def host_token(settings: QSettings, db: Path) -> str:
    """The host's token for this show's database, kept across restarts so the host's page rejoins by itself."""
    key = "hall/host_token/" + hashlib.sha256(str(db.resolve()).encode()).hexdigest()[:16]
    token = settings.value(key)
    if not isinstance(token, str) or len(token) < 16:
        token = secrets.token_urlsafe(16)
        settings.setValue(key, token)
    return token


class HallDialog(QDialog):
    """The addresses as QR codes, and the pages following the stage (refreshed every second)."""

    def __init__(self, link: HallLink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.link = link
        self.setWindowTitle(tr("局域网连接"))
        layout = QVBoxLayout(self)
        server = link.server
        if server is None:
            layout.addWidget(QLabel(tr("局域网连接未开启：按 Ctrl+Shift+L 开启。")))
            return
        base = server.urls()[0]
        grid = QGridLayout()
        pages = [*PAGES, (f"host?t={link.host_token}", HOST_WORDS)]
        for column, (page, words) in enumerate(pages):
            code = QLabel()
            code.setPixmap(qr_pixmap(base + page))
            grid.addWidget(code, 0, column)
            grid.addWidget(QLabel(f"{tr(words)}\n{base}{page.split('?')[0]}"), 1, column)
        layout.addLayout(grid)
        layout.addWidget(QLabel(tr("其他地址：{urls}", urls="  ".join(server.urls()[1:]) or "—")))
        layout.addWidget(QLabel(tr("正在跟随大屏的页面：")))
        self.devices = QListWidget()
        layout.addWidget(self.devices)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(1000)
        self.refresh()

    def refresh(self) -> None:
        server = self.link.server
        rows = server.listener_rows() if server is not None else []
        self.devices.clear()
        now = time.time()
        self.devices.addItems([tr("{page}　{address}　{seconds} 秒前", page=row["page"], address=row["address"],
                                  seconds=int(now - row["last_seen"])) for row in rows] or [tr("（还没有）")])

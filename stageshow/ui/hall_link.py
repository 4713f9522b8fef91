"""比赛 → 局域网连接 (Ctrl+Shift+L): the hall on the LAN while the operator wants it (or from the start, with
`network:` in the show file). Every new stage picture goes to the hall's server with its private parts (the host's
card, the judges' own sheets); what the devices ask comes back here and goes to the engine as a command, through the
bridge like the console's own."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from stageshow.domain.model import Network
from stageshow.domain.points import to_json_number
from stageshow.hall.addresses import DEFAULT_PORT
from stageshow.hall.host_card import host_card
from stageshow.hall.process import HallProcess
from stageshow.hall.requests import Refused, command_for
from stageshow.hall.tokens import judge_token, role_token
from stageshow.ui.bridge import ShowBridge
from stageshow.ui.tr import tr


WATCH_MS = 2000


class HallLink(QObject):
    """The server's life in the app: on, off, every new stage picture handed to it, every request answered."""

    vote_url_changed = Signal(str)  # the voting page's address ("" when the link is off): the stage shows its code

    def __init__(self, bridge: ShowBridge, status: QLabel, network: Network | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge, self.status = bridge, status
        self.network = network or Network()
        self.secret = bridge.session.hall_secret  # kept in the database: tokens outlive a restart
        self.host_token = role_token(self.secret, "host")
        self.control_token = role_token(self.secret, "control")
        self.server: HallProcess | None = None
        self.action = QAction(tr("局域网连接（评委、投票、主持人、镜像屏幕）"), self)
        self.action.setObjectName("action_hall_link")
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.action.toggled.connect(self._on_action_toggled)
        bridge.snapshot_changed.connect(self._publish)
        self._watch = QTimer(self)  # a server that died while the stage stood still is started again all the same
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._on_watch_timeout)

    def _on_action_toggled(self, on: bool) -> None:
        if on:
            self.start()
        else:
            self.stop()

    def start(self, port: int | None = None) -> bool:
        if self.server is not None:
            return True
        server = HallProcess(port=port or self.network.port or DEFAULT_PORT, secret=self.secret, answer=self.answer,
                             host_control=self.network.host_control)
        try:
            server.start()
        except OSError as error:
            self.status.setText(tr("局域网连接无法开启：{reason}", reason=str(error)))
            self._show_state(False)
            return False
        self.server = server
        self._watch.start()
        self._show_state(True)
        base = server.urls()[0]
        self.vote_url_changed.emit(base + "vote")
        self._publish()
        self.status.setText(tr("局域网连接已开启：{url}（比赛 → 局域网连接… 查看二维码）", url=base))
        return True

    def stop(self) -> None:
        self._watch.stop()
        if self.server is not None:
            self.server.stop()
            self.server = None
            self.vote_url_changed.emit("")
            self.status.setText(tr("局域网连接已关闭"))
        self._show_state(False)

    def base_url(self) -> str | None:
        return self.server.urls()[0] if self.server is not None else None

    def page_urls(self) -> dict[str, str]:
        """Each page's address with its token where it needs one: what the QR codes hold."""
        base = self.base_url()
        if base is None:
            return {}
        urls = {"mirror": base + "mirror", "overlay": base + "overlay", "vote": base + "vote",
                "host": f"{base}host?t={self.host_token}", "control": f"{base}api/control?t={self.control_token}"}
        for judge in range(1, self.bridge.show.most_judges() + 1):
            urls[f"judge{judge}"] = f"{base}judge?t={judge_token(self.secret, judge)}"
        return urls

    def answer(self, request: dict[str, Any]) -> dict[str, Any]:
        """A device's request, on the hall's thread: the engine decides, as for the console; the device hears why
        not. The bridge is safe to call from here (one command at a time)."""
        try:
            command = command_for(request)
        except (Refused, KeyError, ValueError, TypeError) as refused:
            return {"ok": False, "message": str(refused)}
        refusal = self.bridge.offer(command)
        return {"ok": refusal is None, "message": refusal or "已收到"}

    def _show_state(self, on: bool) -> None:
        """The menu's tick follows the link, however it was turned on or off."""
        self.action.blockSignals(True)
        self.action.setChecked(on)
        self.action.blockSignals(False)

    def _on_watch_timeout(self) -> None:
        if self.server is not None and not self.server.alive:
            self._publish()  # the picture finds the process gone and starts it again on the same port

    def _publish(self) -> None:
        if self.server is not None:
            snapshot = self.bridge.public_snapshot()
            round_state = self.bridge.state.round
            sheets = {team: {judge: [to_json_number(score) for score in scores] for judge, scores in given.items()}
                      for team, given in round_state.sheets.items()} if round_state else {}
            try:
                self.server.publish(snapshot, self.bridge.now(),
                                    {"host": host_card(self.bridge.show, snapshot), "sheets": sheets})
            except OSError as error:  # its process died and could not start again: the watch tries once more
                self.status.setText(tr("局域网连接中断，正在重新开启：{reason}", reason=str(error)))

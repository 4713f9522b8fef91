"""The LAN link in the real windows: off until the operator turns it on, the address in the status bar, every change
of the stage pushed to the pages, a QR code per page, and off again with the show."""

from __future__ import annotations

import json

from stageshow.domain import commands as c
from stageshow.hall.addresses import free_port
from tests.hall_client import get_text
from tests.support import DEMO_SHOW, open_app


def test_the_operator_turns_the_link_on_and_the_pages_follow_the_stage(qtbot, tmp_path):
    windows = open_app(qtbot, DEMO_SHOW, tmp_path)
    try:
        assert windows.hall.server is None  # off until asked
        page = windows.open_preflight()
        line = next(item for item in page.check_lines() if item.what == "局域网连接")
        assert line.ok is None and "未开启" in line.detail
        assert windows.hall.start(port=free_port(19765))
        line = next(item for item in page.check_lines() if item.what == "局域网连接")
        assert line.ok is True and f":{windows.hall.server.port}/" in line.detail and "防火墙" in line.fix
        page.close()
        port = windows.hall.server.port
        assert f":{port}/" in windows.console.status.text()
        before = json.loads(get_text(port, "/api/public"))
        assert before["title"] == "2026年全市行政执法技能大比武决赛" and before["question"] is None
        windows.bridge.submit(c.StartRound("R1"))
        windows.bridge.submit(c.Next())
        qtbot.waitUntil(lambda: json.loads(get_text(port, "/api/public"))["question"] is not None, timeout=3000)
        served = json.loads(get_text(port, "/api/public"))
        assert served["question"]["answer"] is None and served["round_title"] == "第一轮 个人必答题"
        from stageshow.ui.hall_dialog import HallDialog

        dialog = HallDialog(windows.hall, windows.console)
        codes = [label for label in dialog.findChildren(type(windows.console.status), "qr_code")
                 if not label.pixmap().isNull()]
        assert len(codes) == 4  # the mirror, the overlay, the voting and the host's card, each as a QR code
        dialog.close()
        windows.hall.action.setChecked(False)
        assert windows.hall.server is None and "已关闭" in windows.console.status.text()
    finally:
        windows.shutdown()


def test_a_server_process_that_dies_while_the_stage_stands_still_comes_back(qtbot, tmp_path):
    windows = open_app(qtbot, DEMO_SHOW, tmp_path)
    try:
        assert windows.hall.start(port=free_port(27765))
        port = windows.hall.server.port
        server = windows.hall.server
        start = server.start

        def refused() -> None:
            raise OSError("端口被占用")
        server.start = refused  # the first attempts fail: the operator reads it, and the watch tries again
        server._process.kill()  # nothing changes on the stage afterwards: no picture restarts it
        qtbot.waitUntil(lambda: "正在重新开启：端口被占用" in windows.console.status.text(), timeout=10000)
        server.start = start
        qtbot.waitUntil(lambda: server.alive and fetch_or_none(port) is not None, timeout=10000)
        assert json.loads(get_text(port, "/api/public"))["title"] == "2026年全市行政执法技能大比武决赛"
    finally:
        windows.shutdown()


def fetch_or_none(port: int) -> str | None:
    try:
        return get_text(port, "/api/public")
    except OSError:
        return None

"""The hall's devices against the real app: judges score from their tokens, phones vote once, a button box presses
next, the host's guarded buttons; every refusal comes back to the device with its reason, and forged tokens, double
votes, votes after the close, a judge writing another's slot, oversized or malformed bodies, a flood of taps and a
slow client are all refused or outlasted without touching the show."""

from __future__ import annotations

import json
import socket
import time

import pytest

from stageshow.domain import commands as c
from stageshow.hall.addresses import free_port
from stageshow.hall.tokens import judge_token, role_token
from tests.hall_client import first_event, get_json, post
from tests.support import open_app, write_show

CRITERIA = [{"name": "执法程序", "max": 40}, {"name": "文书制作", "max": 30}, {"name": "现场处置", "max": 30}]


def judged_show(folder, **knobs):
    rounds = [{"id": "R1", "kind": "buzz", "title": "抢答", "pool": "抢答", "questions": 3},
              {"id": "R5", "kind": "judged", "title": "情景模拟", "judges": 3, "drop_extremes": False,
               "per_vote": 1, "criteria": CRITERIA, **knobs}]
    return write_show(folder, rounds, teams=3)


@pytest.fixture
def hall(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    windows = open_app(qtbot, judged_show(tmp_path / "show"), tmp_path)
    assert windows.hall.start(port=free_port(21765))
    yield windows
    windows.shutdown()


def wait_public(qtbot, port, check):  # type: ignore[no-untyped-def]
    """The public snapshot once it passes `check`; the windows run meanwhile (they hand the hall each picture)."""
    served: list[dict] = [{}]  # type: ignore[type-arg]

    def passes() -> bool:
        served[0] = get_json(port, "/api/public")
        return check(served[0])
    qtbot.waitUntil(passes, timeout=5000)
    return served[0]


def test_judges_score_from_their_own_tokens_and_the_last_one_commits_the_panel(hall, qtbot):
    port, secret = hall.hall.server.port, hall.hall.secret
    hall.bridge.submit(c.StartRound("R1"))
    status, reply = post(port, f"/api/judge?t={judge_token(secret, 1)}", {"team": "T01", "scores": [40, 30, 30]})
    assert status == 409 and "评委评分" in reply["message"], reply  # not yet: the engine says why
    hall.bridge.submit(c.StartRound("R5"))
    card = first_event(port, f"/api/judge/stream?t={judge_token(secret, 1)}")
    assert card["team"]["id"] == "T01" and [line["name"] for line in card["criteria"]][0] == "执法程序"
    assert card["mine"] is None
    # judge 1 names slot 2 in the body: the token decides whose sheet it is
    status, reply = post(port, f"/api/judge?t={judge_token(secret, 1)}",
                         {"team": "T01", "judge": 2, "scores": [40, 30, 30]})
    assert status == 200 and reply["ok"], reply
    assert hall.bridge.state.round.sheets["T01"] == {1: (40, 30, 30)}
    # what judge 1 gave is judge 1's alone until the panel counts: the public snapshot says only who has scored
    public = wait_public(qtbot, port, lambda data: data["sheets_given"] == [1])
    assert "[40,30,30]" not in json.dumps(public, separators=(",", ":")) and public["panel_scores"] == {}
    other = first_event(port, f"/api/judge/stream?t={judge_token(secret, 2)}")
    assert other["mine"] is None and other["given"] == 1
    status, reply = post(port, f"/api/judge?t={judge_token(secret, 1)}", {"team": "T01", "scores": [10, 10, 10]})
    assert status == 409 and "已锁定" in reply["message"]
    for path, body, code, words in (
            (f"/api/judge?t={judge_token('another-secret', 2)}", {"team": "T01", "scores": [1, 1, 1]}, 403, "令牌无效"),
            (f"/api/judge?t={judge_token(secret, 2)[:-1]}x", {"team": "T01", "scores": [1, 1, 1]}, 403, "令牌无效"),
            ("/api/judge", {"team": "T01", "scores": [1, 1, 1]}, 403, "令牌无效"),
            (f"/api/judge?t={judge_token(secret, 4)}", {"team": "T01", "scores": [1, 1, 1]}, 409, "没有 4 号评委"),
            (f"/api/judge?t={judge_token(secret, 2)}", {"team": "T01", "scores": [41, 30, 30]}, 409, "0..40"),
            (f"/api/judge?t={judge_token(secret, 2)}", {"team": "T01", "scores": ["四十", 30, 30]}, 400, "数字"),
            (f"/api/judge?t={judge_token(secret, 2)}", {"team": "T01", "scores": [30]}, 409, "应有 3 项"),
            (f"/api/judge?t={judge_token(secret, 2)}", ["T01"], 400, "JSON 对象")):
        status, reply = post(port, path, body)
        assert status == code and words in reply["message"], (path, body, status, reply)
    assert post(port, f"/api/judge?t={judge_token(secret, 2)}", {"team": "T01", "scores": [30, 20, 20]})[0] == 200
    assert post(port, f"/api/judge?t={judge_token(secret, 3)}", {"team": "T01", "scores": [35, 25, 25]})[0] == 200
    served = wait_public(qtbot, port, lambda data: "T01" in data["panels"])
    assert served["panels"]["T01"] == 85 and served["performing"] == "T02"
    assert first_event(port, f"/api/judge/stream?t={judge_token(secret, 3)}")["team"]["id"] == "T02"
    assert hall.bridge.state.scores["T01"] == 85


def test_phones_vote_once_while_open_and_the_tally_is_the_log(hall, qtbot):
    port = hall.hall.server.port
    hall.bridge.submit(c.StartRound("R1"))
    hall.bridge.submit(c.StartRound("R5"))
    tokens = [post(port, "/api/vote/join")[1]["token"] for _ in range(3)]
    status, reply = post(port, "/api/vote/join")
    assert status == 429 and "太频繁" in reply["message"]  # one address cannot collect tokens by the dozen
    assert post(port, "/api/vote", {"token": tokens[0], "teams": ["T02"]}) == (409, {"ok": False,
                                                                                    "message": "投票还没有开始"})
    hall.bridge.submit(c.OpenVoting())
    assert post(port, "/api/vote", {"token": tokens[0], "teams": ["T02"]})[0] == 200
    status, reply = post(port, "/api/vote", {"token": tokens[0], "teams": ["T03"]})
    assert status == 409 and "已经投过" in reply["message"]
    forged = tokens[1].split(".")[0] + "." + "A" * 22
    for body, code, words in (({"token": forged, "teams": ["T01"]}, 403, "凭证无效"),
                              ({"token": tokens[1], "teams": ["T01", "T02"]}, 409, "1 至 1"),
                              ({"token": tokens[1], "teams": ["T99"]}, 409, "T99"),
                              ({"token": tokens[1], "teams": "T01"}, 400, "选择"),
                              ({"token": tokens[1]}, 400, "选择")):
        status, reply = post(port, "/api/vote", body)
        assert status == code and words in reply["message"], (body, status, reply)
    status, reply = post(port, "/api/vote", raw=b"{not json")
    assert status == 400 and "JSON" in reply["message"]
    status, _ = post(port, "/api/vote", raw=b'{"token": "' + b"x" * 40_000 + b'"}')
    assert status == 413
    assert post(port, "/api/vote", {"token": tokens[1], "teams": ["T02"]})[0] == 200
    wait_public(qtbot, port, lambda data: data["ballots"] == 2 and data["voting"] == "open")
    hall.bridge.submit(c.CloseVoting())
    status, reply = post(port, "/api/vote", {"token": tokens[2], "teams": ["T01"]})
    assert status == 409 and ("已经结束" in reply["message"] or "已经录入过" in reply["message"])
    assert hall.bridge.state.round.votes == {"T01": 0, "T02": 2, "T03": 0}
    assert hall.bridge.state.scores["T02"] == 2


def test_a_button_box_presses_next_and_go_with_its_token(hall, qtbot):
    port, secret = hall.hall.server.port, hall.hall.secret
    assert post(port, "/api/control?t=guess", {"command": "next"})[0] == 403
    hall.bridge.submit(c.StartRound("R1"))
    control = f"/api/control?t={role_token(secret, 'control')}"
    status, reply = post(port, control, {"command": "correct"})
    assert status == 409 and reply["message"], reply  # the engine's reason: no question in play
    assert post(port, control, {"command": "next"})[0] == 200
    assert post(port, control, {"command": "go"})[0] == 200
    assert hall.bridge.state.phase == "buzz_open"
    status, reply = post(port, control, {"command": "undo"})
    assert status == 400 and "next | go" in reply["message"]
    assert post(port, f"/api/host/control?t={role_token(secret, 'host')}", {"command": "next"})[0] == 403  # off


def test_a_flood_of_taps_is_slowed_and_a_slow_client_stalls_nobody(hall, qtbot):
    port, secret = hall.hall.server.port, hall.hall.secret
    control = f"/api/control?t={role_token(secret, 'control')}"
    statuses = [post(port, control, {"command": "reveal"})[0] for _ in range(25)]
    assert 429 in statuses and statuses[:5] == [409] * 5  # the first taps reach the show, the flood does not
    slow = [socket.create_connection(("127.0.0.1", port)) for _ in range(50)]
    for connection in slow:
        connection.sendall(b"POST /api/vote HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")  # and then nothing
    try:
        start = time.monotonic()
        assert get_json(port, "/api/public")["title"] == "测试决赛"
        assert time.monotonic() - start < 2
    finally:
        for connection in slow:
            connection.close()


def test_the_devices_list_names_each_role(hall, qtbot):
    port, secret = hall.hall.server.port, hall.hall.secret
    hall.bridge.submit(c.StartRound("R1"))
    hall.bridge.submit(c.StartRound("R5"))
    post(port, f"/api/judge?t={judge_token(secret, 2)}", {"team": "T01", "scores": [40, 30, 30]})
    token = post(port, "/api/vote/join")[1]["token"]
    post(port, "/api/vote", {"token": token, "teams": ["T01"]})
    rows = hall.hall.server.device_rows()
    assert [(row["role"], row["name"]) for row in rows] == [("judge", "2 号评委"), ("voters", "1")]
    from stageshow.ui.hall_dialog import HallDialog

    dialog = HallDialog(hall.hall, hall.console)
    words = [dialog.devices.item(row, column).text() for row in range(dialog.devices.rowCount()) for column in (0, 1)]
    assert words[:4] == ["评委", "2 号评委", "观众手机", "1 部"]
    judges = [label for label in dialog.findChildren(type(hall.console.status), "qr_code")]
    assert len(judges) == 4 + 3  # four pages, and a code per judge for one whose card is lost
    dialog.close()


def test_the_stage_shows_the_voting_code_and_the_count(hall, qtbot, tmp_path):
    port = hall.hall.server.port
    hall.bridge.submit(c.StartRound("R1"))
    hall.bridge.submit(c.StartRound("R5"))
    hall.bridge.submit(c.OpenVoting())
    for _ in range(2):
        post(port, "/api/vote", {"token": post(port, "/api/vote/join")[1]["token"], "teams": ["T03"]})
    view = hall.stage.view
    qtbot.waitUntil(lambda: view.snapshot.ballots == 2, timeout=5000)
    assert view.vote_code is not None and not view.vote_code.isNull()
    view.picture(view.size(), hall.bridge.now()).save(str(tmp_path / "voting.png"))
    qtbot.waitUntil(lambda: "已投 2 票" in view.last_texts, timeout=5000)
    assert "手机扫码投票，每部手机限投一次" in view.last_texts
    hall.bridge.submit(c.CloseVoting())
    qtbot.waitUntil(lambda: any("大众评委投票已结束：共 2 票" in text for text in view.last_texts), timeout=5000)
    hall.hall.stop()
    qtbot.waitUntil(lambda: view.vote_code is None, timeout=2000)  # no code for a page nobody can reach


def test_the_hosts_guarded_buttons_press_only_on_the_picture_the_host_saw(qtbot, tmp_path):
    port = free_port(26765, "127.0.0.1")
    rounds = [{"id": "R1", "kind": "buzz", "title": "抢答", "pool": "抢答", "questions": 3}]
    windows = open_app(qtbot, write_show(tmp_path / "show", rounds, teams=2,
                                         network={"port": port, "host_control": True}), tmp_path)
    try:
        assert windows.hall.server is not None and windows.hall.server.port == port  # on from the show file
        host = f"/api/host/control?t={windows.hall.host_token}"
        windows.bridge.submit(c.StartRound("R1"))
        qtbot.waitUntil(lambda: first_event(port, host.replace("control", "stream"))["round"] == "抢答", timeout=5000)
        card = first_event(port, host.replace("control", "stream"))
        assert card["controls"] is True
        status, reply = post(port, host, {"command": "next", "version": card["version"] - 1})
        assert status == 409 and "大屏已经变化" in reply["message"]
        assert post(port, host, {"command": "reveal", "version": card["version"]})[0] == 400  # next and go only
        assert post(port, host, {"command": "next", "version": card["version"]})[0] == 200
        assert windows.bridge.state.question is not None
    finally:
        windows.shutdown()


def test_the_hosts_line_follows_the_judging_and_the_voting(hall, qtbot):
    port, secret = hall.hall.server.port, hall.hall.secret
    for command in (c.StartRound("R1"), c.StartRound("R5")):
        hall.bridge.submit(command)
    post(port, f"/api/judge?t={judge_token(secret, 2)}", {"team": "T01", "scores": [40, 30, 30]})
    host = f"/api/host/stream?t={hall.hall.host_token}"
    qtbot.waitUntil(lambda: first_event(port, host)["say"] == "请1号台第1队展示，请评委评分（已评1/3）", timeout=5000)
    hall.bridge.submit(c.OpenVoting())
    voting = "请大众评委扫描大屏上的二维码投票，已收到0票"
    qtbot.waitUntil(lambda: first_event(port, host)["say"] == voting, timeout=5000)


def test_opening_the_voting_with_the_link_off_says_so_at_once(qtbot, tmp_path):
    windows = open_app(qtbot, judged_show(tmp_path / "show"), tmp_path)
    try:
        for command in (c.StartRound("R1"), c.StartRound("R5")):
            windows.bridge.submit(command)
        windows.actions["action_voting"].trigger()
        assert windows.bridge.state.round.voting == "open"
        assert "局域网连接未开启" in windows.console.status.text()
    finally:
        windows.shutdown()


def test_the_devices_list_puts_judges_in_their_numbers_order():
    from stageshow.hall.devices import Devices

    devices = Devices()
    for key, name in (("host", "主持人"), ("judge:10", "10 号评委"), ("judge:2", "2 号评委")):
        devices.heard(key, name, "10.0.0.9")
    assert [row["name"] for row in devices.rows([])] == ["2 号评委", "10 号评委", "主持人"]

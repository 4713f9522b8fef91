"""The hall under load and through a crash: 500 phones vote within a minute and none is lost or counted twice (the
tally equals the log); StageShow killed mid-vote and mid-panel comes back with every acknowledged ballot and sheet,
and the judges' and phones' tokens still work."""

from __future__ import annotations

import http.client
import json
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import yaml

from stageshow.domain import commands as c
from stageshow.domain import events as e
from stageshow.hall.addresses import free_port
from stageshow.hall.tokens import judge_token
from stageshow.store.database import open_database
from stageshow.store.event_log import EventLog
from tests.hall_client import first_event, post
from tests.support import PROJECT, open_app, write_show

VOTERS = 500


def judged_show(folder, **show_fields):  # type: ignore[no-untyped-def]
    rounds = [{"id": "R1", "kind": "buzz", "title": "抢答", "pool": "抢答", "questions": 3},
              {"id": "R5", "kind": "judged", "title": "情景模拟", "judges": 3, "drop_extremes": False,
               "per_vote": 1, "votes_per_ballot": 2}]
    return write_show(folder, rounds, teams=10, **show_fields)


def phone_post(port: int, address: str, path: str, body: dict | None = None) -> tuple[int, dict]:  # type: ignore[type-arg]
    """A phone of its own: its own source address on the loopback network (127.x.y.z all reach this machine)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(address, 0))
    try:
        connection.request("POST", path, json.dumps(body or {}), {"Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def vote(port: int, index: int) -> tuple[str, int, dict]:  # type: ignore[type-arg]
    address = f"127.0.{index // 250 + 1}.{index % 250 + 2}"
    status, reply = phone_post(port, address, "/api/vote/join")
    assert status == 200, reply
    token = reply["token"]
    teams = [f"T{index % 10 + 1:02d}"] if index % 3 else [f"T{index % 10 + 1:02d}", f"T{(index + 1) % 10 + 1:02d}"]
    status, reply = phone_post(port, address, "/api/vote", {"token": token, "teams": teams})
    return token, status, {**reply, "teams": teams}


def logged_ballots(db) -> list[e.BallotCast]:  # type: ignore[no-untyped-def]
    database = open_database(db)
    log = EventLog(database, EventLog.latest(database))
    ballots = [item.event for item in log.events() if isinstance(item.event, e.BallotCast)]
    database.dispose()
    return ballots


def test_five_hundred_phones_vote_within_a_minute_none_lost_none_twice(qtbot, tmp_path):
    windows = open_app(qtbot, judged_show(tmp_path / "show"), tmp_path)
    try:
        assert windows.hall.start(port=free_port(22765))
        port = windows.hall.server.port
        for command in (c.StartRound("R1"), c.StartRound("R5"), c.OpenVoting()):
            assert windows.bridge.submit(command)
        start = time.monotonic()
        with ThreadPoolExecutor(max_workers=50) as pool:
            results = list(pool.map(lambda index: vote(port, index), range(VOTERS)))
        seconds = time.monotonic() - start
        assert seconds < 60, seconds
        assert [status for _, status, _ in results] == [200] * VOTERS, [r for r in results if r[1] != 200][:3]
        again = [vote_again for vote_again in (post(port, "/api/vote", {"token": results[n][0], "teams": ["T01"]})
                                               for n in range(0, VOTERS, 100))]
        assert all(status == 409 and "已经投过" in reply["message"] for status, reply in again)
        assert windows.bridge.submit(c.CloseVoting())
        expected = {f"T{n:02d}": 0 for n in range(1, 11)}
        for _, _, reply in results:
            for team in reply["teams"]:
                expected[team] += 1
        assert windows.bridge.state.round.votes == expected
        ballots = logged_ballots(tmp_path / "show.sqlite3")
        assert len(ballots) == VOTERS and len({ballot.voter for ballot in ballots}) == VOTERS
        tally = {team: 0 for team in expected}
        for ballot in ballots:
            for team in ballot.teams:
                tally[team] += 1
        assert tally == expected  # the tally is the log's
    finally:
        windows.shutdown()


def start_child(show, db, folder, fresh: bool):  # type: ignore[no-untyped-def]
    child = subprocess.Popen([sys.executable, str(PROJECT / "tests" / "hall_child.py"), str(show), str(db),
                              str(folder / "settings.ini"), "fresh" if fresh else "resume"],
                             stdout=subprocess.PIPE, text=True, cwd=PROJECT)
    line = child.stdout.readline().split()
    assert line[:1] == ["ready"] and int(line[1]) > 0, line
    return child, int(line[1])


@pytest.mark.slow
def test_killed_mid_vote_and_mid_panel_every_acknowledged_ballot_and_sheet_is_back(tmp_path):
    folder = tmp_path / "show"
    port = free_port(23765, "127.0.0.1")
    show = judged_show(folder, network={"port": port})
    assert yaml.safe_load(show.read_text(encoding="utf-8"))["network"] == {"port": port}
    db = folder / "show.sqlite3"
    child, served = start_child(show, db, tmp_path, fresh=True)
    try:
        assert served == port  # the show file turned the link on, on its port
        secret_cards = [judge_token(_secret(db), judge) for judge in (1, 2)]
        for judge, token in zip((1, 2), secret_cards, strict=True):
            assert post(port, f"/api/judge?t={token}", {"team": "T01", "scores": [80 + judge]})[0] == 200
        acknowledged: list[str] = []
        with ThreadPoolExecutor(max_workers=20) as pool:
            futures = [pool.submit(vote, port, index) for index in range(200)]
            time.sleep(0.3)
            child.send_signal(signal.SIGKILL)  # mid-vote: some ballots answered, some in flight, some never sent
            for future in futures:
                try:
                    token, status, _ = future.result()
                except Exception:  # noqa: BLE001 - the server went away under this phone
                    continue
                if status == 200:
                    acknowledged.append(token.split(".")[0])
        child.wait(10)
        assert acknowledged, "the kill came before any ballot: nothing was tested"
        child, served = start_child(show, db, tmp_path, fresh=False)
        logged = {ballot.voter for ballot in logged_ballots(db)}
        assert set(acknowledged) <= logged  # every phone told "done" was recorded
        card = first_event(port, f"/api/judge/stream?t={secret_cards[0]}")  # the judge's tablet rejoins
        assert card["team"]["id"] == "T01" and card["mine"] == [81]
        assert post(port, f"/api/judge?t={judge_token(_secret(db), 3)}", {"team": "T01", "scores": [90]})[0] == 200
        status, reply = post(port, "/api/vote/join")
        assert status == 200
        assert post(port, "/api/vote", {"token": reply["token"], "teams": ["T05"]})[0] == 200  # still open
    finally:
        child.kill()
        child.wait(10)
    database = open_database(db)
    log = EventLog(database, EventLog.latest(database))
    panels = [item.event for item in log.events() if isinstance(item.event, e.PanelScored)]
    assert [(panel.team, panel.scores) for panel in panels] == [("T01", [81, 82, 90])]


def _secret(db) -> str:  # type: ignore[no-untyped-def]
    from stageshow.store.hall_keys import hall_secret

    database = open_database(db)
    try:
        return hall_secret(database, create=False) or ""
    finally:
        database.dispose()

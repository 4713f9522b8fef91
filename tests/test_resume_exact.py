"""Resume exactly: the real windows killed with SIGKILL in every phase of a final, then opened again on the same
database. The operator is told, the event log is back in full, a countdown has the time it really had left, and
buzzers that were open come back paused, with no press counted (or timed) across the outage."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from stageshow.domain import commands as c
from stageshow.domain import events as e
from tests.support import open_app, write_show

TESTS = Path(__file__).resolve().parent
SECOND = 1_000_000_000

CASES = {
    "compulsory countdown": ([{"id": "R1", "title": "必答", "kind": "compulsory", "pool": "必答", "per_team": 1}],
                             [["start", "R1"], ["next", {}], ["go", {}]]),
    "buzzers open": ([{"id": "R1", "title": "抢答", "kind": "buzz", "pool": "抢答", "questions": 2}],
                     [["start", "R1"], ["next", {}], ["go", {}]]),
    "answering after a buzz": ([{"id": "R1", "title": "抢答", "kind": "buzz", "pool": "抢答", "questions": 2}],
                               [["start", "R1"], ["next", {}], ["go", {}], ["press", {"team": "T02"}]]),
    "risk choice": ([{"id": "R1", "title": "风险", "kind": "risk", "pool": "风险"}],
                    [["start", "R1"], ["choose", {"team": "T01", "tier": 20}], ["go", {}]]),
    "correction": ([{"id": "R1", "title": "纠错", "kind": "correction", "pool": "纠错", "per_team": 1}],
                   [["start", "R1"], ["next", {}], ["go", {}]]),
    "judged entry": ([{"id": "R1", "title": "情景模拟", "kind": "judged", "judges": 3}],
                     [["start", "R1"], ["panel", {"team": "T01", "judges": [90, 80, 85]}]]),
    "ceremony": ([{"id": "R1", "title": "抢答", "kind": "buzz", "pool": "抢答", "questions": 1}],
                 [["start", "R1"], ["next", {}], ["go", {}], ["press", {"team": "T03"}], ["judge", "correct"],
                  ["finish", {}]]),
}


def kill_mid_show(tmp_path, rounds, steps, run_for=2.5):
    show = write_show(tmp_path / "show", rounds)
    db = tmp_path / "show.sqlite3"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STAGESHOW_REALTIME": "0"}
    child = subprocess.Popen([sys.executable, str(TESTS / "resume_child.py"), str(show), str(db), str(tmp_path),
                              json.dumps(steps), str(run_for)], stdout=subprocess.PIPE, text=True, env=env,
                             cwd=TESTS.parent)
    try:
        report = json.loads(child.stdout.readline())
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    return show, db, report


def reopen(qtbot, tmp_path, show, db):
    return open_app(qtbot, show, tmp_path, db)


@pytest.mark.parametrize("case", list(CASES))
def test_a_kill_in_any_phase_resumes_exactly(qtbot, tmp_path, case):
    from stageshow.ui.console.describe import event_line

    rounds, steps = CASES[case]
    show, db, before = kill_mid_show(tmp_path, rounds, steps)
    windows = reopen(qtbot, tmp_path, show, db)
    try:
        console, bridge = windows.console, windows.bridge
        state = bridge.state
        assert state.phase.value == before["phase"]
        # The operator is told, in words, and sees the whole log again.
        assert console.alarm_bar.isVisible() and "比赛已从中断处恢复" in console.alarm_label.text()
        logged = bridge.session.logged_events()
        if state.phase.value == "finished":  # reopening a finished show writes nothing into its record
            assert len(logged) == before["events"]
        else:
            resumed = logged[before["events"]][0]  # every event before the kill, then the resume itself
            assert isinstance(resumed, e.CommandAccepted) and resumed.name == "recover"
        lines = [line for line in (event_line(bridge.show, event, at) for event, at in logged) if line]
        assert [console.log_list.item(row).text() for row in range(console.log_list.count())][:len(lines)] == lines
        if before["left_ns"] is None:
            assert state.countdown is None or state.countdown.deadline is None
            return
        # The countdown is back paused with what it really had left (not what it had at the last event).
        assert state.countdown.deadline is None
        assert abs(state.countdown.remaining - before["left_ns"]) <= SECOND, (state.countdown.remaining, before)
        assert state.countdown.remaining < state.countdown.duration - SECOND  # it had run; that was kept
        assert "按 Space 继续" in console.alarm_label.text()
        console.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is console)
        qtbot.keyClick(console, Qt.Key.Key_Escape)  # read: Esc puts the notice away
        assert not console.alarm_bar.isVisible()
    finally:
        windows.shutdown()


def test_buzzers_open_at_a_kill_come_back_paused_and_count_no_press_until_reopened(qtbot, tmp_path):
    rounds, steps = CASES["buzzers open"]
    show, db, _ = kill_mid_show(tmp_path, rounds, steps)
    windows = reopen(qtbot, tmp_path, show, db)
    try:
        bridge, stage = windows.bridge, windows.stage
        stage.view.grab()  # paints the stage as the hall sees it
        assert "抢答暂停，请等待主持人口令" in stage.view.last_texts and "请抢答！" not in stage.view.last_texts
        assert bridge.submit(c.Press("T01"))
        assert bridge.state.question.presses[-1].outcome == "ignored" and bridge.state.question.team is None
        assert "重新开放抢答器" in windows.console.controls.primary.text()
        windows.actions["action_primary"].trigger()  # Space: the buzzers open again
        assert bridge.state.countdown.deadline is not None
        stage.view.grab()
        assert "请抢答！" in stage.view.last_texts
        assert bridge.submit(c.Press("T02", stamp=bridge.now()))
        press = bridge.state.question.presses[-1]
        assert press.outcome == "won" and 0 <= press.reaction < SECOND  # timed from the reopening, not the outage
    finally:
        windows.shutdown()

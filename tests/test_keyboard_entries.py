"""Every round's inputs on a key: risk tiers and pass, errors found, judges' scores and votes go through focused
entries that close on Enter or Esc, after which the show keys work again at once. Teams are named by seat or name."""

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from stageshow.app import entries
from stageshow.domain import commands as c
from stageshow.formats.show_file import load_show_or_raise
from tests.support import DEMO_SHOW, open_app, write_show

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def windows(qtbot, tmp_path):
    rounds = [{"id": "R1", "title": "风险题", "kind": "risk", "pool": "风险"},
              {"id": "R2", "title": "纠错", "kind": "correction", "pool": "纠错", "per_team": 1},
              {"id": "R3", "title": "情景模拟", "kind": "judged", "judges": 5, "per_vote": 1}]
    app = open_app(qtbot, write_show(tmp_path / "show", rounds, teams=3), tmp_path)
    yield app
    app.shutdown()


def type_into_the_entry(qtbot, *texts, then=Qt.Key.Key_Return, seen=None):
    """When the entry opens: type each text and press Enter (a refused one stays open for the next); then `then`."""
    def fill():
        dialog = QApplication.activeModalWidget()
        for text in texts:
            dialog.field.clear()
            if text.isascii():
                qtbot.keyClicks(dialog.field, text)
            else:  # Chinese comes from an input method, not key by key
                dialog.field.insert(text)
            qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
            if seen is not None and dialog.isVisible():
                seen.append(dialog.problem.text())
        if dialog.isVisible():
            qtbot.keyClick(dialog.field, then)
    QTimer.singleShot(0, fill)


def test_a_risk_team_picks_its_tier_and_passes_on_keys(windows, qtbot):
    console, bridge = windows.console, windows.bridge
    qtbot.keyClick(console, Qt.Key.Key_Space)  # 开始 风险题
    labels = [button.text() for button in console.controls.round_inputs.risk_box.findChildren(QPushButton)]
    assert labels == ["10 分\nCtrl+1", "20 分\nCtrl+2", "30 分\nCtrl+3", "放弃\nCtrl+0"]  # each key on its button
    qtbot.keyClick(console, Qt.Key.Key_2, CTRL)  # the second tier, 20
    assert bridge.state.question.tier == Decimal(20) and bridge.state.question.team == "T01"
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Y, Qt.Key.Key_R):  # go, correct, reveal
        qtbot.keyClick(console, key)
    qtbot.keyClick(console, Qt.Key.Key_0, CTRL)  # T02 passes
    assert bridge.state.round.turns[bridge.state.round.turn] == "T03"


def test_errors_found_are_typed_and_the_show_keys_work_again_at_once(windows, qtbot):
    console, bridge, stage = windows.console, windows.bridge, windows.stage
    for command in (c.StartRound("R1"), c.Pass("T01"), c.Pass("T02"), c.Pass("T03"), c.StartRound("R2")):
        assert bridge.submit(command), command
    qtbot.keyClick(console, Qt.Key.Key_Space)  # 下一题
    qtbot.keyClick(console, Qt.Key.Key_Space)  # 开始计时
    problems = []
    type_into_the_entry(qtbot, "1 9", "1 3 误报1", seen=problems)
    qtbot.keyClick(console, Qt.Key.Key_F, CTRL)
    assert "1 至 4" in problems[0]  # a number that is not a planted error is named, the entry stays open
    question = bridge.state.question
    assert question.found == [1, 3] and question.claims == 1
    assert QApplication.activeWindow() is console  # the keyboard is back with the console
    qtbot.keyClick(console, Qt.Key.Key_S)  # straight after Enter: S is the scoreboard again, not text
    assert stage.mode == "bars"


def test_judges_scores_and_votes_are_typed_with_seats_and_names(windows, qtbot):
    console, bridge = windows.console, windows.bridge
    for command in (c.StartRound("R1"), c.Pass("T01"), c.Pass("T02"), c.Pass("T03"), c.StartRound("R2")):
        assert bridge.submit(command), command
    for _ in range(3):
        assert bridge.submit(c.Next()) and bridge.submit(c.Found(()))
    assert bridge.submit(c.StartRound("R3"))
    inputs = console.controls.round_inputs
    assert inputs.judged_box.isVisible() and "1 2 3" in inputs.judged_label.text()
    type_into_the_entry(qtbot, "90 92 88 95 91")  # seat 1, the first not yet scored
    qtbot.keyClick(console, Qt.Key.Key_E, CTRL)
    type_into_the_entry(qtbot, "3: 80 80 80 80 80")  # another team first, by seat
    qtbot.keyClick(console, Qt.Key.Key_E, CTRL)
    assert set(bridge.state.round.paneled) == {"T01", "T03"} and "待评分：2" in inputs.judged_label.text()
    problems = []
    type_into_the_entry(qtbot, "T01:12", "第1队:12 2：8，3:5", seen=problems)
    qtbot.keyClick(console, Qt.Key.Key_U, CTRL)
    assert "没有叫“T01”的队伍" in problems[0]  # hidden ids are not how people name teams
    assert bridge.state.round.votes == {"T01": 12, "T02": 8, "T03": 5}
    type_into_the_entry(qtbot, "", then=Qt.Key.Key_Escape)  # opened and left with Esc: nothing recorded
    qtbot.keyClick(console, Qt.Key.Key_E, CTRL)
    assert "T02" not in bridge.state.round.paneled
    qtbot.keyClick(console, Qt.Key.Key_H)  # and the show keys work at once
    assert windows.stage.mode == "chart"


def test_entries_read_seats_names_and_counts_as_people_write_them():
    show = load_show_or_raise(DEMO_SHOW)
    assert entries.votes(show, "1:12 2：8，东城区=3").votes == {"T01": 12, "T02": 8, "T03": 3}
    assert entries.votes(show, " ".join(["5"] * 10)).votes == {team.id: 5 for team in show.teams}
    assert entries.team_named(show, "第7组").id == "T07" and entries.team_named(show, "7号").id == "T07"
    assert entries.panel(show, "4: 90 92 88", "T01") == c.Panel("T04", (Decimal(90), Decimal(92), Decimal(88)))
    assert entries.found("无 误报2", 4) == (c.Found(()), 2)
    for bad, words in (("11:3", "没有第 11 组"), ("代表队:3", "可以指"), ("1:2 1:3", "写了两次"), ("5 5", "10 组")):
        with pytest.raises(entries.EntryError, match=words):
            entries.votes(show, bad)
    with pytest.raises(entries.EntryError, match="数字"):
        entries.panel(show, "90 九十", "T01")

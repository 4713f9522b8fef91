"""The console speaks the operator's language: no phase, command or team id from the engine, scores as the stage
prints them, a reason that goes once the show moves on, pauses and extra time in the log, and a preview of the
question the next draw will really present."""

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from stageshow.app.next_action import upcoming_question
from stageshow.domain import commands as c
from tests.support import DEMO_SHOW, open_app


@pytest.fixture
def windows(qtbot, tmp_path):
    app = open_app(qtbot, DEMO_SHOW, tmp_path)
    yield app
    app.shutdown()


def log_lines(console):
    return [console.log_list.item(row).text() for row in range(console.log_list.count())]


def test_a_refusal_names_the_phase_and_the_action_in_words_and_goes_when_the_show_moves_on(windows, qtbot):
    console, bridge = windows.console, windows.bridge
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Space, Qt.Key.Key_Space):  # round, question, clock
        qtbot.keyClick(console, key)
    qtbot.keyClick(console, Qt.Key.Key_R)  # reveal while the team answers: refused
    refusal = console.controls.refusal.text()
    assert refusal == "当前阶段（作答中）不能执行“揭晓”"
    assert bridge.why_not(c.Panel("T01", (Decimal(1),))) == "当前阶段（作答中）不能执行“录入评委评分”"
    qtbot.keyClick(console, Qt.Key.Key_Y)
    assert console.controls.refusal.text() == ""


def test_pauses_extra_time_and_presses_are_logged_in_words(windows, qtbot):
    console, bridge = windows.console, windows.bridge
    for command in (c.StartRound("R1"), c.Next(), c.Go(), c.PauseClock(), c.ResumeClock(), c.AddTime(Decimal(10)),
                    c.Judge(c.Verdict.CORRECT), c.StartRound("R2"), c.Next(), c.Go()):
        assert bridge.submit(command), command
    assert bridge.submit(c.Press("T03", source="keyboard"))
    lines = log_lines(console)
    assert any("计时暂停（剩余" in line for line in lines) and any("计时继续" in line for line in lines)
    assert any("加时 10 秒" in line for line in lines)
    assert any("抢答器 东城区代表队：抢到" in line and line.endswith("（键盘）") for line in lines)
    assert not any("keyboard" in line for line in lines)


def test_scores_read_as_on_the_stage(windows):
    bridge, model = windows.bridge, windows.console.teams_model
    assert bridge.submit(c.Adjust("T02", Decimal("5.0"), "裁判长裁定"))
    assert bridge.state.scores["T02"] == Decimal("105.0")
    assert model.data(model.index(1, 2)) == "105" and model.data(model.index(1, 3)) == "+5"
    assert bridge.submit(c.Adjust("T02", Decimal("-0.50"), "裁判长裁定"))
    assert model.data(model.index(1, 2)) == "104.5" and model.data(model.index(1, 3)) == "-0.5"


def test_the_preview_names_the_question_the_next_draw_presents_even_across_a_round(windows):
    bridge, show = windows.bridge, windows.bridge.show
    assert bridge.submit(c.StartRound("R1"))
    while bridge.state.round.turn < len(bridge.state.round.turns):
        assert bridge.submit(c.Next()) and bridge.submit(c.Judge(c.Verdict.CORRECT))
    # The compulsory round is spent: the next draw is the buzz round's first question, not another compulsory one.
    preview = upcoming_question(show, bridge.state)
    assert preview is not None and preview.pool == show.round("R2").pool
    assert bridge.submit(c.StartRound("R2")) and bridge.submit(c.Next())
    assert bridge.state.question.question_id == preview.id
    for _ in range(show.round("R2").rules.questions - 1):
        assert bridge.submit(c.Go()) and bridge.submit(c.Press("T01")) and bridge.submit(c.Judge(c.Verdict.CORRECT))
        assert bridge.submit(c.Next())
    assert upcoming_question(show, bridge.state) is None  # the last buzz question: a risk round comes next
    assert windows.console.next_preview.text() == ""

"""The real windows, driven by keys on the console as an operator would, on two virtual screens."""

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication

from stageshow.domain.phases import Phase
from stageshow.formats.show_file import load_show_or_raise
from stageshow.domain import commands as c
from tests.support import (
    DEMO_SHOW,
    assert_a_row_repaint_leaves_the_whole_new_screen,
    assert_console_fits_a_laptop_screen,
)


@pytest.fixture
def windows(qtbot, tmp_path):
    from stageshow.ui.app import StageShowApp

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    app = StageShowApp(load_show_or_raise(DEMO_SHOW), DEMO_SHOW.parent, tmp_path / "show.sqlite3", settings)
    app.console.confirm_on_close = False  # no "退出？" dialog when the test closes the windows
    qtbot.addWidget(app.console)
    app.show_windows()
    qtbot.waitExposed(app.console)
    yield app
    app.shutdown()


def press(qtbot, widget, key):
    qtbot.keyClick(widget, key)


def test_stage_goes_full_screen_on_the_projector_and_the_console_stays_on_the_laptop(windows, qtbot):
    qtbot.waitUntil(lambda: windows.stage.isVisible())
    assert windows.stage.screen().name() == "PROJECTOR"
    assert windows.stage.isFullScreen()
    assert windows.console.screen().name() == "HOST"
    assert windows.stage.geometry() == QGuiApplication.screens()[1].geometry()


def test_the_console_fits_a_1024_by_768_laptop_screen_with_its_texts_whole(windows, qtbot):
    assert_console_fits_a_laptop_screen(windows.console, qtbot)


def test_starting_a_compulsory_questions_clock_repaints_only_the_status_row_and_nothing_is_left_stale(windows):
    bridge = windows.bridge
    assert bridge.submit(c.StartRound("R1")) and bridge.submit(c.Next())
    presented = bridge.public_snapshot()
    assert bridge.submit(c.Go())
    assert_a_row_repaint_leaves_the_whole_new_screen(presented, bridge.public_snapshot(), bridge.now())


def test_a_compulsory_question_driven_by_keys(windows, qtbot):
    console, stage = windows.console, windows.stage
    press(qtbot, console, Qt.Key.Key_Space)  # 开始 第一轮
    assert stage.view.snapshot.round_title == "第一轮 个人必答题"
    press(qtbot, console, Qt.Key.Key_Space)  # 下一题
    question = stage.view.snapshot.question
    assert question.team_name == "开发区代表队" and question.member == "张明远"
    assert question.answer is None and question.explanation is None and question.basis is None
    bank = windows.bridge.show.question(question.id)
    assert bank.answer in console.question_view.toPlainText()  # the operator sees the answer, privately
    following = windows.bridge.show.pool("必答")[1]
    assert console.next_preview.text().startswith(f"下一题预览：{following.id}")  # the host can read ahead
    press(qtbot, console, Qt.Key.Key_Space)  # 开始计时
    assert stage.view.snapshot.clock is not None and stage.view.snapshot.clock.deadline is not None
    press(qtbot, stage, Qt.Key.Key_Y)  # the hotkey works on the stage window too
    assert windows.bridge.state.scores["T01"] == 110
    assert stage.view.snapshot.question.verdict == "correct" and stage.view.snapshot.question.answer is None
    press(qtbot, console, Qt.Key.Key_R)  # 揭晓
    assert stage.view.snapshot.question.answer == bank.answer
    assert console.preview.snapshot == stage.view.snapshot  # the miniature shows exactly what the hall sees
    press(qtbot, console, Qt.Key.Key_Space)  # next question
    assert stage.view.snapshot.question.team_name == "高新区代表队"
    assert stage.view.snapshot.question.id == following.id
    lines = [console.log_list.item(i).text() for i in range(console.log_list.count())]
    assert any("判定 开发区代表队 正确 +10" in line for line in lines)


def test_refused_action_shows_the_engine_reason_and_undo_restores(windows, qtbot):
    console = windows.console
    press(qtbot, console, Qt.Key.Key_Y)  # judging before any question
    assert "不能执行" in console.controls.refusal.text()
    assert not console.controls.buttons["action_correct"].isEnabled()
    assert console.controls.buttons["action_correct"].toolTip()
    for _ in range(3):
        press(qtbot, console, Qt.Key.Key_Space)
    press(qtbot, console, Qt.Key.Key_N)
    assert windows.bridge.state.phase == Phase.QUESTION_DONE
    qtbot.keyClick(console, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert windows.bridge.state.phase == Phase.ANSWERING


def test_the_stage_ignores_a_close_and_blackout_toggles(windows, qtbot):
    windows.stage.close()
    assert windows.stage.isVisible()
    press(qtbot, windows.console, Qt.Key.Key_B)
    assert windows.stage.view.mode == "blackout" and windows.console.preview.mode == "blackout"
    press(qtbot, windows.console, Qt.Key.Key_B)
    assert windows.stage.view.mode == "live"


def test_reopening_resumes_where_the_show_stopped(qtbot, tmp_path):
    from stageshow.ui.app import StageShowApp

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    show = load_show_or_raise(DEMO_SHOW)
    first = StageShowApp(show, DEMO_SHOW.parent, tmp_path / "show.sqlite3", settings)
    for _ in range(3):
        first.actions["action_primary"].trigger()
    assert first.bridge.state.countdown.deadline is not None
    first.shutdown()
    second = StageShowApp(show, DEMO_SHOW.parent, tmp_path / "show.sqlite3", settings)
    state = second.bridge.state
    assert state.phase == Phase.ANSWERING and state.question.team == "T01"
    assert state.countdown.deadline is None and state.countdown.remaining > 0  # paused, waiting for the operator
    second.shutdown()


def test_sound_cues_follow_the_show(windows, qtbot):
    played = []
    windows.sound.play = played.append  # record the cue names the show asks for (the mixer itself is tested apart)
    console = windows.console
    for _ in range(3):
        press(qtbot, console, Qt.Key.Key_Space)
    press(qtbot, console, Qt.Key.Key_Y)
    press(qtbot, console, Qt.Key.Key_R)
    assert played == ["correct", "reveal"]


def test_the_score_history_chart_follows_every_scoring_step(windows, qtbot):
    stage, console = windows.stage, windows.console
    for _ in range(3):
        press(qtbot, console, Qt.Key.Key_Space)
    press(qtbot, console, Qt.Key.Key_H)
    assert stage.mode == "chart"
    press(qtbot, console, Qt.Key.Key_Y)
    x, y = stage.chart.curves["T01"].getData()
    assert list(y) == [100.0, 110.0] and list(stage.chart.curves["T02"].getData()[1]) == [100.0, 100.0]
    qtbot.keyClick(console, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert list(stage.chart.curves["T01"].getData()[1]) == [100.0, 110.0, 100.0]  # an undo is part of the story
    press(qtbot, console, Qt.Key.Key_H)
    assert stage.mode != "chart"


def test_one_stage_mode_at_a_time_and_moving_the_show_on_brings_the_hall_back(windows, qtbot):
    stage, console = windows.stage, windows.console
    press(qtbot, console, Qt.Key.Key_H)  # the chart ...
    press(qtbot, console, Qt.Key.Key_D)  # ... then the teams: the teams replace the chart, on both
    assert stage.mode == "teams" and console.preview.mode == "teams"
    assert "参赛队伍" in console.stage_mode_label.text()
    press(qtbot, console, Qt.Key.Key_S)  # the bars: a page of the stage's own, pictured in the miniature
    assert stage.mode == "bars" and console.preview.mode == "bars"
    qtbot.waitUntil(lambda: stage.bars.isVisible())
    assert picture(console.preview).pixelColor(10, 10) == stage.bars.grab().scaled(
        console.preview.size()).toImage().pixelColor(10, 10)
    press(qtbot, console, Qt.Key.Key_Space)  # 开始 第一轮: the hall sees the round, not the bars
    assert stage.mode == "live" and console.preview.mode == "live"
    assert stage.view.snapshot.round_title == "第一轮 个人必答题"
    assert console.status.text() == "大屏已回到比赛画面" and "比赛画面" in console.stage_mode_label.text()
    press(qtbot, console, Qt.Key.Key_B)
    press(qtbot, console, Qt.Key.Key_Space)  # 下一题 after a blackout: the question is shown
    assert stage.mode == "live" and stage.view.snapshot.question is not None


def picture(widget):
    return widget.grab().toImage()


def test_the_scoreboard_bars_glide_to_new_scores_with_ranks_and_the_last_change(windows, qtbot):
    from pathlib import Path

    stage, console = windows.stage, windows.console
    for _ in range(3):
        press(qtbot, console, Qt.Key.Key_Space)
    press(qtbot, console, Qt.Key.Key_S)
    assert stage.mode == "bars"
    bars = stage.bars
    press(qtbot, console, Qt.Key.Key_Y)  # 开发区 +10
    assert bars.animating
    qtbot.waitUntil(lambda: 100 < bars.shown["T01"] < 110)  # on its way: neither the old score nor the new
    qtbot.waitUntil(lambda: not bars.animating)
    assert bars.shown["T01"] == 110 and bars.shown["T02"] == 100
    ticks = bars.getAxis("left")._tickLevels[0]
    assert ticks[0] == (10, "1  开发区代表队")  # the leader on top, with its rank
    assert bars.labels[0].toPlainText() == "110（+10）"
    out = Path(__file__).resolve().parents[1] / "test-output" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    stage.grab().save(str(out / "score-bars-1920x1080.png"))
    press(qtbot, console, Qt.Key.Key_S)
    assert stage.mode != "bars"


def test_the_stage_never_pre_draws_a_reveal_but_has_the_questions_revealed_layout_ready(windows, qtbot):
    from stageshow.ui.stage import text_fit

    text_fit._rendered.clear()  # the cache lives as long as the process; earlier tests revealed this question
    console = windows.console
    for _ in range(3):
        press(qtbot, console, Qt.Key.Key_Space)
    press(qtbot, console, Qt.Key.Key_Y)  # judged; the next action is the reveal
    question = windows.bridge.show.question(windows.bridge.state.question.question_id)
    qtbot.wait(400)  # longer than the stage waits before drawing the next screen off-screen
    cached = " ".join(key[0] for key in text_fit._rendered)
    assert question.explanation not in cached and question.basis not in cached
    before = set(text_fit._rendered)
    press(qtbot, console, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: question.basis in " ".join(key[0] for key in text_fit._rendered))
    drawn_at_reveal = [key[0] for key in set(text_fit._rendered) - before]
    # The stem, shrunk to make room for the answer, was drawn off-screen beforehand; the reveal draws the answer
    # (and the correct option, highlighted) and nothing else new.
    assert question.stem not in drawn_at_reveal
    assert all(question.basis in text or text.startswith(question.answer) for text in drawn_at_reveal), drawn_at_reveal


def test_hotkeys_are_rebound_in_a_dialog_refused_when_doubled_and_saved(windows, qtbot, tmp_path):
    from PySide6.QtGui import QKeySequence

    from stageshow.ui.console.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(windows.actions, windows.settings, windows.console)
    dialog.fields["action_reveal"].setKeySequence(QKeySequence("Y"))  # already 正确
    dialog.accept()
    assert "同时用于" in dialog.problem.text() and windows.actions["action_reveal"].shortcut().toString() == "R"
    dialog.fields["action_reveal"].setKeySequence(QKeySequence("F5"))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert windows.actions["action_reveal"].shortcut().toString() == "F5"
    assert windows.console.controls.buttons["action_reveal"].text() == "揭晓\nF5"
    windows.settings.sync()
    reread = QSettings(windows.settings.fileName(), QSettings.Format.IniFormat)
    assert reread.value("shortcuts/action_reveal") == "F5"  # the next start uses it
    assert "R" not in windows.reserved_keys() and "F5" in windows.reserved_keys()


def test_file_open_lists_a_broken_shows_problems_and_switches_to_a_good_one(windows, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from stageshow.domain import commands as c
    from stageshow.paths import show_database
    from stageshow.ui.app import switch_show
    from tests.support import write_show

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: said.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    broken = tmp_path / "broken.show.yaml"
    broken.write_text("title: 决赛\nteams: 3\n", encoding="utf-8")
    assert not windows.console.open_show(broken)
    assert str(broken) in said[0] and "broken.show.yaml:2" in said[0]  # the file, the line, the fix
    windows.bridge.submit(c.StartRound("R1"))
    other = write_show(tmp_path / "other", [{"id": "R1", "title": "抢答", "kind": "buzz", "pool": "抢答"}])
    requested = []
    windows.console.open_requested.connect(lambda path, show: requested.append((path, show)))
    assert windows.console.open_show(other)
    path, show = requested[0]
    replacement = switch_show(windows, show, path.parent.resolve(), show_database(path))
    try:
        assert replacement.bridge.show.title == "测试决赛" and replacement.stage.isVisible()
        assert not windows.console.isVisible()
        assert not windows.bridge.ticking and replacement.bridge.ticking  # the closed show's clock is stopped
        assert windows.session.committed_seq > 0  # the demo's log stays where it was, ready to resume
    finally:
        replacement.shutdown()


def test_a_new_run_of_the_same_show_starts_from_base_scores_and_keeps_the_old_one(windows, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from stageshow.domain import commands as c
    from stageshow.store.database import open_database
    from stageshow.store.event_log import EventLog
    from stageshow.ui.app import switch_show

    bridge = windows.bridge
    for command in (c.StartRound("R1"), c.Next(), c.Judge(c.Verdict.CORRECT)):
        assert bridge.submit(command)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *rest: (
        asked.append(text), QMessageBox.StandardButton.Yes)[1])
    requested = []
    windows.console.new_run_requested.connect(lambda: requested.append(True))
    windows.console.findChild(type(windows.actions["action_undo"]), "action_new_run").trigger()
    assert requested and "各队回到基础分" in asked[0]
    replacement = switch_show(windows, windows.session.show, windows.root, windows.db, new_run=True)
    try:
        assert set(replacement.bridge.state.scores.values()) == {100} and not replacement.session.resumed
        assert replacement.preflight is not None and replacement.preflight.isVisible()  # a new show: checked first
        old = EventLog(open_database(windows.db), windows.session.log.show_id)
        assert old.head_seq == windows.session.committed_seq  # the first run is kept, whole
    finally:
        replacement.shutdown()


@pytest.mark.qt_log_ignore("QPainter::begin", "QPdfWriter", "QFile")
def test_the_score_sheet_is_exported_from_the_file_menu_as_excel_and_pdf_and_a_bad_folder_is_reported(
        windows, qtbot, tmp_path, monkeypatch):
    import openpyxl
    import pypdf
    from PySide6.QtWidgets import QMessageBox

    console = windows.console
    for _ in range(3):
        press(qtbot, console, Qt.Key.Key_Space)  # round, question, clock
    press(qtbot, console, Qt.Key.Key_Y)
    menu_entries = {action.objectName() for action in console.menuBar().actions()[0].menu().actions()}
    assert {"action_export_xlsx", "action_export_pdf"} <= menu_entries
    assert console.export_sheet("xlsx", tmp_path / "成绩表.xlsx")
    assert openpyxl.load_workbook(tmp_path / "成绩表.xlsx")["成绩表"]["A4"].value == 1  # the leader's rank
    assert console.export_sheet("pdf", tmp_path / "成绩表.pdf")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(tmp_path / "成绩表.pdf").pages)
    assert "开发区代表队" in text and console.status.text().endswith("成绩表.pdf")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    for kind in ("xlsx", "pdf"):
        assert not console.export_sheet(kind, tmp_path / "gone" / f"sheet.{kind}")
    assert len(warnings) == 2 and all("不存在" in text and "gone" in text for text in warnings)
    (tmp_path / "taken.pdf").mkdir()  # a name the PDF cannot take: Qt's writer fails without raising
    assert not console.export_sheet("pdf", tmp_path / "taken.pdf") and "无法写入" in warnings[-1]


def play_the_one_question(bridge, team):
    from stageshow.domain import commands as c

    start = bridge.now()
    for seconds, command in enumerate((c.Next(), c.Go(), c.Press(team), c.Judge(c.Verdict.CORRECT), c.Reveal())):
        assert bridge.submit(command, now=start + seconds * 1_000_000_000), command


def test_closing_a_round_the_tiebreak_finishing_and_undo_after_finish_ask_once_and_no_leaves_the_show(
        qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from stageshow.ui.app import StageShowApp
    from tests.support import write_show

    rounds = [{"id": f"R{n}", "title": f"第{n}轮", "kind": "buzz", "pool": f"抢答{n}", "questions": 1}
              for n in (1, 2)]
    path = write_show(tmp_path / "show", rounds, tiebreak={"pool": "加赛"})
    windows = StageShowApp(load_show_or_raise(path), path.parent, tmp_path / "show.sqlite3",
                           QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    windows.console.confirm_on_close = False
    qtbot.addWidget(windows.console)
    asked, answers = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, buttons, default: (
        asked.append((text, default)), answers.pop(0))[1])
    no, yes = QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes
    try:
        windows.show_windows()
        qtbot.waitExposed(windows.console)
        console, bridge = windows.console, windows.bridge
        primary = console.actions["action_primary"]  # Space
        primary.trigger()  # the first round: nothing is closed, nothing asked
        assert bridge.state.round.round_id == "R1" and asked == []
        play_the_one_question(bridge, "T01")
        answers.append(no)
        primary.trigger()  # 开始 第2轮: asked, refused
        assert "第2轮" in asked[-1][0] and bridge.state.round.round_id == "R1"
        assert asked[-1][1] == no  # Space or Enter pressed again answers No
        answers.append(yes)
        primary.trigger()
        assert bridge.state.round.round_id == "R2" and len(asked) == 2
        play_the_one_question(bridge, "T02")  # T01 and T02 tie for first place
        answers.append(no)
        primary.trigger()  # 开始加赛: asked, refused
        assert "加赛" in asked[-1][0] and bridge.state.tiebreak is None
        answers.append(yes)
        primary.trigger()
        assert bridge.state.tiebreak is not None and len(asked) == 4
        play_the_one_question(bridge, "T02")  # T02 ranks first
        answers.append(no)
        primary.trigger()  # 结束比赛: asked, refused
        assert "结束比赛" in asked[-1][0] and bridge.state.phase != Phase.FINISHED
        answers.append(yes)
        primary.trigger()
        assert bridge.state.phase == Phase.FINISHED and len(asked) == 6
        undo = console.actions["action_undo"]  # Ctrl+Z after the ceremony
        answers.append(no)
        undo.trigger()
        assert "重新打开比赛" in asked[-1][0] and "判定 第2队 正确" in asked[-1][0] and asked[-1][1] == no
        assert bridge.state.phase == Phase.FINISHED and bridge.state.tiebreak.done
        answers.append(yes)
        undo.trigger()
        assert bridge.state.phase != Phase.FINISHED and len(asked) == 8
    finally:
        windows.shutdown()

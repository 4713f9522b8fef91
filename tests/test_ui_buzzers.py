"""Buzzers through the real windows: keyboard presses into either window, SDL virtual joysticks for controllers,
the mapping wizard, the test page, unplug and replug, a busy GUI, and the press log."""

import itertools
import json
import time

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from stageshow.domain import commands as c
from stageshow.domain import events as e
from stageshow.domain.phases import Phase
from stageshow.paths import user_data_dir
from stageshow.ui.console.adjust_dialog import AdjustDialog
from stageshow.ui.stage.changes import only_the_status_row_changed
from tests.support import assert_a_row_repaint_leaves_the_whole_new_screen, open_app, write_show

BUZZ = {"id": "R1", "title": "抢答题", "kind": "buzz", "pool": "抢答", "questions": 6, "after_wrong": "reopen",
        "early_press": -10}
TEAMS = [{"id": f"T{i:02d}", "name": f"第{i}队", "buzzer": {"key": str(i)}} for i in range(1, 5)]


@pytest.fixture
def windows(qtbot, tmp_path):
    app = open_app(qtbot, write_show(tmp_path / "show", [BUZZ], teams=TEAMS), tmp_path)
    yield app
    app.shutdown()


@pytest.fixture
def boxes(windows):
    """Virtual controllers plugged into the app's own controller reader (which runs in a process of its own)."""
    made = []

    def plug(name="Party Buzzer"):
        made.append(windows.buzzers.reader.virtual_joystick(name).attach())
        return made[-1]

    yield plug
    for box in made:
        box.detach()


def open_buzzers(app):
    bridge = app.bridge
    if bridge.state.round is None:
        assert bridge.submit(c.StartRound("R1"))
    assert bridge.submit(c.Next())
    assert bridge.submit(c.Go())
    assert bridge.state.phase == Phase.BUZZ_OPEN


def presses(app):
    return [event for event, _ in app.session.logged_events() if isinstance(event, e.PressRecorded)]


def locked(app):
    return app.bridge.state.question.team


def button_of(hub, box, number, qtbot):
    """Press a controller button once and return the Button the hub saw (as the wizard would learn it)."""
    seen = []
    hub.press_seen.connect(lambda team, press: seen.append(press.button))
    box.click(number)
    qtbot.waitUntil(lambda: bool(seen))
    return seen[0]


def test_keyboard_buzzers_work_from_either_window_and_the_press_log_names_key_and_stamp(windows, qtbot):
    open_buzzers(windows)
    qtbot.keyClick(windows.console, Qt.Key.Key_2)
    assert locked(windows) == "T02"
    qtbot.keyClick(windows.stage, Qt.Key.Key_3, Qt.KeyboardModifier.KeypadModifier)  # number pad, on the stage
    won, late = presses(windows)
    assert (won.team, won.outcome, won.source, won.device, won.button) == ("T02", "won", "keyboard", "键盘", "2")
    assert (late.team, late.outcome, late.button) == ("T03", "late", "NUM+3")
    assert late.stamp > won.stamp and won.reaction > 0
    assert windows.console.teams_model.is_lit("T02")
    qtbot.waitUntil(lambda: "第2队" in " ".join(windows.stage.view.last_texts))


def test_an_early_press_is_a_foul_and_presses_after_the_lock_are_logged(windows, qtbot):
    bridge = windows.bridge
    bridge.submit(c.StartRound("R1"))
    bridge.submit(c.Next())
    qtbot.keyClick(windows.console, Qt.Key.Key_1)  # before 开始
    assert presses(windows)[-1].outcome == "foul"
    assert bridge.state.scores["T01"] == -10
    bridge.submit(c.Go())
    qtbot.keyClick(windows.console, Qt.Key.Key_4)
    qtbot.keyClick(windows.console, Qt.Key.Key_2)
    assert locked(windows) == "T04"
    bridge.submit(c.Judge(c.Verdict.WRONG))  # after_wrong: reopen, for the teams that have not answered or fouled
    assert bridge.state.phase == Phase.BUZZ_OPEN
    qtbot.keyClick(windows.console, Qt.Key.Key_4)  # already answered
    qtbot.keyClick(windows.console, Qt.Key.Key_2)
    assert locked(windows) == "T02"
    assert [p.outcome for p in presses(windows)] == ["foul", "won", "late", "ignored", "won"]


def test_key_auto_repeat_never_counts_twice_and_typing_into_a_field_is_not_a_buzzer(windows, qtbot):
    open_buzzers(windows)
    qtbot.keyPress(windows.console, Qt.Key.Key_1)
    repeat = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_1, Qt.KeyboardModifier.NoModifier, "1", True)
    QApplication.sendEvent(windows.console, repeat)
    assert len(presses(windows)) == 1
    dialog = AdjustDialog(windows.bridge.show, windows.console)
    dialog.show()
    qtbot.waitExposed(dialog)
    field = dialog.findChildren(QLineEdit)[0]
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_3)
    assert len(presses(windows)) == 1 and "3" in field.text()
    dialog.reject()


def test_the_wizard_learns_controllers_and_keys_refuses_taken_buttons_and_the_mapping_is_used(windows, qtbot, boxes):
    from stageshow.ui.buzzers.wizard import MappingWizardDialog

    first, second = boxes(), boxes()
    hub = windows.buzzers
    qtbot.waitUntil(lambda: len(hub.controllers_connected) == 2)
    dialog = MappingWizardDialog(hub, windows.reserved_keys(), windows.console)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "请第1组（第1队）按下抢答器" in dialog.prompt.text()
    first.click(0)
    qtbot.waitUntil(lambda: "第2组" in dialog.prompt.text())
    first.click(0)  # the same button again, for seat 2
    qtbot.waitUntil(lambda: "已分配给第1组" in dialog.feedback.text())
    qtbot.keyClick(dialog, Qt.Key.Key_Space)  # the host's 下一步 key
    assert "主持人快捷键" in dialog.feedback.text()
    second.click(0)
    qtbot.waitUntil(lambda: "第3组" in dialog.prompt.text())
    qtbot.keyClick(dialog, Qt.Key.Key_9)
    first.click(5)
    qtbot.waitUntil(lambda: dialog.wizard.done)
    assert presses(windows) == []  # learning presses never reach the show
    dialog.accept()
    saved = json.loads((user_data_dir() / "buzzers.json").read_text(encoding="utf-8"))["seats"]
    assert saved["3"]["button"] == "9" and saved["2"]["label"] == "Party Buzzer #2"

    open_buzzers(windows)
    second.click(0)  # seat 2's controller
    qtbot.waitUntil(lambda: locked(windows) == "T02")
    press = presses(windows)[0]
    assert (press.source, press.device, press.button) == ("joystick", "Party Buzzer #2", "0")
    qtbot.keyClick(windows.console, Qt.Key.Key_9)  # seat 3 learned the 9 key
    qtbot.keyClick(windows.console, Qt.Key.Key_3)  # and kept its show-file key as a fallback
    assert [p.team for p in presses(windows)] == ["T02", "T03", "T03"]


def test_a_controller_unplugged_mid_question_alarms_greys_its_lamp_and_comes_back_mapped(windows, qtbot, boxes):
    first, second = boxes(), boxes()
    hub = windows.buzzers
    qtbot.waitUntil(lambda: len(hub.controllers_connected) == 2)
    hub.set_learned({seat: button_of(hub, box, number, qtbot)
                     for seat, (box, number) in enumerate([(first, 0), (second, 0), (first, 1)], start=1)})
    open_buzzers(windows)
    first.detach()
    console = windows.console
    qtbot.waitUntil(lambda: console.alarm_bar.isVisible())
    assert "已断开：第1、3组无法用它抢答（键盘备用：第1组按 1、第3组按 3）" in console.alarm_label.text()
    model = windows.console.teams_model
    assert model.data(model.index(0, 5)) == "✕ 断开" and model.data(model.index(1, 5)) != "✕ 断开"
    qtbot.keyClick(windows.console, Qt.Key.Key_1)  # seat 1 answers on its keyboard fallback
    assert locked(windows) == "T01"
    windows.bridge.submit(c.Judge(c.Verdict.WRONG))  # buzzers reopen for the others
    second.click(0)  # the other buzzers are never affected
    qtbot.waitUntil(lambda: locked(windows) == "T02")
    windows.bridge.submit(c.Judge(c.Verdict.WRONG))
    replugged = boxes()
    qtbot.waitUntil(lambda: "重新连接：第1、3组恢复正常" in console.status.text())
    assert not console.alarm_bar.isVisible()
    assert hub.lamps.offline == set() and model.data(model.index(0, 5)) != "✕ 断开"
    replugged.click(1)  # seat 3's button on the box that came back
    qtbot.waitUntil(lambda: locked(windows) == "T03")


def test_a_press_during_a_busy_gui_is_decided_at_once_and_keeps_its_own_moment(windows, qtbot, boxes):
    first, second = boxes(), boxes()
    hub = windows.buzzers
    qtbot.waitUntil(lambda: len(hub.controllers_connected) == 2)
    hub.set_learned({1: button_of(hub, first, 0, qtbot), 2: button_of(hub, second, 0, qtbot)})
    open_buzzers(windows)
    pressed_at = second.press(0)
    time.sleep(0.006)
    first.press(0)
    busy_until = time.monotonic() + 0.25
    while time.monotonic() < busy_until:  # the GUI thread computes, holding the interpreter in turns
        pass
    assert locked(windows) == "T02"  # decided meanwhile, on the reader's thread
    assert "请抢答！" in windows.stage.view.last_texts  # the stage shows the winner once the GUI is free
    qtbot.waitUntil(lambda: len(presses(windows)) == 2 and "请抢答！" not in windows.stage.view.last_texts)
    won, late = presses(windows)
    assert (won.team, won.outcome, late.team, late.outcome) == ("T02", "won", "T01", "late")
    stamp_of_press = windows.bridge.clock.at(pressed_at)
    assert 0 <= won.stamp - stamp_of_press < 100_000_000  # stamped when pressed, not when the GUI got to it
    assert 0 < late.stamp - won.stamp < 100_000_000
    first.release(0)
    second.release(0)


def test_the_test_page_lights_each_teams_lamp_on_both_windows_and_never_touches_the_show(windows, qtbot):
    windows.console.buzzer_test_action.setChecked(True)
    assert windows.stage.view.mode == "buzzers"
    qtbot.keyClick(windows.stage, Qt.Key.Key_2)
    qtbot.keyClick(windows.console, Qt.Key.Key_7)  # nobody's key: shown too
    assert windows.console.teams_model.data(windows.console.teams_model.index(1, 5)) == "●"
    qtbot.waitUntil(lambda: "键盘 2" in windows.stage.view.last_texts)
    assert any("未分配的按键：键盘 7" in text for text in windows.stage.view.last_texts)
    assert presses(windows) == []
    assert any("【测试】第2组 第2队 ← 键盘 2" in windows.console.log_list.item(i).text()
               for i in range(windows.console.log_list.count()))
    windows.console.buzzer_test_action.setChecked(False)
    assert windows.stage.view.mode == "live"


def test_a_mapping_that_cannot_be_saved_still_serves_this_run(windows, qtbot, tmp_path):
    from stageshow.devices.buttons import keyboard_button

    hub = windows.buzzers
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    hub.mapping_file = blocker / "buzzers.json"  # its folder is a file: the save must fail
    with pytest.raises(OSError):
        hub.set_learned({1: keyboard_button("Q")})
    open_buzzers(windows)
    qtbot.keyClick(windows.console, Qt.Key.Key_Q)
    assert locked(windows) == "T01"


def test_news_from_the_controller_reader_reaches_the_operators_status_line(windows, qtbot):
    import threading

    relay = windows.buzzers._relay  # the reader's listener, called on the reader's receiving thread
    threading.Thread(target=relay.reader_warning, args=("游戏手柄抢答器读取进程意外退出，正在重新启动",)).start()
    qtbot.waitUntil(lambda: windows.console.status.text() == "游戏手柄抢答器读取进程意外退出，正在重新启动")


def test_the_buzzers_opening_and_a_lock_repaint_only_the_status_row_which_holds_all_they_change(windows, qtbot):
    bridge, view = windows.bridge, windows.stage.view
    assert bridge.submit(c.StartRound("R1")) and bridge.submit(c.Next())
    snapshots = [bridge.public_snapshot()]
    for command in (c.Go, lambda: c.Press("T02", stamp=bridge.now()), lambda: c.Press("T03", stamp=bridge.now()),
                    c.PauseClock, c.ResumeClock):
        assert bridge.submit(command())
        snapshots.append(bridge.public_snapshot())
    assert snapshots[-1].question.margin_ms is not None
    for old, new in itertools.pairwise(snapshots):
        assert_a_row_repaint_leaves_the_whole_new_screen(old, new, bridge.now())
    assert bridge.submit(c.Judge(c.Verdict.WRONG))  # scores and the status line change: the whole stage
    assert not only_the_status_row_changed(snapshots[-1], bridge.public_snapshot())

    assert bridge.state.phase == Phase.BUZZ_OPEN  # reopened for the others
    qtbot.waitUntil(lambda: "请抢答！" in view.last_texts)
    painted = []
    paint_event = view.paintEvent
    view.paintEvent = lambda event: (painted.append(event.rect()), paint_event(event))
    qtbot.keyClick(windows.stage, Qt.Key.Key_4)
    assert locked(windows) == "T04"
    assert any("抢答成功" in text for text in view.last_texts)  # painted before the key press returned
    row = painted[0]
    assert row.width() >= view.width() * 0.9 and row.height() < view.height() / 4

"""The pre-flight check (设备自检): a line per device and file, green, yellow or red with what to do; the page in
the windows (a buzzer pressed turns its line green) and `stageshow selftest` on the command line."""

import os
import re
import shutil
import subprocess
import sys
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from stageshow.app.preflight import backup_line, buzzer_lines, database_line
from stageshow.devices.buttons import RawPress, keyboard_button
from stageshow.devices.mapping import BuzzerMapping
from stageshow.formats.show_file import load_show_or_raise
from tests.support import DEMO_SHOW, PROJECT, open_app, write_show


def test_lines_say_what_is_wrong_and_what_to_do(tmp_path):
    assert database_line(tmp_path / "show.sqlite3").ok is True
    blocker = tmp_path / "file"
    blocker.write_text("")
    bad = database_line(blocker / "show.sqlite3")  # a folder that cannot be made: a read-only or missing place
    assert bad.ok is False and str(blocker / "show.sqlite3") in bad.detail and "可写" in bad.fix
    assert backup_line(None).ok is None and "U盘" in backup_line(None).fix
    assert backup_line(blocker).ok is False and "U盘" in backup_line(blocker).fix
    assert backup_line(tmp_path).ok is True and list(tmp_path.glob(".stageshow-check-*")) == []
    show = load_show_or_raise(write_show(tmp_path / "show", [{"id": "R1", "title": "抢答", "kind": "buzz",
                                                              "pool": "抢答", "questions": 1}],
                                         teams=[{"id": "T01", "name": "甲队", "buzzer": {"key": "1"}},
                                                {"id": "T02", "name": "乙队"}]))
    first, second = buzzer_lines(show, BuzzerMapping(show.teams), tested={"T01"})
    assert first.ok is True and "键盘 1" in first.detail
    assert second.ok is False and "设置抢答器" in second.fix


def test_the_page_checks_the_hall_and_a_press_marks_a_buzzer_tested(qtbot, tmp_path):
    windows = open_app(qtbot, DEMO_SHOW, tmp_path)
    try:
        page = windows.open_preflight()
        lines = {line.what: line for line in page.check_lines()}
        assert lines["大屏（投影仪）"].ok is True and "PROJECTOR，1920×1080" in lines["大屏（投影仪）"].detail
        assert lines["中文字体"].ok is True
        assert [line.ok for what, line in lines.items() if what.startswith("视频")] == [True] * 4  # decoded
        assert lines["抢答器 第3组 东城区代表队"].ok is None  # set up, not yet pressed
        windows.buzzers.take(RawPress(keyboard_button("3"), time.monotonic_ns()))
        assert page.tested == {"T03"}
        assert any(page.lines.item(row).text().startswith("✔ 抢答器 第3组") for row in range(page.lines.count()))
        played = []
        windows.sound.play = played.append
        page.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
        qtbot.keyClick(page, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # a test tone
        assert played == ["reveal"]
        assert windows.bridge.state.phase.value == "setup"  # nothing reached the show
    finally:
        windows.shutdown()


def selftest(*args):
    env = {**os.environ, "STAGESHOW_REALTIME": "0"}
    return subprocess.run([sys.executable, "-m", "stageshow", "selftest", *map(str, args)], capture_output=True,
                          text=True, env=env, cwd=PROJECT, timeout=120)


def test_selftest_on_the_command_line_names_a_broken_video_and_exits_1(tmp_path):
    good = selftest(DEMO_SHOW, "--db", tmp_path / "show.sqlite3")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "✔ 大屏（投影仪）：PROJECTOR，1920×1080" in good.stdout and "须处理" in good.stdout.splitlines()[-1]
    folder = tmp_path / "show"
    shutil.copytree(DEMO_SHOW.parent, folder)
    (folder / "banks" / "media" / "lc02.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42 but not a video")
    bad = selftest(folder / DEMO_SHOW.name, "--db", tmp_path / "show.sqlite3")
    assert bad.returncode == 1
    [line] = [line for line in bad.stdout.splitlines() if line.startswith("✘ 视频 LC02")]
    assert "lc02.mp4 无法播放" in line and "H.264" in line
    assert "Traceback" not in bad.stderr and "Input #0" not in bad.stderr


def test_selftest_checks_the_lan_link_a_show_file_turns_on(tmp_path):
    on = selftest(PROJECT / "question_sets" / "hall-demo.show.yaml", "--db", tmp_path / "hall.sqlite3")
    assert re.search(r"✔ 局域网连接：http://[0-9.]+:\d+/ 本机可以访问", on.stdout), on.stdout
    off = selftest(DEMO_SHOW, "--db", tmp_path / "demo.sqlite3")
    assert "局域网连接：未开启" in off.stdout

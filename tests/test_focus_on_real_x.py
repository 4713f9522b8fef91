"""Where the keyboard goes, under Xorg with a window manager, as the operator opens a final whose show file turns the
LAN link on: the pre-flight page takes the keys (Esc closes it) and then the console; never the projector's window.
Seen before the fix: the hall's server starting first let the stage, mapped last, take the focus, and Esc did
nothing the operator could see."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pytest

from tests.support import PROJECT
from tests.x_server import two_monitors


def focused(env: dict[str, str]) -> str:
    found = subprocess.run(["xdotool", "getwindowfocus", "getwindowname"], env=env, capture_output=True, text=True)
    return found.stdout.strip()


def wait_for_focus(env: dict[str, str], words: str, seconds: float = 30) -> str:
    deadline, name = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        name = focused(env)
        if words in name:
            return name
        time.sleep(0.3)
    raise AssertionError(f"the keyboard is with “{name}”, not “{words}”")


def test_the_preflight_page_then_the_console_take_the_keys_never_the_stage(tmp_path):
    if shutil.which("xdotool") is None:
        pytest.skip("needs xdotool for real key presses (scripts/test.sh installs it as root)")
    with two_monitors(tmp_path, "1024x768", "1280x720", window_manager=True) as env:
        env = {**env, "QT_QPA_PLATFORM": "xcb", "STAGESHOW_DATA_DIR": str(tmp_path / "data")}
        app = subprocess.Popen([sys.executable, "-m", "stageshow", "run", "question_sets/hall-demo.show.yaml"],
                               env=env, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for_focus(env, "设备自检")
            time.sleep(2)  # the other windows have all been mapped by now: the page keeps the keys
            assert "设备自检" in focused(env)
            subprocess.run(["xdotool", "key", "Escape"], env=env, check=True)
            assert "控制台" in wait_for_focus(env, "控制台", 10)
        finally:
            app.kill()  # its log is safe on a kill (test_resume_exact): no closing questions to answer here
            app.wait(10)

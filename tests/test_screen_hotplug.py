"""The projector unplugged mid-show and plugged back in, under a real X server (Xorg's dummy driver gives
monitors that xrandr can switch off and on, firing Qt's real screenRemoved / screenAdded)."""

import json
import subprocess
import sys

import pytest

from tests.x_server import TESTS, two_monitors


@pytest.fixture
def two_monitor_x_server(tmp_path):
    with two_monitors(tmp_path) as env:
        yield env


def test_an_unplugged_projector_hides_the_stage_and_its_return_brings_it_back(two_monitor_x_server, tmp_path):
    env = {**two_monitor_x_server, "QT_QPA_PLATFORM": "xcb", "STAGESHOW_DATA_DIR": str(tmp_path)}
    child = subprocess.run([sys.executable, str(TESTS / "hotplug_child.py"), str(tmp_path)], env=env,
                           capture_output=True, text=True, timeout=120, cwd=TESTS.parent)
    assert child.returncode == 0, child.stderr[-2000:]
    report = json.loads(child.stdout.strip().splitlines()[-1])
    assert report["start"] == {"stage": "DUMMY1", "console": "DUMMY0", "stage_geometry": [1280, 0, 1920, 1080]}
    assert report["hidden"] and not report["after_unplug"]["stage_visible"]
    assert report["after_unplug"]["console"] == "DUMMY0"  # the console, which shows answers, stays put
    assert "DUMMY1 已断开" in report["after_unplug"]["status"]  # the operator is told
    assert report["shown_again"]
    assert report["after_replug"] == {"stage": "DUMMY1", "full_screen": True, "stage_geometry": [1280, 0, 1920, 1080],
                                      "status": "大屏已恢复到 DUMMY1"}

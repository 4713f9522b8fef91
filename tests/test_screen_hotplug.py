"""The projector unplugged mid-show and plugged back in, under a real X server (Xorg's dummy driver gives
monitors that xrandr can switch off and on, firing Qt's real screenRemoved / screenAdded)."""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
DUMMY_DRIVER = Path("/usr/lib/xorg/modules/drivers/dummy_drv.so")


@pytest.fixture
def two_monitor_x_server(tmp_path):
    if not (shutil.which("Xorg") and shutil.which("xrandr") and DUMMY_DRIVER.exists()):
        pytest.skip("needs Xorg with the dummy driver and xrandr (scripts/test.sh installs them as root)")
    display = f":{90 + os.getpid() % 100}"
    server = subprocess.Popen(["Xorg", display, "-noreset", "-nolisten", "tcp", "-config",
                               str(TESTS / "xorg-dummy.conf"), "-logfile", str(tmp_path / "xorg.log")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "DISPLAY": display}
    deadline = time.monotonic() + 15
    while subprocess.run(["xrandr"], env=env, capture_output=True).returncode != 0:
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.skip(f"Xorg could not start here (see {tmp_path / 'xorg.log'})")
        time.sleep(0.1)
    subprocess.run(["xrandr", "--addmode", "DUMMY1", "1920x1080"], env=env, check=True)
    subprocess.run(["xrandr", "--output", "DUMMY1", "--mode", "1920x1080", "--right-of", "DUMMY0"], env=env,
                   check=True)
    yield env
    server.terminate()
    server.wait(10)


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

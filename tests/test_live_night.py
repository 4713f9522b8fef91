"""The live night, keyboard only: a whole final driven by real key presses through the real windows on a laptop
beside a projector (a real X server, no window manager), at the sizes operators have. See live_night_child.py."""

import json
import shutil
import subprocess
import sys

import pytest

from tests.support import PROJECT, write_show
from tests.x_server import TESTS, two_monitors

ROUNDS = [
    {"id": "R1", "title": "第一轮 必答题", "kind": "compulsory", "pool": "必答", "per_team": 1},
    {"id": "R2", "title": "第二轮 抢答题", "kind": "buzz", "pool": "抢答", "questions": 2},
    {"id": "R3", "title": "第三轮 风险题", "kind": "risk", "pool": "风险"},
    {"id": "R4", "title": "第四轮 执法文书纠错", "kind": "correction", "pool": "纠错", "per_team": 1},
    {"id": "R5", "title": "第五轮 情景模拟", "kind": "judged", "judges": 3, "per_vote": 1},
]
TEAMS = [{"id": f"T{n:02d}", "name": name, "members": ["甲", "乙", "丙"], "buzzer": {"key": str(n)}}
         for n, name in enumerate(["开发区代表队", "高新技术产业开发区综合行政执法局代表队", "东城区代表队",
                                   "市场监管局代表队"], start=1)]
# Seat 1 wins both buzz questions; the other three tie across the 二等奖 / 三等奖 boundary: a tie-break.
AWARDS = [{"name": "一等奖", "count": 1}, {"name": "二等奖", "count": 1}, {"name": "三等奖", "count": 2}]


@pytest.mark.parametrize("laptop, projector, window_manager", [("1024x768", "1920x1080", False),
                                                               ("1366x768", "1280x720", False),
                                                               ("1024x768", "1280x720", True)])
def test_a_whole_final_on_keys_keeps_the_console_off_the_stage_and_the_miniature_true(tmp_path, laptop, projector,
                                                                                     window_manager):
    if shutil.which("xdotool") is None:
        pytest.skip("needs xdotool for real key presses (scripts/test.sh installs it as root)")
    show = write_show(tmp_path / "show", ROUNDS, teams=TEAMS, tiebreak={"pool": "加赛"}, awards=AWARDS)
    with two_monitors(tmp_path, laptop, projector, window_manager) as env:
        env = {**env, "QT_QPA_PLATFORM": "xcb", "STAGESHOW_DATA_DIR": str(tmp_path / "data"),
               "STAGESHOW_REALTIME": "0"}
        child = subprocess.run([sys.executable, str(TESTS / "live_night_child.py"), str(show), str(tmp_path)],
                               env=env, capture_output=True, text=True, timeout=600, cwd=TESTS.parent)
    keep = PROJECT / "test-output" / "screenshots" / f"live-night-{laptop}-{projector}{'-openbox' if window_manager else ''}"
    keep.mkdir(parents=True, exist_ok=True)
    for picture in tmp_path.glob("*.png"):  # for people to look at: both screens at every phase of the final
        shutil.copy(picture, keep / picture.name)
    assert child.returncode == 0, child.stderr[-3000:]
    report = json.loads(child.stdout.strip().splitlines()[-1])
    assert report["problems"] == [], report
    assert report["phase"] == "finished" and report["tiebreak"]
    assert report["ceremony"] == ["award:0", "award:1", "award:2"]
    assert report["undo_asked"] and report["phase"] == "finished"  # Enter said No: the show stays finished
    width, height = map(int, laptop.split("x"))
    assert report["console"] == [0, 0, width, height]  # the whole laptop screen, title bar included, and no more

"""Build real show files and banks in a temporary folder, and run scripts against them."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import yaml

from stageshow.app.rehearsal import RehearsalOutcome, rehearse
from stageshow.formats.problems import Problems
from stageshow.formats.script import read_script
from stageshow.formats.show_file import load_show, load_show_or_raise

PROJECT = Path(__file__).resolve().parents[1]
DEMO_SHOW = PROJECT / "question_sets" / "demo.show.yaml"
DEMO_SCRIPT = PROJECT / "question_sets" / "demo.script.yaml"


def run_cli(*args: object, cwd: Path = PROJECT, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """`stageshow ARGS` in a process of its own, as a user runs it: its exit code and its words."""
    return subprocess.run([sys.executable, "-m", "stageshow", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=timeout)


def question(qid: str, pool: str, **extra: Any) -> dict[str, Any]:
    base = {"id": qid, "pool": pool, "type": "single", "stem": f"题目 {qid}", "options": ["甲", "乙", "丙", "丁"],
            "answer": "B"}
    base.update(extra)
    return base


def write_show(folder: Path, rounds: list[dict[str, Any]], teams: int | list[dict] = 4,
               questions: list[dict] | None = None, **show_fields: Any) -> Path:
    """A show with `teams` teams (a number, or the team entries themselves) and a bank holding `questions` (or
    enough of each pool the rounds use)."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = teams if isinstance(teams, list) else [
        {"id": f"T{i:02d}", "name": f"第{i}队", "members": ["甲", "乙", "丙"]} for i in range(1, teams + 1)]
    if questions is None:
        questions = default_questions(folder, rounds, len(entries), show_fields.get("tiebreak"))
    (folder / "bank.questions.yaml").write_text(
        yaml.safe_dump({"questions": questions}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    show = {"title": "测试决赛", "questions": ["bank.questions.yaml"],
            "teams": entries, "rounds": rounds}
    show.update(show_fields)
    path = folder / "test.show.yaml"
    path.write_text(yaml.safe_dump(show, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def default_questions(folder: Path, rounds: list[dict], teams: int, tiebreak: dict | None) -> list[dict]:
    result: list[dict] = []
    for round_ in rounds:
        pool = round_.get("pool")
        kind = round_["kind"]
        if pool is None or any(q["pool"] == pool for q in result):
            continue
        if kind == "risk":
            for tier in round_.get("tiers", [10, 20, 30]):
                result += [question(f"{pool}-{tier}-{n}", pool, tier=tier) for n in range(teams)]
        elif kind == "correction":
            image = folder / "doc.png"
            image.write_bytes(b"\x89PNG\r\n\x1a\n")
            result += [question(f"{pool}{n}", pool, type="document", image="doc.png", options=None, answer=None,
                                errors=[{"text": f"错误{k}", "box": [0.1, 0.1 * k, 0.5, 0.05]} for k in range(1, 5)])
                       for n in range(teams * round_.get("per_team", 1))]
        else:
            count = round_.get("questions", 20) if kind == "buzz" else teams * round_.get("per_team", 3)
            result += [question(f"{pool}{n}", pool) for n in range(count)]
    if tiebreak:
        result += [question(f"TB{n}", tiebreak["pool"]) for n in range(6)]
    if not result:
        result.append(question("FILLER", "备用"))
    for item in result:
        for key in [key for key, value in item.items() if value is None]:
            del item[key]
    return result


def run_script(show_path: Path, steps: str, db: Path | None = None) -> RehearsalOutcome:
    show, problems = load_show(show_path)
    assert show is not None, [p.render() for p in problems.items]
    script = show_path.parent / "test.script.yaml"
    script.write_text("steps:\n" + textwrap.indent(textwrap.dedent(steps).strip() + "\n", "  "), encoding="utf-8")
    script_problems = Problems()
    parsed = read_script(script, script_problems)
    assert not script_problems, [p.render() for p in script_problems.items]
    return rehearse(show, show_path.parent, parsed, db)


def scores(outcome: RehearsalOutcome) -> dict[str, Any]:
    assert outcome.failure is None, outcome.failure
    return outcome.result["scores"]


def assert_console_fits_a_laptop_screen(console, qtbot, width=1024, height=768):
    """The console shrinks to a 1024×768 screen (it once could not be narrower than 1509 px), its screen list shows
    whole names, and the big next-action button's text fits it, even a long one."""
    hint = console.minimumSizeHint()
    assert hint.width() <= width and hint.height() <= height, hint
    console.show()
    console.resize(width, height)
    qtbot.waitUntil(lambda: console.width() == width)
    box = console.screen_box
    assert box.width() >= box.sizeHint().width(), box.currentText()
    primary = console.controls.primary
    for text in (primary.text(), "开始 第三轮 执法文书与执法流程纠错题（团队赛，含现场视频）　[Space]"):
        primary.setText(text)
        assert primary.fontMetrics().horizontalAdvance(text) <= primary.width(), text


def paint_snapshot(snapshot, now, onto=None, clip=None):
    """The stage's painter on a 1920×1080 image (or over `onto`, within `clip`); returns the image and its frame."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from stageshow.ui.stage.painter import Frame, paint_stage

    image = onto or QImage(1920, 1080, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    if clip is not None:
        painter.setClipRect(clip)
    frame = Frame(painter, QRectF(image.rect()), now, lambda path: None)
    paint_stage(frame, snapshot)
    painter.end()
    return image, frame


def assert_a_row_repaint_leaves_the_whole_new_screen(old, new, now):
    """The stage repaints only the status row from `old` to `new`; what the hall then sees must be, pixel for
    pixel, a whole paint of `new`."""
    from stageshow.ui.stage.changes import only_the_status_row_changed
    from stageshow.ui.stage.view import pixels_under

    assert only_the_status_row_changed(old, new)
    stage, frame = paint_snapshot(old, now)
    paint_snapshot(new, now, onto=stage, clip=pixels_under(frame.status_box))
    assert stage == paint_snapshot(new, now)[0]


def open_app(qtbot, show_path: Path, folder: Path, db: Path | None = None):
    """The real windows on a show, shown, with their settings in `folder` and no 退出？ question at the end; close
    them with `.shutdown()`."""
    from PySide6.QtCore import QSettings

    from stageshow.ui.app import StageShowApp

    windows = StageShowApp(load_show_or_raise(show_path), show_path.parent, db or folder / "show.sqlite3",
                           QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    windows.console.confirm_on_close = False
    qtbot.addWidget(windows.console)
    windows.show_windows()
    qtbot.waitExposed(windows.console)
    return windows

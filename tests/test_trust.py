"""A log is checked before it is trusted: an altered one is never resumed (rehearse, run) nor printed as if it were
sound (export refuses it, or with --force prints 记录校验未通过 on every page)."""

from __future__ import annotations

import sqlite3

import openpyxl
from pypdf import PdfReader

from tests.support import DEMO_SCRIPT, DEMO_SHOW, run_cli as stageshow



def half_rehearsed(tmp_path):  # type: ignore[no-untyped-def]
    """The first 100 steps of the demo, then one judgement's points made 1000 (as a hand edit of the file would)."""
    lines = DEMO_SCRIPT.read_text(encoding="utf-8").splitlines()
    start = lines.index("steps:")
    script = tmp_path / "half.script.yaml"
    script.write_text("\n".join(lines[start:start + 101]) + "\n", encoding="utf-8")
    db = tmp_path / "show.sqlite3"
    assert stageshow("rehearse", DEMO_SHOW, "--script", script, "--db", db).returncode == 0
    with sqlite3.connect(db) as connection:
        seq, payload = connection.execute(
            "SELECT seq, payload FROM events WHERE kind = 'Judged' AND payload LIKE '%\"points\":\"10\"%'").fetchone()
        connection.execute("UPDATE events SET payload = ? WHERE seq = ?",
                           (payload.replace('"points":"10"', '"points":"1000"'), seq))
        connection.execute("UPDATE scores SET score = '1090' WHERE team_id = 'T01'")
    return db, seq


def event_count(db):  # type: ignore[no-untyped-def]
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM events").fetchone()[0]


def test_an_altered_log_is_not_resumed(tmp_path):
    db, seq = half_rehearsed(tmp_path)
    before = event_count(db)
    result = stageshow("rehearse", DEMO_SHOW, "--script", DEMO_SCRIPT, "--db", db)
    assert result.returncode == 1
    assert f"第 {seq} 条事件（Judged）内容被修改" in result.stderr and "校验未通过" in result.stderr, result.stderr
    assert "程序内部错误" not in result.stderr
    assert event_count(db) == before


def test_an_altered_log_is_exported_only_on_purpose_and_says_so_on_every_page(tmp_path):
    db, seq = half_rehearsed(tmp_path)
    refused = stageshow("export", db, "--pdf", tmp_path / "a.pdf")
    assert refused.returncode == 1 and "--force" in refused.stderr and not (tmp_path / "a.pdf").exists()
    assert "导出比赛 1：" in refused.stdout  # the show it looked at is named
    forced = stageshow("export", db, "--pdf", tmp_path / "a.pdf", "--xlsx", tmp_path / "a.xlsx", "--force")
    assert forced.returncode == 0, forced.stderr
    pages = [page.extract_text() for page in PdfReader(tmp_path / "a.pdf").pages]
    assert all("记录校验未通过" in page for page in pages)
    assert openpyxl.load_workbook(tmp_path / "a.xlsx")["成绩表"]["A2"].value.startswith("记录校验未通过")


def test_verify_names_a_stored_score_that_is_no_number(tmp_path):
    db = tmp_path / "show.sqlite3"
    assert stageshow("rehearse", DEMO_SHOW, "--script", DEMO_SCRIPT, "--db", db).returncode == 0
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE scores SET score = 'abc' WHERE team_id = 'T02'")
    result = stageshow("verify", db)
    assert result.returncode == 1 and "存储的分数不是数字" in result.stderr and "程序内部错误" not in result.stderr


def test_the_windows_refuse_an_altered_live_log_with_the_reason(qtbot, tmp_path):
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from stageshow.app.session import ShowSession
    from stageshow.domain import commands as c
    from stageshow.formats.show_file import load_show_or_raise
    from stageshow.ui.app import open_show

    show = load_show_or_raise(DEMO_SHOW)
    db = tmp_path / "live.sqlite3"
    session = ShowSession.open(show, DEMO_SHOW.parent, db)
    for command in (c.StartRound("R1"), c.Next(), c.Go(), c.Judge(c.Verdict.CORRECT)):
        session.submit(command, 0)
    session.close()
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE events SET at = at + 1 WHERE seq = 3")
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, read_and_close)
            return
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    windows = open_show(show, DEMO_SHOW.parent, db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert windows is None
    assert "第 3 条事件" in seen[0] and "备份" in seen[0]


import pytest  # noqa: E402


@pytest.fixture(scope="module")
def finished_db(tmp_path_factory):  # type: ignore[no-untyped-def]
    db = tmp_path_factory.mktemp("verify") / "demo.sqlite3"
    assert stageshow("rehearse", DEMO_SHOW, "--script", DEMO_SCRIPT, "--db", db).returncode == 0
    return db


@pytest.mark.parametrize("tamper, words", [
    ("UPDATE shows SET title = '另一场比赛'", "名称被改为“另一场比赛”"),
    ("UPDATE shows SET finished = 0", "“已结束”标记与记录不符"),
    ("UPDATE shows SET mode = 'live'", "标为正式比赛"),
    ("UPDATE events SET recorded_at = '2020-01-01T00:00:00' WHERE seq = 300", "第 300 条事件的记录时间不对"),
    ("UPDATE events SET recorded_at = 'yesterday' WHERE seq = 12", "第 12 条事件的记录时间不对"),
    ("INSERT INTO scores (show_id, team_id, score) VALUES (1, 'T99', '0')", "不属于本场的队伍 T99"),
    ("INSERT INTO events (show_id, seq, kind, at, payload, prev_hash, hash, recorded_at)"
     " VALUES (7, 1, 'ShowFinished', 0, '{}', '', '', '')", "表 events 中有 1 行不属于任何一场比赛"),
])
def test_verify_covers_what_lies_outside_the_chain(finished_db, tmp_path, tamper, words):
    import shutil

    db = tmp_path / "copy.sqlite3"
    shutil.copy(finished_db, db)
    assert stageshow("verify", db).returncode == 0
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute(tamper)
    result = stageshow("verify", db)
    assert result.returncode == 1 and words in result.stderr, result.stderr
    assert "程序内部错误" not in result.stderr


def test_verify_on_a_half_created_or_wal_less_file_says_no_show_is_recorded(tmp_path):
    from stageshow.store.database import APPLICATION_ID

    half = tmp_path / "half.sqlite3"  # killed during its first open: the mark and one table, no show
    with sqlite3.connect(half) as connection:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute("CREATE TABLE shows (id INTEGER PRIMARY KEY)")
    result = stageshow("verify", half)
    assert result.returncode == 1 and "没有比赛记录" in result.stderr and "程序内部错误" not in result.stderr

    from stageshow.app.session import ShowSession
    from stageshow.domain import commands as c
    from stageshow.formats.show_file import load_show_or_raise

    live = tmp_path / "live.sqlite3"
    session = ShowSession.open(load_show_or_raise(DEMO_SHOW), DEMO_SHOW.parent, live)
    session.submit(c.StartRound("R1"), 0)
    session.submit(c.Next(), 1)  # still in the write-ahead log: the show is running
    alone = tmp_path / "alone.sqlite3"
    alone.write_bytes(live.read_bytes())  # the .db file copied without its WAL
    result = stageshow("verify", alone)
    assert "程序内部错误" not in result.stderr and "no such table" not in result.stderr
    # the round's start was folded into the file (a checkpoint): the copy is the show up to there, and intact
    assert result.returncode == 0 and "完好：1 场比赛" in result.stdout, result.stderr
    session.close()

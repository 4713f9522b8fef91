"""StageShow writes only its own files: another program's database, or a file that is no database at all, is
refused with a plain message and left byte for byte as it was; a closed pipe ends quietly."""

import sqlite3
import subprocess
import sys

import pytest

from stageshow.store.database import APPLICATION_ID, open_database
from tests.support import DEMO_SCRIPT, DEMO_SHOW, PROJECT, run_cli as stageshow



@pytest.fixture
def foreign(tmp_path):
    path = tmp_path / "考勤.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO users (name) VALUES ('张明')")
    return path


@pytest.mark.parametrize("command", [["verify"], ["export", "--xlsx", "out.xlsx"],
                                     ["rehearse-into"]])
def test_another_programs_database_is_refused_and_untouched(foreign, tmp_path, command):
    before = foreign.read_bytes()
    if command == ["rehearse-into"]:
        args = ["rehearse", DEMO_SHOW, "--script", DEMO_SCRIPT, "--db", foreign]
    else:
        args = [command[0], foreign, *[tmp_path / part if part.endswith(".xlsx") else part for part in command[1:]]]
    result = stageshow(*args)
    assert result.returncode == 1, result.stdout
    assert "不是 StageShow 的比赛记录文件" in result.stderr and "users" in result.stderr
    assert "程序内部错误" not in result.stderr and "Traceback" not in result.stderr
    assert foreign.read_bytes() == before
    assert not (tmp_path / "考勤.db-wal").exists()


def test_a_file_that_is_no_database_is_refused_and_untouched(tmp_path):
    text = tmp_path / "成绩.db"
    text.write_text("这是一份成绩说明，不是数据库。\n" * 20, encoding="utf-8")
    before = text.read_bytes()
    result = stageshow("verify", text)
    assert result.returncode == 1 and "不是数据库文件" in result.stderr
    assert text.read_bytes() == before


def test_stageshows_own_databases_carry_its_mark_and_an_empty_file_becomes_one(tmp_path):
    empty = tmp_path / "new.sqlite3"
    empty.write_bytes(b"")
    open_database(empty).dispose()
    with sqlite3.connect(empty) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_a_closed_pipe_ends_quietly(tmp_path):
    pipeline = subprocess.run(f"{sys.executable} -m stageshow rehearse {DEMO_SHOW} --script {DEMO_SCRIPT} | head -c 10",
                              shell=True, capture_output=True, text=True, cwd=PROJECT, timeout=300)
    assert "程序内部错误" not in pipeline.stderr and "Traceback" not in pipeline.stderr


@pytest.mark.parametrize("command", ["verify", "export"])
def test_reading_an_empty_file_says_no_show_is_recorded_and_writes_nothing(tmp_path, command):
    empty = tmp_path / "成绩.db"
    empty.write_bytes(b"")
    args = [command, empty] + (["--xlsx", tmp_path / "out.xlsx"] if command == "export" else [])
    result = stageshow(*args)
    assert result.returncode == 1, result.stdout
    assert "没有比赛记录" in result.stderr and "程序内部错误" not in result.stderr
    assert empty.read_bytes() == b"" and sorted(p.name for p in tmp_path.iterdir()) == ["成绩.db"]


@pytest.mark.parametrize("where, words", [("a-folder", "是一个文件夹"), ("/proc/成绩.db", "无法创建或打开")])
def test_a_database_that_cannot_be_opened_for_writing_is_a_plain_message(tmp_path, where, words):
    (tmp_path / "a-folder").mkdir()
    db = tmp_path / where if not where.startswith("/") else where
    result = stageshow("rehearse", DEMO_SHOW, "--script", DEMO_SCRIPT, "--db", db)
    assert result.returncode == 1
    assert words in result.stderr and str(db) in result.stderr, result.stderr
    assert "程序内部错误" not in result.stderr and "Traceback" not in result.stderr


def test_a_locked_database_names_the_cause(tmp_path):
    db = tmp_path / "show.sqlite3"
    assert stageshow("rehearse", DEMO_SHOW, "--script", DEMO_SCRIPT, "--db", db).returncode == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = stageshow("rehearse", DEMO_SHOW, "--script", DEMO_SCRIPT, "--db", db, "--new")
    finally:
        holder.close()
    assert result.returncode == 1
    assert "正被另一个程序使用" in result.stderr and "程序内部错误" not in result.stderr, result.stderr

"""A full disk mid-show: the command that could not be written is refused (never acknowledged, the show stays where
it was), the console raises an alarm naming the fix, and the same command goes through once there is room.
The full disk is SQLite's own: a page limit on the writer's connections gives the very error a full disk gives."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import event as sa_event

from stageshow.app.session import ShowSession
from stageshow.domain import commands as c
from stageshow.formats.show_file import load_show_or_raise
from stageshow.store.database import DatabaseProblem
from stageshow.store.verify import verify_database
from tests.support import open_app, write_show


class FullDisk:
    """While on, the log's connections may not grow the database by a single page."""

    def __init__(self, engine, db) -> None:  # type: ignore[no-untyped-def]
        self.engine, self.db = engine, db

    def _limit(self, connection, _record) -> None:  # type: ignore[no-untyped-def]
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")

    def __enter__(self):  # type: ignore[no-untyped-def]
        self.engine.dispose()
        sa_event.listen(self.engine, "connect", self._limit)
        return self

    def __exit__(self, *_exc) -> None:  # type: ignore[no-untyped-def]
        sa_event.remove(self.engine, "connect", self._limit)
        self.engine.dispose()


def buzz_show(folder):  # type: ignore[no-untyped-def]
    return write_show(folder, [{"id": "R1", "kind": "buzz", "title": "抢答", "pool": "抢答", "questions": 5}], teams=3)


def fill_until_refused(session):  # type: ignore[no-untyped-def]
    """Presses until one cannot be written: how many went in, the state just before the refused one, the refusal."""
    for accepted, now in enumerate(range(10_000, 10_000_000, 10_000)):
        before = (session.committed_seq, session.engine.state.clock, session.engine.state.clone().fouls)
        try:
            session.submit(c.Press("T01"), now)
        except DatabaseProblem as problem:
            return accepted, before, problem, now
    raise AssertionError("the page limit never bit")


def presses_in(db):  # type: ignore[no-untyped-def]
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM events WHERE kind = 'PressRecorded'").fetchone()[0]


def test_a_full_disk_refuses_the_command_and_the_show_goes_on_once_there_is_room(tmp_path):
    db = tmp_path / "final.sqlite3"
    show_path = buzz_show(tmp_path)
    session = ShowSession.open(load_show_or_raise(show_path), tmp_path, db)
    session.submit(c.StartRound("R1"), 0)
    session.submit(c.Next(), 1)  # buzzers closed: every press is logged
    with FullDisk(session.log.engine, db):
        accepted, before, problem, now = fill_until_refused(session)
        assert accepted > 0 and problem.code == "db_disk_full" and "腾出空间" in str(problem)
        after = (session.committed_seq, session.engine.state.clock, session.engine.state.fouls)
        assert after == before  # not written, so not done
        assert verify_database(db).intact  # verify works on the full disk (it only reads)
    session.submit(c.Press("T01"), now)  # room again: the same press goes through, from the same point
    assert session.committed_seq > before[0]
    session.close()
    assert verify_database(db).intact
    assert presses_in(db) == accepted + 1  # every acknowledged press is there, and nothing else


def test_the_console_raises_an_alarm_naming_the_fix(qtbot, tmp_path):
    windows = open_app(qtbot, buzz_show(tmp_path), tmp_path)
    try:
        bridge = windows.bridge
        assert bridge.submit(c.StartRound("R1")) and bridge.submit(c.Next())
        with FullDisk(windows.session.log.engine, windows.db):
            accepted = [bridge.submit(c.Press("T01")) for _ in range(300)]
        assert False in accepted
        alarm = windows.console.alarm_label.text()
        assert windows.console.alarm_bar.isVisible() and "磁盘已满" in alarm and "没有生效" in alarm
        assert bridge.submit(c.Press("T01"))  # room again
    finally:
        windows.shutdown()


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("STAGESHOW_DATA_DIR", str(tmp_path / "userdata"))


@pytest.fixture
def read_only_copy(tmp_path):  # type: ignore[no-untyped-def]
    """A finished show's database on a read-only file system (a bind mount remounted read-only, as root)."""
    import shutil
    import subprocess

    from tests.support import DEMO_SCRIPT, DEMO_SHOW, run_cli

    source, mount = tmp_path / "stick", tmp_path / "mounted"
    source.mkdir()
    mount.mkdir()
    run = run_cli("rehearse", DEMO_SHOW, "--script", DEMO_SCRIPT, "--db", source / "final.sqlite3")
    assert run.returncode == 0, run.stderr
    mounted = subprocess.run(["mount", "--bind", str(source), str(mount)], capture_output=True) \
        if shutil.which("mount") else None
    if mounted is None or mounted.returncode != 0:
        pytest.skip("this machine cannot mount a read-only file system here (needs root and mount rights)")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(mount)], check=True, capture_output=True)
        yield mount / "final.sqlite3"
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)


def test_a_show_on_a_read_only_medium_still_verifies_and_prints(read_only_copy, tmp_path):
    from tests.support import DEMO_SCRIPT, DEMO_SHOW
    from tests.support import run_cli as stageshow

    verified = stageshow("verify", read_only_copy)
    assert verified.returncode == 0 and "完好" in verified.stdout, verified.stderr
    printed = stageshow("export", read_only_copy, "--pdf", tmp_path / "成绩表.pdf")
    assert printed.returncode == 0 and (tmp_path / "成绩表.pdf").stat().st_size > 0, printed.stderr
    written = stageshow("rehearse", DEMO_SHOW, "--script", DEMO_SCRIPT, "--db", read_only_copy, "--new")
    assert written.returncode == 1 and "只读" in written.stderr and "程序内部错误" not in written.stderr

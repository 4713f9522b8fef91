"""The database file is whole on its own: the end of every round and a clean quit fold the write-ahead log into
it, and a backup (by hand, or by itself at the end of every round) is one consistent file that `verify` passes."""

import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from stageshow.app.session import ENDS_A_ROUND, ShowSession
from stageshow.domain import commands as c
from stageshow.domain.context import seconds_to_ns
from stageshow.formats.problems import Problems
from stageshow.formats.script import read_script
from stageshow.formats.show_file import load_show_or_raise
from stageshow.store.backup import BackupFailed, back_up
from stageshow.store.verify import verify_database
from tests.support import DEMO_SCRIPT, DEMO_SHOW


def events_in(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT COUNT(*) FROM events").fetchone()[0]


def play_the_demo(db: Path, after_each_round) -> ShowSession:
    """The demo final as a live show, step by step; `after_each_round(session)` whenever a round has ended."""
    show = load_show_or_raise(DEMO_SHOW)
    session = ShowSession.open(show, DEMO_SHOW.parent, db, mode="live")
    clock = Decimal(0)
    for step in read_script(DEMO_SCRIPT, Problems()):
        clock += step.advance
        seq_before = session.committed_seq
        if step.name != "expect":  # as the console drives a live show: commands without script step numbers
            session.submit(step.command or c.Tick(), seconds_to_ns(clock))
        new = session.logged_events()[seq_before:] if session.committed_seq != seq_before else []
        if any(isinstance(event, ENDS_A_ROUND) for event, _ in new):
            after_each_round(session)
    return session


def test_a_copy_of_the_db_file_alone_after_each_round_holds_every_event_up_to_it(tmp_path):
    db = tmp_path / "show.sqlite3"
    copies = []

    def copy_only_the_db_file(session):
        copy = tmp_path / f"copy-{len(copies)}.sqlite3"
        shutil.copyfile(db, copy)  # the way people archive files: the .db, not its -wal
        copies.append((copy, session.committed_seq))

    session = play_the_demo(db, copy_only_the_db_file)
    assert len(copies) == 6  # each of the four rounds started, the tie-break started, the show finished
    for copy, committed in copies:
        assert events_in(copy) == committed, copy.name
        report = verify_database(copy)
        assert report.intact and report.events == committed, report.problems
    session.close()


def test_a_clean_quit_leaves_the_whole_show_in_the_db_file(tmp_path):
    db = tmp_path / "show.sqlite3"
    session = play_the_demo(db, lambda session: None)
    session.close()
    wal = db.with_name(db.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(db, copy)
    assert events_in(copy) == session.committed_seq


def test_a_backup_mid_round_is_one_consistent_file_that_verify_passes(tmp_path):
    db = tmp_path / "show.sqlite3"
    show = load_show_or_raise(DEMO_SHOW)
    session = ShowSession.open(show, DEMO_SHOW.parent, db, mode="live")
    from stageshow.domain import commands as c

    for n, command in enumerate((c.StartRound("R1"), c.Next(), c.Go(), c.Judge(c.Verdict.CORRECT))):
        session.submit(command, n * 1_000_000_000)
    target = tmp_path / "usb" / "备份.sqlite3"
    back_up(db, target)
    assert not target.with_name(target.name + "-wal").exists()
    report = verify_database(target)
    assert report.intact and report.events == session.committed_seq == events_in(target)
    session.close()


def test_a_backup_where_no_folder_can_be_made_names_the_place_and_the_fix(tmp_path):
    db = tmp_path / "show.sqlite3"
    ShowSession.open(load_show_or_raise(DEMO_SHOW), DEMO_SHOW.parent, db).close()
    blocker = tmp_path / "usb"
    blocker.write_text("not a folder")  # a stick pulled out and a file left where its folder was
    with pytest.raises(BackupFailed) as failure:
        back_up(db, blocker / "备份.sqlite3")
    assert str(blocker / "备份.sqlite3") in str(failure.value) and "换一个文件夹" in str(failure.value)


def test_the_console_backs_up_by_hand_and_at_the_end_of_every_round_and_reports_a_lost_stick(qtbot, tmp_path):
    from stageshow.ui.app import StageShowApp

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    windows = StageShowApp(load_show_or_raise(DEMO_SHOW), DEMO_SHOW.parent, tmp_path / "show.sqlite3", settings)
    windows.console.confirm_on_close = False
    qtbot.addWidget(windows.console)
    try:
        windows.show_windows()
        console, bridge = windows.console, windows.bridge
        usb = tmp_path / "usb"
        assert console.backups.back_up_to(usb)
        [backup] = usb.iterdir()
        assert backup.name == "2026年全市行政执法技能大比武决赛-比赛记录备份.sqlite3"
        assert "已备份比赛记录到" in console.status.text()
        from stageshow.domain import commands as c

        assert bridge.submit(c.StartRound("R1"))  # the start of a round ends the one before: a backup
        assert events_in(backup) == bridge.session.committed_seq
        assert verify_database(backup).intact
        shutil.rmtree(usb)
        usb.write_text("")  # the stick is gone: its folder cannot be made again
        assert bridge.submit(c.Next())  # not a round's end: nothing written, nothing said
        assert not console.alarm_bar.isVisible()
        settings.setValue("backup/folder", str(usb))
        assert bridge.submit(c.Go()) and bridge.submit(c.Judge(c.Verdict.CORRECT))
        from stageshow.app.next_action import next_action

        while bridge.state.round.round_id == "R1":  # play on to the next round, as the big button would
            step = next_action(bridge.show, bridge.state)
            if isinstance(step.command, c.StartRound):
                assert bridge.submit(step.command)
                break
            assert bridge.submit(step.command or c.Judge(c.Verdict.CORRECT))
        assert console.alarm_bar.isVisible() and "备份失败" in console.alarm_label.text()
        assert bridge.state.round.round_id == "R2"  # the show goes on
    finally:
        windows.shutdown()

"""One writer per show: a second StageShow opening a database another one is recording is refused at once, readers
keep working beside it, and a writer that is killed leaves no lock behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from stageshow.app.session import ShowSession
from stageshow.domain import commands as c
from stageshow.formats.show_file import load_show_or_raise
from tests.support import DEMO_SCRIPT, DEMO_SHOW, PROJECT, run_cli as stageshow



def test_a_second_writer_is_refused_and_readers_carry_on(tmp_path):
    db = tmp_path / "final.sqlite3"
    session = ShowSession.open(load_show_or_raise(DEMO_SHOW), DEMO_SHOW.parent, db)
    session.submit(c.StartRound("R1"), 0)
    try:
        second = stageshow("rehearse", DEMO_SHOW, "--script", DEMO_SCRIPT, "--db", db)
        assert second.returncode == 1
        assert f"进程 {os.getpid()}" in second.stderr and "只能由一个窗口记录" in second.stderr, second.stderr
        assert stageshow("verify", db).returncode == 0
        assert stageshow("export", db, "--xlsx", tmp_path / "scores.xlsx").returncode == 0
        session.submit(c.Next(), 1)  # the first writer goes on, undisturbed
    finally:
        session.close()
    assert stageshow("rehearse", DEMO_SHOW, "--script", DEMO_SCRIPT, "--db", tmp_path / "other.sqlite3").returncode == 0
    assert not (tmp_path / "final.sqlite3.writer").exists()


def test_a_killed_writer_leaves_no_lock(tmp_path):
    db = tmp_path / "final.sqlite3"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; sys.path.insert(0, sys.argv[1]);"
        "from stageshow.app.session import ShowSession;"
        "from stageshow.formats.show_file import load_show_or_raise;"
        "from pathlib import Path; show = Path(sys.argv[2]);"
        "s = ShowSession.open(load_show_or_raise(show), show.parent, Path(sys.argv[3]));"
        "print('open', flush=True); time.sleep(60)"), str(PROJECT), str(DEMO_SHOW), str(db)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        started = time.monotonic()
        while not (tmp_path / "final.sqlite3.writer").exists() and time.monotonic() - started < 10:
            time.sleep(0.05)
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=10)
    finally:
        if holder.poll() is None:
            holder.kill()
    session = ShowSession.open(load_show_or_raise(DEMO_SHOW), DEMO_SHOW.parent, db)  # no "in use" after a kill
    session.close()

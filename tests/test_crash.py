"""Kill a real rehearsing process with SIGKILL at random moments: nothing acknowledged is lost, nothing half-done.

Modelled on SQLite's own crash tests: after each kill the database is checked, then the show resumes from it.
"""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from stageshow.app.rehearsal import rehearse
from stageshow.formats.problems import Problems
from stageshow.formats.script import read_script
from stageshow.formats.show_file import load_show_or_raise
from stageshow.store.verify import verify_database
from tests.support import DEMO_SCRIPT, DEMO_SHOW, PROJECT

KILLS = 30


def start_child(db):
    return subprocess.Popen([sys.executable, str(PROJECT / "tests" / "crash_child.py"), str(DEMO_SHOW),
                             str(DEMO_SCRIPT), str(db)], stdout=subprocess.PIPE, text=True, cwd=PROJECT)


def read_reports(child, reported, ready, finished):
    for line in child.stdout:
        parts = line.split()
        if len(parts) == 2 and parts[0].isdigit():
            reported.append(int(parts[1]))
        elif parts and parts[0] == "ready":
            ready.set()
        elif parts and parts[0] == "done":
            finished.set()


def run_child(db, kill_after=None):
    """Run the child on `db`; SIGKILL it `kill_after` seconds after it is ready (None: let it finish).
    Returns (seconds from ready to exit, the seqs it reported, whether it said "done")."""
    child = start_child(db)
    reported, ready, finished = [], threading.Event(), threading.Event()
    reader = threading.Thread(target=read_reports, args=(child, reported, ready, finished), daemon=True)
    reader.start()
    assert ready.wait(30), "the child did not start"
    started = time.monotonic()
    if kill_after is not None:
        time.sleep(kill_after)
        child.send_signal(signal.SIGKILL)
    child.wait()
    reader.join(timeout=10)
    return time.monotonic() - started, reported, finished.is_set()


def latest_show_finished(db):
    """True once the show's last event is committed: a kill can land between that and the child saying "done"."""
    with sqlite3.connect(db) as connection:
        row = connection.execute("SELECT finished FROM shows ORDER BY id DESC LIMIT 1").fetchone()
    return bool(row and row[0])


def check_after_kill(db, reported):
    acknowledged = max(reported)
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        shows = connection.execute("SELECT id, head_seq, finished, mode FROM shows").fetchall()
        seqs = [row[0] for row in connection.execute(
            "SELECT seq FROM events WHERE show_id = (SELECT max(id) FROM shows) ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1)), f"a gap in the event sequence (shows: {shows})"
    # what the child said last, and every show record: enough to tell a lost commit from a misread report
    assert len(seqs) >= acknowledged, \
        f"acknowledged seq {acknowledged} lost (log holds {len(seqs)}; reports {reported[-5:]}; shows {shows})"
    report = verify_database(db)
    assert report.intact, report.problems


def replayed_result(db):
    from stageshow.app.result import show_result
    from stageshow.domain.engine import Engine
    from stageshow.store.database import open_database
    from stageshow.store.event_log import EventLog

    log = EventLog(open_database(db), EventLog.latest(open_database(db)))
    show = log.show()
    return show_result(show, Engine.replay(show, [(item.event, item.at) for item in log.events()]).state)


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing_and_resumes_to_the_same_result(tmp_path):
    show = load_show_or_raise(DEMO_SHOW)
    steps = read_script(DEMO_SCRIPT, Problems())
    expected = rehearse(show, DEMO_SHOW.parent.resolve(), steps, None).result
    rng = random.Random(int(os.environ.get("CRASH_SEED", "7")))
    kills, runs = 0, 0
    db = tmp_path / "run0.sqlite3"
    # One run uninterrupted, to learn how long a whole show takes here: the kills land anywhere within it.
    duration, _, finished = run_child(db)
    assert finished and replayed_result(db) == expected
    runs += 1
    db = tmp_path / f"run{runs}.sqlite3"
    while kills < KILLS:
        _, reported, finished = run_child(db, kill_after=rng.uniform(0, duration))
        if finished or (reported and latest_show_finished(db)):
            # it completed before the kill: check its result, then start over afresh
            assert replayed_result(db) == expected
            runs += 1
            db = tmp_path / f"run{runs}.sqlite3"
            continue
        if reported:  # killed mid-show, after at least one commit
            kills += 1
            check_after_kill(db, reported)
    print(f"{kills} kills mid-show, {runs} runs completed between kills")
    if db.exists():
        resumed = rehearse(show, DEMO_SHOW.parent.resolve(), steps, db)
        assert resumed.failure is None, resumed.failure
        assert json.dumps(resumed.result, sort_keys=True) == json.dumps(expected, sort_keys=True)
        assert verify_database(db).intact

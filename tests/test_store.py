"""The event log in a real SQLite file: durable appends, exact resume, verify, and tamper detection."""

import sqlite3

import pytest

from stageshow.app.session import ShowSession
from stageshow.domain import commands as c
from stageshow.domain.phases import Phase
from stageshow.formats.show_file import load_show_or_raise
from stageshow.store.verify import verify_database
from tests.support import run_script, write_show

SCRIPT = """
    - start: R2
    - next: {}
    - press: {team: T01}
    - go: {}
    - press: {team: T03, after: 1.5}
    - press: {team: T02, after: 0.25}
    - judge: wrong
    - adjust: {team: T02, points: 5, reason: 裁判长改判}
    - next: {}
    - go: {}
    - press: {team: T02, after: 2}
"""


def buzz_show(tmp_path):
    return write_show(tmp_path, [{"id": "R2", "kind": "buzz", "title": "抢答", "pool": "抢答", "questions": 5}],
                      teams=3)


def test_resume_rebuilds_round_question_answering_team_fouls_and_scores(tmp_path):
    show_path = buzz_show(tmp_path)
    db = tmp_path / "show.sqlite3"
    run_script(show_path, SCRIPT, db)
    show = load_show_or_raise(show_path)
    live = ShowSession.open(show, show_path.parent, db, mode="rehearsal").engine.state
    assert live.phase == Phase.ANSWERING and live.question.team == "T02"
    assert live.fouls == {"T01": 1}
    assert {team: int(score) for team, score in live.scores.items()} == {"T01": -10, "T02": 5, "T03": -10}
    # reopening as a live show pauses the running countdown with the time it had left at the last record
    session = ShowSession.open(show, show_path.parent, db, mode="rehearsal")
    session.submit(c.Recover(), session.engine.state.clock)
    assert session.engine.state.countdown.deadline is None
    assert session.engine.state.countdown.remaining == 30_000_000_000


def test_every_press_is_logged_with_team_source_and_stamp(tmp_path):
    show_path = buzz_show(tmp_path)
    db = tmp_path / "show.sqlite3"
    run_script(show_path, SCRIPT, db)
    rows = sqlite3.connect(db).execute(
        "SELECT payload FROM events WHERE kind = 'PressRecorded' ORDER BY seq").fetchall()
    import json

    presses = [json.loads(row[0]) for row in rows]
    assert [(p["team"], p["outcome"], p["source"]) for p in presses] == [
        ("T01", "foul", "script"), ("T03", "won", "script"), ("T02", "late", "script"), ("T02", "won", "script")]
    assert presses[2]["stamp"] - presses[1]["stamp"] == 250_000_000


def test_sqlite_runs_in_wal_with_full_sync(tmp_path):
    from sqlalchemy import text

    from stageshow.store.database import open_database

    engine = open_database(tmp_path / "x.sqlite3")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_verify_passes_on_an_intact_log(tmp_path):
    db = tmp_path / "show.sqlite3"
    run_script(buzz_show(tmp_path), SCRIPT, db)
    report = verify_database(db)
    assert report.intact, report.problems
    assert report.events > 20


@pytest.mark.parametrize("tamper, code, seq", [
    ("UPDATE events SET payload = replace(payload, 'won', 'late') WHERE seq = 12", "event_altered", 12),
    ("DELETE FROM events WHERE seq = 9", "event_missing", 9),
    ("UPDATE events SET seq = -seq WHERE seq IN (7, 8); UPDATE events SET seq = 10000 WHERE seq = -7;"
     "UPDATE events SET seq = 7 WHERE seq = -8; UPDATE events SET seq = 8 WHERE seq = 10000", "event_out_of_chain", 7),
])
def test_verify_names_the_first_bad_event(tmp_path, tamper, code, seq):
    db = tmp_path / "show.sqlite3"
    run_script(buzz_show(tmp_path), SCRIPT, db)
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM events").fetchone()[0] > 15
        connection.executescript(tamper)
    report = verify_database(db)
    assert not report.intact
    assert report.problems[0][0] == code and report.problems[0][1]["seq"] == seq


def test_verify_detects_a_removed_tail_and_an_edited_scoreboard(tmp_path):
    db = tmp_path / "show.sqlite3"
    run_script(buzz_show(tmp_path), SCRIPT, db)
    with sqlite3.connect(db) as connection:
        last = connection.execute("SELECT max(seq) FROM events").fetchone()[0]
        connection.execute("DELETE FROM events WHERE seq = ?", (last,))
    assert verify_database(db).problems[0][0] == "log_truncated"

    db2 = tmp_path / "b" / "show.sqlite3"
    run_script(buzz_show(tmp_path / "b"), SCRIPT, db2)
    with sqlite3.connect(db2) as connection:
        connection.execute("UPDATE scores SET score = '100' WHERE team_id = 'T01'")
    assert verify_database(db2).problems[0][0] == "score_mismatch"


def test_undo_is_an_event_not_a_deletion(tmp_path):
    db = tmp_path / "show.sqlite3"
    outcome = run_script(buzz_show(tmp_path), SCRIPT + "    - judge: correct\n    - undo: {}\n", db)
    assert outcome.failure is None
    kinds = [row[0] for row in sqlite3.connect(db).execute("SELECT kind FROM events ORDER BY seq")]
    assert kinds.count("Judged") == 2 and kinds[-1] == "Undone"
    assert verify_database(db).intact


def test_reopening_a_live_show_pauses_its_running_countdown(tmp_path):
    show_path = write_show(tmp_path, [{"id": "R1", "kind": "compulsory", "title": "必答", "pool": "必答",
                                       "per_team": 1, "time_limit": 20}], teams=2)
    show = load_show_or_raise(show_path)
    db = tmp_path / "live.sqlite3"
    session = ShowSession.open(show, show_path.parent, db)
    for command in (c.StartRound("R1"), c.Next(), c.Go()):
        session.submit(command, 1_000_000_000)
    session.submit(c.Press("T02"), 8_000_000_000)  # an ignored press, logged: the last record is at 8 s
    session.writer_lock.release()  # the process dies here, without a clean quit: the system drops its lock
    reopened = ShowSession.open(show, show_path.parent, db)
    countdown = reopened.engine.state.countdown
    assert countdown.deadline is None and countdown.remaining == 13_000_000_000
    reopened.submit(c.ResumeClock(), 100_000_000_000)
    reopened.submit(c.Tick(), 113_000_000_000)
    assert reopened.engine.state.scores["T01"] == 0 and reopened.engine.state.question.verdict == "timeout"
    assert verify_database(db).intact

"""Resume: open a database holding a 10,000-event show and rebuild its exact state by replaying the log.

Usage: python benchmarks/resume.py [EVENTS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from _common import describe

from stageshow.app.session import ShowSession
from stageshow.domain import commands as c
from stageshow.formats.show_file import load_show_or_raise
from stageshow.store.database import open_database
from stageshow.store.event_log import EventLog
from stageshow.store.verify import check_show

DEMO = Path(__file__).resolve().parents[1] / "question_sets" / "demo.show.yaml"


def build_log(db: Path, target: int) -> tuple[int, dict]:  # type: ignore[type-arg]
    """A long buzz-heavy show: rounds, presses from every team, judgements, adjustments and undos; the number of
    events and the scores."""
    show = load_show_or_raise(DEMO)
    session = ShowSession.open(show, DEMO.parent, db)
    now = 0
    session.submit(c.StartRound("R1"), now)
    for _ in range(30):
        session.submit(c.Next(), now)
        session.submit(c.Judge(c.Verdict.CORRECT), now)
    session.submit(c.StartRound("R2"), now)
    session.submit(c.Next(), now)
    session.submit(c.Go(), now)
    while session.committed_seq < target:
        now += 1_000_000
        session.submit(c.Press(show.teams[now // 1_000_000 % 10].id), now)  # late presses, all logged
        if now // 1_000_000 % 50 == 0:
            session.submit(c.Adjust("T01", Decimal(1), "基准测试"), now)
            session.submit(c.Undo(), now)
    scores = dict(session.engine.state.scores)
    session.close()
    return session.committed_seq, scores


def main() -> None:
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "long.sqlite3"
        events, scores = build_log(db, target)
        show = EventLog(open_database(db), 1).show()
        samples = []
        for _ in range(5):
            start = time.perf_counter()
            session = ShowSession.open(show, DEMO.parent, db)
            samples.append((time.perf_counter() - start) * 1000)
            # the reopening pauses the open buzz window (one Recover, logged the first time): nothing else moves
            assert session.committed_seq >= events and session.engine.state.scores == scores
            session.close()
        check = []
        for _ in range(5):
            log = EventLog(open_database(db), 1)
            start = time.perf_counter()
            assert not check_show(log)
            check.append((time.perf_counter() - start) * 1000)
    print(f"{events} events in the log")
    print(describe("the chain and replay check alone", check))
    print(describe("open + check + replay to exact state", samples) + "   (target ≤ 1000 ms)")


if __name__ == "__main__":
    main()

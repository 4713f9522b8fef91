"""Command → durable commit: how long one operator command takes to be decided and committed (WAL, FULL).

Baseline, in the same run: a bare sqlite3 insert of the same rows and commit with the same PRAGMAs.
Usage: python benchmarks/commit_latency.py [COMMANDS]
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from _common import describe, percentiles

from stageshow.app.session import ShowSession
from stageshow.domain import commands as c
from stageshow.formats.show_file import load_show_or_raise

DEMO = Path(__file__).resolve().parents[1] / "question_sets" / "demo.show.yaml"


def stageshow_commits(folder: Path, count: int) -> tuple[list[float], int]:
    show = load_show_or_raise(DEMO)
    session = ShowSession.open(show, DEMO.parent, folder / "bench.sqlite3")
    session.submit(c.StartRound("R1"), 0)
    samples, events = [], 0
    for index in range(count):
        command = c.Adjust(show.teams[index % 10].id, Decimal(1), "基准测试") if index % 2 else c.Press("T03")
        start = time.perf_counter()
        events += len(session.submit(command, index * 1_000_000))
        samples.append((time.perf_counter() - start) * 1000)
    return samples, events // count


def bare_sqlite_commits(folder: Path, count: int, rows: int) -> list[float]:
    connection = sqlite3.connect(folder / "bare.sqlite3", isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE events (seq INTEGER PRIMARY KEY, kind TEXT, at INTEGER, payload TEXT, hash TEXT)")
    samples = []
    seq = 0
    for _ in range(count):
        start = time.perf_counter()
        connection.execute("BEGIN")
        for _ in range(rows):
            seq += 1
            connection.execute("INSERT INTO events VALUES (?, ?, ?, ?, ?)",
                               (seq, "Adjusted", seq, '{"team":"T01","points":"1","reason":"x"}', "0" * 64))
        connection.execute("COMMIT")
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as folder:
        ours, rows = stageshow_commits(Path(folder), count)
        bare = bare_sqlite_commits(Path(folder), count, rows)
    print(f"{count} commands, {rows} events each on average (adjustments and presses)")
    print(describe("StageShow command → durable commit", ours))
    print(describe("baseline: bare sqlite3 insert + commit", bare))
    ratio = percentiles(ours)["p99"] / percentiles(bare)["p99"]
    print(f"p99 ratio StageShow / baseline: {ratio:.2f}   (target: p99 ≤ 5 ms)")


if __name__ == "__main__":
    main()

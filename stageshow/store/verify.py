"""`stageshow verify`: the database is intact, the hash chain unbroken, and replay gives the stored scores."""

from __future__ import annotations

import json
from datetime import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stageshow.domain import events as e
from stageshow.domain.engine import Engine, total_of_score_events
from stageshow.domain.phases import Phase
from stageshow.domain.state import ShowState
from stageshow.i18n import render
from stageshow.store.database import DatabaseProblem, open_for_reading
from stageshow.store.event_log import EventLog, chain_hash, genesis_hash
from stageshow.store.show_codec import fingerprint


@dataclass(frozen=True)
class ShowSummary:
    """What `verify` prints of each show, so a substituted one is visible: and what a paper's hash is found in."""

    id: int
    title: str
    mode: str
    created_at: str
    finished: bool
    events: int
    head_hash: str
    hashes: list[str]  # every event's, in order


@dataclass
class VerifyReport:
    shows: int = 0
    events: int = 0
    problems: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (message code, params)
    summaries: list[ShowSummary] = field(default_factory=list)

    def find_hash(self, prefix: str) -> tuple[ShowSummary, int] | None:
        """The show and the event (seq) whose hash begins with `prefix`, if any."""
        prefix = prefix.strip().lower()
        for summary in self.summaries:
            for seq, digest in enumerate(summary.hashes, start=1):
                if digest.startswith(prefix):
                    return summary, seq
        return None

    @property
    def intact(self) -> bool:
        return not self.problems


def verify_database(path: Path) -> VerifyReport:
    report = VerifyReport()
    try:
        database = open_for_reading(path)  # read-only: a show on a write-protected stick still verifies
    except DatabaseProblem as problem:
        report.problems.append((problem.code, problem.params))
        return report
    with database.connect() as connection:
        status = connection.exec_driver_sql("PRAGMA integrity_check").scalar()
        if status != "ok":
            report.problems.append(("db_corrupt", {"detail": status}))
            return report
        show_ids = [row[0] for row in connection.exec_driver_sql("SELECT id FROM shows ORDER BY id")]
    if not show_ids:
        report.problems.append(("db_empty", {"path": str(path)}))
        return report
    with database.connect() as connection:
        for table in ("events", "scores", "show_versions", "clock_marks"):
            orphans = connection.exec_driver_sql(
                f"SELECT count(*) FROM {table} WHERE show_id NOT IN (SELECT id FROM shows)").scalar()
            if orphans:
                report.problems.append(("orphan_rows", {"table": table, "count": orphans}))
    for show_id in show_ids:
        report.shows += 1
        _verify_show(EventLog(database, show_id), report)
    return report


def _verify_show(log: EventLog, report: VerifyReport) -> None:
    record = log.record()
    rows = log.rows()
    report.events += len(rows)
    report.summaries.append(ShowSummary(log.show_id, record.title, record.mode, record.created_at, record.finished,
                                        len(rows), record.head_hash, [row.hash for row in rows]))
    report.problems += check_show(log, rows)


Problem = tuple[str, dict[str, Any]]


@dataclass(frozen=True)
class CheckedLog:
    """A show's log as checked: its problems, and (when it held together) its events and the state they replay to,
    so a resume uses what the check already read rather than reading and replaying it again."""

    problems: list[Problem]
    logged: list[tuple[e.Event, int]] = field(default_factory=list)
    state: ShowState | None = None


def check_show(log: EventLog, rows: list | None = None) -> list[Problem]:  # type: ignore[type-arg]
    """Everything wrong with one show's log, first problem first (see check_log)."""
    return check_log(log, rows).problems


def check_log(log: EventLog, rows: list | None = None) -> CheckedLog:  # type: ignore[type-arg]
    """Everything wrong with one show's log, first problem first: a row missing, out of the chain or altered, the
    tail cut, a definition swapped, a value that is not what we write, or scores that do not add up. No problems:
    the log can be trusted; `run`, a resuming `rehearse` and `export` check it before they use it."""
    record = log.record()
    rows = log.rows() if rows is None else rows
    prev = genesis_hash(record.show_json)
    for expected_seq, row in enumerate(rows, start=1):
        where = {"show": log.show_id, "seq": expected_seq}
        if row.seq != expected_seq:
            return CheckedLog([("event_missing", where)])
        if row.prev_hash != prev:
            return CheckedLog([("event_out_of_chain", where)])
        if chain_hash(prev, log.show_id, row.seq, row.kind, row.at, row.payload) != row.hash:
            return CheckedLog([("event_altered", {**where, "kind": row.kind})])
        prev = row.hash
    if record.head_seq != len(rows) or record.head_hash != prev:
        return CheckedLog([("log_truncated", {"show": log.show_id, "head": record.head_seq, "rows": len(rows)})])
    try:
        logged = [(e.from_payload(row.kind, json.loads(row.payload)), row.at) for row in rows]
    except (ValueError, TypeError, KeyError, ArithmeticError):  # chained, yet not what StageShow writes
        return CheckedLog([("event_malformed", {"show": log.show_id})])
    problems: list[Problem] = []
    if not _versions_accounted_for(log, logged, problems):
        return CheckedLog(problems)
    show = log.show()
    state = Engine.replay(show, logged).state
    summed = total_of_score_events(show, logged)
    try:
        stored = log.stored_scores()
    except ArithmeticError:
        return CheckedLog([("score_malformed", {"show": log.show_id})])
    for team in show.teams:
        if not (state.scores[team.id] == summed[team.id] == stored.get(team.id)):
            problems.append(("score_mismatch", {"show": log.show_id, "team": team.id,
                                                "stored": stored.get(team.id), "replayed": state.scores[team.id]}))
    for team_id in sorted(set(stored) - {team.id for team in show.teams}):
        problems.append(("score_extra_team", {"show": log.show_id, "team": team_id}))
    problems += _metadata_problems(log, show.title, state.phase == Phase.FINISHED, rows, logged)
    return CheckedLog(problems, logged, state)


def _metadata_problems(log: EventLog, title: str, finished: bool, rows: list,  # type: ignore[type-arg]
                       logged: list[tuple[e.Event, int]]) -> list[Problem]:
    """The show row's own columns, outside the chain, checked against what the chain says: its title is the one of
    the definition it plays, it is finished exactly when the log says so, a rehearsal's commands carry their script
    step and a live show's never do, and the times events were written read as times that never go backwards."""
    record = log.record()
    where = {"show": log.show_id}
    problems: list[Problem] = []
    if record.title != title:
        problems.append(("meta_title", {**where, "stored": record.title, "logged": title}))
    if bool(record.finished) != finished:
        problems.append(("meta_finished", where))
    steps = [event.step is not None for event, _ in logged if isinstance(event, e.CommandAccepted)
             and event.name != "recover"]
    if steps and (all(steps) if record.mode == "live" else not any(steps)):
        problems.append(("meta_mode", {**where, "mode": render(f"mode_{record.mode}")}))
    previous = ""
    for row in rows:
        try:
            datetime.fromisoformat(row.recorded_at)
        except (TypeError, ValueError):
            problems.append(("meta_recorded_at", {**where, "seq": row.seq}))
            break
        if row.recorded_at < previous:
            problems.append(("meta_recorded_at", {**where, "seq": row.seq}))
            break
        previous = row.recorded_at
    return problems


def _versions_accounted_for(log: EventLog, logged: list[tuple[e.Event, int]], problems: list[Problem]) -> bool:
    """Each definition the run took part-way is the one its ShowRevised event (in the chain) names, and no
    definition stands beside the log without one."""
    versions = log.versions()
    revised = {seq: event.fingerprint for seq, (event, _) in enumerate(logged, start=1)
               if isinstance(event, e.ShowRevised)}
    for seq in sorted(set(versions) | set(revised)):
        if seq not in versions or seq not in revised or fingerprint(versions[seq]) != revised[seq]:
            problems.append(("show_version_altered", {"show": log.show_id, "seq": seq}))
            return False
    return True

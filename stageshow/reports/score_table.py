"""The score sheet's content, shared by the Excel and PDF writers: standings with points per round, corrections."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from stageshow.domain import events as e
from stageshow.domain.engine import Engine
from stageshow.domain.model import Show
from stageshow.domain.points import ZERO
from stageshow.domain.standings import standings
from stageshow.i18n import render
from stageshow.reports.ledger import ADJUSTMENTS, points_by_round
from stageshow.store.event_log import EventLog, LoggedEvent


@dataclass(frozen=True)
class ScoreRow:
    rank: int
    seat: int
    name: str
    base: Decimal
    per_round: list[Decimal]
    adjustments: Decimal
    total: Decimal
    award: str | None


@dataclass(frozen=True)
class Correction:
    seq: int
    seconds: float
    kind: str  # adjusted | undone, in words
    team: str
    change: str
    reason: str


@dataclass(frozen=True)
class ScoreTable:
    show: Show
    rows: list[ScoreRow]
    corrections: list[Correction]
    logged: list[LoggedEvent]
    head_seq: int
    head_hash: str


def score_table(log: EventLog) -> ScoreTable:
    show = log.show()
    logged = log.events()
    pairs = [(item.event, item.at) for item in logged]
    state = Engine.replay(show, pairs).state
    ledger = points_by_round(pairs)
    rows = []
    for row in standings(show, state):
        team = show.team(row.team)
        assert team is not None
        points = ledger.get(row.team, {})
        rows.append(ScoreRow(row.rank, team.seat, row.name, show.base_score,
                             [points.get(r.id, ZERO) for r in show.rounds], points.get(ADJUSTMENTS, ZERO),
                             row.score, row.award))
    corrections = []
    for item in logged:
        event = item.event
        if isinstance(event, e.Adjusted):
            corrections.append(Correction(item.seq, item.at / 1e9, render("correction_adjust"), _name(show, event.team),
                                          f"{event.points:+}", event.reason))
        elif isinstance(event, e.Undone):
            change = "，".join(f"{_name(show, team)} {points:+}" for team, points in event.points.items())
            corrections.append(Correction(item.seq, item.at / 1e9, render("correction_undo"), "", change,
                                          undo_label(show, event.label)))
    record = log.record()
    return ScoreTable(show, rows, corrections, logged, record.head_seq, record.head_hash)


STEPS = {"judge", "foul", "found", "claims", "panel", "votes", "adjust"}
VERDICTS = {"correct", "wrong", "timeout"}


def standings_header(show: Show) -> list[str]:
    """The standings' columns, one per round between the base score and the adjustments."""
    return [render("col_rank"), render("col_seat"), render("col_team"), render("col_base"),
            *[round_.title for round_ in show.rounds], render("col_adjust"), render("col_total"), render("col_award")]


def corrections_header() -> list[str]:
    return [render(code) for code in ("col_seq", "col_seconds", "col_kind", "col_who", "col_change", "col_reason")]


def undo_label(show: Show, label: str) -> str:
    """The undone step in words: "judge T01 wrong" → "判定 开发区代表队 错误"."""
    step, *rest = label.split()
    words = [render(f"step_{step}") if step in STEPS else step]
    if rest:
        words.append(_name(show, rest[0]))
    words += [render(f"verdict_{word}") if word in VERDICTS else word for word in rest[1:]]
    return " ".join(words)


def _name(show: Show, team_id: str) -> str:
    team = show.team(team_id)
    return team.name if team else team_id

"""The score sheet's content, shared by the Excel and PDF writers: standings with points per round, corrections."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from stageshow.domain import events as e
from stageshow.domain.model import Show
from stageshow.domain.phases import Phase
from stageshow.domain.points import ZERO, to_json_number
from stageshow.domain.standings import standings, straddling_ties
from stageshow.domain.state import ShowState
from stageshow.i18n import render
from stageshow.reports.ledger import ADJUSTMENTS, points_by_round
from stageshow.reports.panels import JudgedPanel, judged_panels, replay_keeping_rounds
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
class RoundMark:
    """Where the log stood when a round ended: a sheet printed in a break anchors the log up to there."""

    title: str
    seq: int
    hash: str


@dataclass(frozen=True)
class ScoreTable:
    show: Show
    rows: list[ScoreRow]
    corrections: list[Correction]
    logged: list[LoggedEvent]
    head_seq: int
    head_hash: str
    finished: bool
    notes: list[str]  # how tied teams were ordered (the tie-break) or why they share an award
    round_marks: list[RoundMark]
    trusted: bool = True  # False: printed on the operator's explicit word from a log that failed its check
    panels: tuple[JudgedPanel, ...] = ()  # the judged rounds' marks, judge by judge


def score_table(log: EventLog, trusted: bool = True) -> ScoreTable:
    show = log.show()
    logged = log.events()
    pairs = [(item.event, item.at) for item in logged]
    state, played = replay_keeping_rounds(show, pairs)
    finished = state.phase == Phase.FINISHED
    ledger = points_by_round(pairs)
    rows = []
    for row in standings(show, state):
        team = show.team(row.team)
        assert team is not None
        points = ledger.get(row.team, {})
        rows.append(ScoreRow(row.rank, team.seat, row.name, show.base_score,
                             [points.get(r.id, ZERO) for r in show.rounds], points.get(ADJUSTMENTS, ZERO),
                             row.score, row.award if finished else None))
    record = log.record()
    notes = _tiebreak_notes(show, state, pairs) + (_shared_awards(show, state) if finished else [])
    return ScoreTable(show, rows, _corrections(show, logged), logged, record.head_seq, record.head_hash, finished,
                      notes, round_marks(show, log), trusted, tuple(judged_panels(show, played)))


def _corrections(show: Show, logged: list[LoggedEvent]) -> list[Correction]:
    corrections = []
    for item in logged:
        event = item.event
        if isinstance(event, e.Adjusted):
            corrections.append(Correction(item.seq, item.at / 1e9, render("correction_adjust"), _name(show, event.team),
                                          f"{event.points:+}", event.reason))
        elif isinstance(event, e.Undone):
            teams = "、".join(_name(show, team) for team in event.points) or render("sheet_none")
            change = "、".join(f"{points:+}" for points in event.points.values()) or "0"
            corrections.append(Correction(item.seq, item.at / 1e9, render("correction_undo"), teams, change,
                                          undo_label(show, event.label)))
    return corrections


def _tiebreak_notes(show: Show, state: ShowState, pairs: list[tuple[e.Event, int]]) -> list[str]:
    """Each group the tie-break ordered: who was tied on what, and the places the tie-break gave them."""
    started = next((event for event, _ in pairs if isinstance(event, e.TiebreakStarted)), None)
    if started is None:
        return []
    place = {row.team: row.rank for row in standings(show, state)}
    notes = []
    for group in started.groups:
        ordered = sorted(group, key=lambda team: place[team])
        notes.append(render("note_tiebreak", teams="、".join(_name(show, team) for team in group),
                            score=to_json_number(state.scores[group[0]]),
                            places="，".join(render("note_place", team=_name(show, team), rank=place[team])
                                            for team in ordered)))
    return notes


def _shared_awards(show: Show, state: ShowState) -> list[str]:
    award = {row.team: row.award for row in standings(show, state)}
    return [render("note_shared", teams="、".join(_name(show, team) for team in group),
                   score=to_json_number(state.scores[group[0]]), award=award[group[0]] or render("sheet_none"))
            for group in straddling_ties(show, state)]


def round_marks(show: Show, log: EventLog) -> list[RoundMark]:
    """The last event of each round that has ended (the next round, the tie-break or the finish began)."""
    marks: list[RoundMark] = []
    title: str | None = None
    previous = None
    for row in log.rows():
        if row.kind in (e.RoundStarted.kind, e.TiebreakStarted.kind, e.ShowFinished.kind):
            if title is not None and previous is not None:
                marks.append(RoundMark(title, previous.seq, previous.hash))
            title = None
            if row.kind == e.RoundStarted.kind:
                round_ = show.round(json.loads(row.payload)["round_id"])
                title = round_.title if round_ else None
            elif row.kind == e.TiebreakStarted.kind:
                title = render("note_tiebreak_round")
        previous = row
    return marks


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

"""The judged rounds on paper: each team's marks from every judge (the struck-out ones shown in brackets), the
judges' part, the audience's votes and their points, as the round stood when it ended. What a chief judge checks
before signing, next to the standings."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from stageshow.domain import events as e
from stageshow.domain.apply import apply
from stageshow.domain.model import JudgedRules, Show
from stageshow.domain.points import format_points
from stageshow.domain.state import RoundState, ShowState, initial_state
from stageshow.i18n import render


@dataclass(frozen=True)
class PanelRow:
    seat: int
    name: str
    marks: list[str]  # one per judge: "88", "(95)" when struck out, "—" when not scored
    part: Decimal | None  # the judges' part, None while the team has no panel
    votes: int | None
    vote_points: Decimal | None


@dataclass(frozen=True)
class JudgedPanel:
    title: str
    judges: int
    rows: list[PanelRow]


def replay_keeping_rounds(show: Show, pairs: list[tuple[e.Event, int]]) -> tuple[ShowState, list[RoundState]]:
    """The log replayed (as Engine.replay does), with each round's state as it stood when the round ended: a round's
    state is replaced when the next one starts, and the papers need the judged ones."""
    state = initial_state([team.id for team in show.teams], show.base_score)
    played: list[RoundState] = []
    for event, at in pairs:
        if isinstance(event, (e.RoundStarted, e.TiebreakStarted)) and state.round is not None:
            played.append(state.round)
        apply(state, event, at)
    if state.round is not None and (not played or played[-1] is not state.round):
        played.append(state.round)
    return state, played


def judged_panels(show: Show, played: list[RoundState]) -> list[JudgedPanel]:
    """Every judged round that was played, as it stood when it ended (or stands now)."""
    panels = []
    for round_state in played:
        round_ = show.round(round_state.round_id)
        if round_ is None or not isinstance(round_.rules, JudgedRules):
            continue
        panels.append(JudgedPanel(round_.title, round_.rules.judges,
                                  [_row(show, round_state, team.id, round_.rules) for team in show.teams]))
    return panels


def panel_header(panel: JudgedPanel) -> list[str]:
    return [render("col_seat"), render("col_team"),
            *[render("col_judge", judge=judge) for judge in range(1, panel.judges + 1)],
            render("col_judges_part"), render("col_votes"), render("col_vote_points")]


def panel_cells(row: PanelRow) -> list[str]:
    def shown(value: Decimal | int | None) -> str:
        return "—" if value is None else format_points(Decimal(value))
    return [str(row.seat), row.name, *row.marks, shown(row.part), shown(row.votes), shown(row.vote_points)]


def _row(show: Show, round_state: RoundState, team_id: str, rules: JudgedRules) -> PanelRow:
    team = show.team(team_id)
    assert team is not None
    scores, dropped = round_state.panel_scores.get(team_id, ((), ()))
    marks = [f"({format_points(score)})" if index in dropped else format_points(score)
             for index, score in enumerate(scores)] or ["—"] * rules.judges
    counted = round_state.votes_done
    votes = round_state.votes.get(team_id, 0) if counted else None
    return PanelRow(team.seat, team.name, marks, round_state.paneled.get(team_id), votes,
                    votes * rules.per_vote if votes is not None else None)

"""Final standings: competition ranking (1, 2, 2, 4) over (total, tie-break order), awards by place."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from stageshow.domain.model import Show
from stageshow.domain.state import ShowState

STILL_TIED = (1, 0)


@dataclass(frozen=True)
class Standing:
    rank: int
    team: str
    name: str
    score: Decimal
    award: str | None


def boundaries(show: Show) -> list[int]:
    """Places after which the award changes: cumulative award counts, or first place when there are no awards."""
    if not show.awards:
        return [1]
    cumulative, total = [], 0
    for award in show.awards:
        total += award.count
        cumulative.append(total)
    return cumulative


def award_for(show: Show, rank: int) -> str | None:
    total = 0
    for award in show.awards:
        total += award.count
        if rank <= total:
            return award.name
    return None


def _sort_key(state: ShowState, team: str) -> tuple[Decimal, tuple[int, int]]:
    order = state.tiebreak.order if state.tiebreak else {}
    return (-state.scores[team], order.get(team, STILL_TIED))


def standings(show: Show, state: ShowState) -> list[Standing]:
    seat = {team.id: team.seat for team in show.teams}
    teams = sorted(seat, key=lambda team: (_sort_key(state, team), seat[team]))
    result: list[Standing] = []
    for position, team in enumerate(teams, start=1):
        if result and _sort_key(state, team) == _sort_key(state, result[-1].team):
            rank = result[-1].rank
        else:
            rank = position
        team_obj = show.team(team)
        assert team_obj is not None
        result.append(Standing(rank, team, team_obj.name, state.scores[team], award_for(show, rank)))
    return result


def straddling_ties(show: Show, state: ShowState) -> list[list[str]]:
    """Groups of teams still tied (same total, same tie-break order) across an award boundary, best first."""
    rows = standings(show, state)
    groups: dict[tuple[Decimal, tuple[int, int]], list[int]] = {}
    for position, row in enumerate(rows, start=1):
        groups.setdefault(_sort_key(state, row.team), []).append(position)
    found: list[list[str]] = []
    for positions in groups.values():
        first, last = positions[0], positions[-1]
        if last > first and any(first <= boundary < last for boundary in boundaries(show)):
            found.append([rows[position - 1].team for position in positions])
    return found

"""The result of a show as formats.md §6 prints it."""

from __future__ import annotations

from typing import Any

from stageshow.domain.model import Show
from stageshow.domain.phases import Phase
from stageshow.domain.points import to_json_number
from stageshow.domain.standings import standings, straddling_ties
from stageshow.domain.state import ShowState


def show_result(show: Show, state: ShowState) -> dict[str, Any]:
    """An unfinished show (a rehearsal stopped part-way) says so, and gives no awards: nothing has been won yet."""
    finished = state.phase == Phase.FINISHED
    return {
        "title": show.title,
        "finished": finished,
        "scores": {team.id: to_json_number(state.scores[team.id]) for team in show.teams},
        "standings": [
            {"rank": row.rank, "team": row.team, "name": row.name, "score": to_json_number(row.score),
             "award": row.award if finished else None}
            for row in standings(show, state)
        ],
        "ties": straddling_ties(show, state),
    }

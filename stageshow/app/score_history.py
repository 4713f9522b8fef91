"""Every team's score after each scoring step of the show, for the history chart."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from stageshow.domain import events as e
from stageshow.domain.apply import apply
from stageshow.domain.model import Show
from stageshow.domain.state import initial_state


def score_history(show: Show, logged: Iterable[tuple[e.Event, int]]) -> list[dict[str, Decimal]]:
    """The scores at the start, then after each event that changed any score (undos included)."""
    state = initial_state([team.id for team in show.teams], show.base_score)
    samples = [dict(state.scores)]
    for event, at in logged:
        apply(state, event, at)
        if e.score_changes(event):
            samples.append(dict(state.scores))
    return samples

"""Every team's score after each scoring step of the show, and where each round began, for the history chart."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from stageshow.domain import events as e
from stageshow.domain.apply import apply
from stageshow.domain.model import Show
from stageshow.domain.state import ShowState, initial_state
from stageshow.i18n import render


@dataclass
class ScoreHistory:
    """`samples[i]` is every team's score after the i-th scoring step (0: the start); `rounds` lists each round (and
    the tie-break) with the index of the sample it starts from (the scores as it began), and its title."""

    show: Show
    state: ShowState
    samples: list[dict[str, Decimal]] = field(default_factory=list)
    rounds: list[tuple[int, str]] = field(default_factory=list)

    def add(self, events: Iterable[tuple[e.Event, int]]) -> bool:
        """Fold newly logged events in; True if any score changed."""
        changed = False
        for event, at in events:
            apply(self.state, event, at)
            if isinstance(event, e.RoundStarted):
                round_ = self.show.round(event.round_id)
                self.rounds.append((len(self.samples) - 1, round_.title if round_ else event.round_id))
            elif isinstance(event, e.TiebreakStarted):
                self.rounds.append((len(self.samples) - 1, render("round_tiebreak")))
            if e.score_changes(event):
                self.samples.append(dict(self.state.scores))
                changed = True
        return changed


def score_history(show: Show, logged: Iterable[tuple[e.Event, int]]) -> ScoreHistory:
    state = initial_state([team.id for team in show.teams], show.base_score)
    history = ScoreHistory(show, state, [dict(state.scores)])
    history.add(logged)
    return history

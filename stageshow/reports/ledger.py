"""Each team's points by round, rebuilt from the log; undo restores the ledger exactly as it restores the show."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from decimal import Decimal

from stageshow.domain import events as e
from stageshow.domain.points import ZERO

ADJUSTMENTS = "adjust"


def points_by_round(logged: Iterable[tuple[e.Event, int]]) -> dict[str, dict[str, Decimal]]:
    """team → bucket (round id, or "adjust") → points."""
    ledger: dict[str, dict[str, Decimal]] = {}
    saved: list[tuple[dict[str, dict[str, Decimal]], str | None]] = []
    bucket: str | None = None
    for event, _ in logged:
        if isinstance(event, e.RoundStarted):
            bucket = event.round_id
        elif isinstance(event, e.UndoPoint):
            saved.append((copy.deepcopy(ledger), bucket))
        elif isinstance(event, e.Undone):
            ledger, bucket = saved.pop()
            continue
        target = ADJUSTMENTS if isinstance(event, e.Adjusted) else (bucket or ADJUSTMENTS)
        for team, points in e.score_changes(event).items():
            ledger.setdefault(team, {}).setdefault(target, ZERO)
            ledger[team][target] += points
    return ledger

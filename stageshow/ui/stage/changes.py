"""What a new snapshot changes on the stage. The buzzers opening, a team buzzing in and a second press's margin
change only the status row (the banner and the countdown ring): the stage repaints just that row, so the winner
appears sooner (one full 1080p paint takes ~4 ms, mostly the background and the flush; the row takes ~2 ms).

A field is listed here only if the painter draws it inside that row and nowhere else; the test that compares a
row repaint with a full one, pixel for pixel, guards the list.
"""

from __future__ import annotations

import dataclasses

from stageshow.app.snapshots import PublicSnapshot

_QUESTION_PHASES = {"presented", "buzz_open", "answering"}
_ROW_FIELDS = {"team": None, "team_name": None, "member": None, "buzz_open_for": (), "winner": None,
               "reaction_ms": None, "margin_ms": None}


def only_the_status_row_changed(old: PublicSnapshot | None, new: PublicSnapshot) -> bool:
    if old is None or old.question is None or new.question is None:
        return False
    if old.phase not in _QUESTION_PHASES or new.phase not in _QUESTION_PHASES:
        return False
    return _outside_the_row(old) == _outside_the_row(new)


def _outside_the_row(snapshot: PublicSnapshot) -> PublicSnapshot:
    assert snapshot.question is not None
    question = dataclasses.replace(snapshot.question, **_ROW_FIELDS)
    return dataclasses.replace(snapshot, phase="", clock=None, question=question)

"""Events: past-tense facts. State changes only by applying them; the log stores them as JSON.

Events that carry `points` (or a `points` mapping) are the score events: a team's score is its base score plus the
sum of its score events, so `verify` can always recompute it.
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar


@dataclass(frozen=True)
class Event:
    kind: ClassVar[str] = ""


@dataclass(frozen=True)
class CommandAccepted(Event):
    """The operator's (or the script's) intent, kept so a live show can be exported as a script."""

    name: str
    args: Any = None  # the step's value in the script vocabulary
    step: int | None = None  # rehearsal step number, for resuming a rehearsal


@dataclass(frozen=True)
class RoundStarted(Event):
    round_id: str
    turns: list[str] = field(default_factory=list)  # team per turn, where the round has turns


@dataclass(frozen=True)
class QuestionPresented(Event):
    question_id: str
    team: str | None = None
    member: str | None = None
    tier: Decimal | None = None


@dataclass(frozen=True)
class TeamPassed(Event):
    team: str


@dataclass(frozen=True)
class CountdownStarted(Event):
    purpose: str  # "answer" | "buzz"
    deadline: int  # show-clock ns
    duration: int  # ns
    split: int | None = None  # ns: where a discussion period ends and the answer period begins


@dataclass(frozen=True)
class BuzzersOpened(Event):
    teams: list[str]
    deadline: int
    duration: int
    rearm: bool = False  # a tie re-armed the buzzers: the same race goes on for the tied teams


@dataclass(frozen=True)
class PressRecorded(Event):
    """Every press, whatever became of it: the evidence for an appeal."""

    team: str
    stamp: int
    outcome: str  # won | late | foul | tie | ignored
    source: str = ""
    device: str = ""
    button: str = ""
    reaction: int | None = None  # ns since the buzzers opened


@dataclass(frozen=True)
class FoulCommitted(Event):
    team: str
    points: Decimal


@dataclass(frozen=True)
class BuzzLocked(Event):
    team: str
    stamp: int
    reaction: int
    deadline: int
    duration: int


@dataclass(frozen=True)
class BuzzTied(Event):
    teams: list[str]
    stamp: int


@dataclass(frozen=True)
class QuestionVoided(Event):
    reason: str  # "no_press" | "no_team_left"


@dataclass(frozen=True)
class Judged(Event):
    team: str
    verdict: str
    points: Decimal


@dataclass(frozen=True)
class CorrectionScored(Event):
    team: str
    found: list[int]
    claims: int
    points: Decimal  # change to the team's score by this event


@dataclass(frozen=True)
class PanelScored(Event):
    team: str
    scores: list[Decimal]
    dropped: list[int]  # indexes of the struck-out highest and lowest
    points: Decimal


@dataclass(frozen=True)
class SheetSubmitted(Event):
    team: str
    judge: int
    scores: list[Decimal]  # as given: one, or one per criterion
    total: Decimal  # the judge's score (not `points`: a sheet alone scores nothing until the panel)


@dataclass(frozen=True)
class SheetUnlocked(Event):
    team: str
    judge: int
    reason: str


@dataclass(frozen=True)
class VotingOpened(Event):
    pass


@dataclass(frozen=True)
class BallotCast(Event):
    voter: str
    teams: list[str]


@dataclass(frozen=True)
class VotingClosed(Event):
    ballots: int


@dataclass(frozen=True)
class VotesCounted(Event):
    votes: dict[str, int]
    points: dict[str, Decimal]


@dataclass(frozen=True)
class Adjusted(Event):
    team: str
    points: Decimal
    reason: str


@dataclass(frozen=True)
class UndoPoint(Event):
    """Marks the start of a score-affecting step: undo returns to the state just before it."""

    label: str


@dataclass(frozen=True)
class Undone(Event):
    label: str
    points: dict[str, Decimal]  # what the undo changed, per team


@dataclass(frozen=True)
class CountdownExpired(Event):
    purpose: str


@dataclass(frozen=True)
class CountdownPaused(Event):
    remaining: int


@dataclass(frozen=True)
class CountdownResumed(Event):
    deadline: int


@dataclass(frozen=True)
class CountdownExtended(Event):
    by: int


@dataclass(frozen=True)
class AnswerRevealed(Event):
    error: int | None = None  # correction items: the 1-based planted error revealed


@dataclass(frozen=True)
class TiebreakStarted(Event):
    groups: list[list[str]]


@dataclass(frozen=True)
class TiebreakPlaced(Event):
    team: str
    place: str  # "top" | "bottom"


@dataclass(frozen=True)
class ShowFinished(Event):
    pass


@dataclass(frozen=True)
class ShowRevised(Event):
    """The show's files were edited while its run was under way, and the run took the edits: from here on it plays
    the definition whose fingerprint this is (kept beside the log, see event_log.py). Changes nothing in the state."""

    fingerprint: str
    changes: list[dict[str, Any]] = field(default_factory=list)  # {"code": message code, **parameters}


EVENT_TYPES: dict[str, type[Event]] = {}
for _cls in list(Event.__subclasses__()):
    _cls.kind = _cls.__name__
    EVENT_TYPES[_cls.__name__] = _cls


def score_changes(event: Event) -> dict[str, Decimal]:
    """The points an event adds to each team (empty for events that score nothing)."""
    points = getattr(event, "points", None)
    if isinstance(points, Decimal):
        return {event.team: points} if points else {}  # type: ignore[attr-defined]
    if isinstance(points, dict):
        return {team: value for team, value in points.items() if value}
    return {}


# --- JSON codec: Decimals travel as strings so no binary float ever touches a score ---------------------------

def to_payload(event: Event) -> dict[str, Any]:
    return {f.name: _encode(getattr(event, f.name)) for f in dataclasses.fields(event)}


@functools.cache
def _hints(kind: str) -> dict[str, Any]:
    return typing.get_type_hints(EVENT_TYPES[kind])


def from_payload(kind: str, payload: dict[str, Any]) -> Event:
    cls = EVENT_TYPES[kind]
    hints = _hints(kind)
    return cls(**{name: _decode(hints[name], value) for name, value in payload.items()})


def _encode(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {key: _encode(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_encode(item) for item in value]
    return value


def _decode(hint: Any, value: Any) -> Any:
    if value is None or hint is Any:
        return value
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is Decimal:
        return Decimal(value)
    if origin is list:
        return [_decode(args[0], item) for item in value]
    if origin is dict:
        return {key: _decode(args[1], item) for key, item in value.items()}
    if args and type(None) in args:  # Optional[X]
        inner = [arg for arg in args if arg is not type(None)][0]
        return _decode(inner, value)
    return value

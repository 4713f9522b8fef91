"""Commands: what the operator, the buzzers and the clock ask of the engine.

The names follow the rehearsal-script vocabulary (formats.md §5), so a live show and a script are the same thing.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal


class Verdict(enum.StrEnum):
    CORRECT = "correct"
    WRONG = "wrong"
    TIMEOUT = "timeout"


@dataclass(frozen=True)
class StartRound:
    round_id: str


@dataclass(frozen=True)
class Next:
    """Present the round's next question (to the next team, where the round has turns)."""


@dataclass(frozen=True)
class Go:
    """The host's "开始": open the buzzers (buzz) or start the answer countdown (others)."""


@dataclass(frozen=True)
class Press:
    team: str
    stamp: int | None = None  # monotonic ns taken on arrival; None = the command's `now`
    source: str = "script"  # keyboard | joystick | script | console
    device: str = ""
    button: str = ""


@dataclass(frozen=True)
class Judge:
    verdict: Verdict


@dataclass(frozen=True)
class Choose:
    team: str
    tier: Decimal


@dataclass(frozen=True)
class Pass:
    team: str


@dataclass(frozen=True)
class Found:
    errors: tuple[int, ...]  # 1-based planted errors found


@dataclass(frozen=True)
class Claims:
    count: int


@dataclass(frozen=True)
class Panel:
    team: str
    scores: tuple[Decimal, ...]


@dataclass(frozen=True)
class Votes:
    votes: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Adjust:
    team: str
    points: Decimal
    reason: str


@dataclass(frozen=True)
class Undo:
    pass


@dataclass(frozen=True)
class Tick:
    """The clock moved: expire any countdown or buzz window whose deadline has passed."""


@dataclass(frozen=True)
class StartTiebreak:
    pass


@dataclass(frozen=True)
class Finish:
    pass


@dataclass(frozen=True)
class Reveal:
    """Show the answer (or the next planted error of a correction item) to the hall."""


@dataclass(frozen=True)
class PauseClock:
    pass


@dataclass(frozen=True)
class ResumeClock:
    pass


@dataclass(frozen=True)
class AddTime:
    seconds: Decimal


@dataclass(frozen=True)
class Recover:
    """Issued once when a live show is reopened: a running countdown comes back paused."""


Command = (
    StartRound | Next | Go | Press | Judge | Choose | Pass | Found | Claims | Panel | Votes | Adjust | Undo | Tick
    | StartTiebreak | Finish | Reveal | PauseClock | ResumeClock | AddTime | Recover
)

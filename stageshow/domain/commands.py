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
    scores: tuple[Decimal, ...] = ()  # empty: commit the judges' own sheets


@dataclass(frozen=True)
class Sheet:
    """One judge's score for one team (from the judge's tablet, or typed for them): locked once given."""

    team: str
    judge: int  # 1-based slot on the panel
    scores: tuple[Decimal, ...]  # one score, or one per criterion of the round


@dataclass(frozen=True)
class Unlock:
    """Let a judge change a score already given, before the panel is committed; the reason is logged."""

    team: str
    judge: int
    reason: str


@dataclass(frozen=True)
class OpenVoting:
    """Open the audience jurors' voting of this judged round."""


@dataclass(frozen=True)
class Ballot:
    voter: str  # the phone's token: no personal data
    teams: tuple[str, ...]


@dataclass(frozen=True)
class CloseVoting:
    """Close the voting; the round takes the ballots as its votes."""


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
    StartRound | Next | Go | Press | Judge | Choose | Pass | Found | Claims | Panel | Sheet | Unlock | OpenVoting
    | Ballot | CloseVoting | Votes | Adjust | Undo | Tick | StartTiebreak | Finish | Reveal | PauseClock | ResumeClock
    | AddTime | Recover
)

"""The show's state: a fold of its events. Only `apply.py` changes it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from stageshow.domain.phases import Phase


@dataclass
class Countdown:
    purpose: str  # "answer" | "buzz"
    duration: int  # ns
    deadline: int | None  # show-clock ns; None while paused
    remaining: int | None = None  # ns left, while paused
    split: int | None = None  # ns from the start where discussion ends (risk)

    def left(self, now: int) -> int:
        if self.deadline is None:
            return self.remaining or 0
        return max(0, self.deadline - now)


@dataclass(frozen=True)  # shared between state copies; a changed outcome replaces the entry
class Press:
    team: str
    stamp: int
    outcome: str
    reaction: int | None


@dataclass
class QuestionState:
    question_id: str
    team: str | None = None  # the team answering (turn rounds: assigned; buzz: the locked team)
    member: str | None = None
    tier: Decimal | None = None
    opened_at: int | None = None  # when the buzzers last opened
    reopened_at: int | None = None  # when paused buzzers were opened again: a press stamped before it never counts
    opened_presses: int = 0  # presses recorded before that opening: the current race is presses[opened_presses:]
    eligible: list[str] = field(default_factory=list)  # teams allowed to press while the buzzers are open
    fouled: list[str] = field(default_factory=list)
    answered: list[str] = field(default_factory=list)  # teams that already answered (wrong)
    lock_stamp: int | None = None
    reaction: int | None = None
    race_opened: int | None = None  # when the race began (a tie's re-arm continues it) ...
    race_teams: list[str] = field(default_factory=list)  # ... who was in it ...
    tie_stamp: int | None = None  # ... and the stamp it tied at, if it did
    presses: list[Press] = field(default_factory=list)
    verdict: str | None = None
    found: list[int] | None = None
    claims: int | None = None
    revealed: bool = False
    revealed_errors: int = 0

    def clone(self) -> QuestionState:
        return replace(self, eligible=list(self.eligible), fouled=list(self.fouled), answered=list(self.answered),
                       race_teams=list(self.race_teams),
                       presses=list(self.presses),
                       found=list(self.found) if self.found is not None else None)


@dataclass
class RoundState:
    round_id: str
    turns: list[str]  # team per turn (compulsory, risk, correction)
    turn: int = 0  # turns taken
    asked: int = 0  # questions drawn
    tiers_used: dict[str, list[Decimal]] = field(default_factory=dict)
    passed: list[str] = field(default_factory=list)  # risk: the team of each turn passed, in order
    paneled: dict[str, Decimal] = field(default_factory=dict)
    panel_scores: dict[str, tuple[tuple[Decimal, ...], tuple[int, ...]]] = field(default_factory=dict)
    votes: dict[str, int] = field(default_factory=dict)
    votes_done: bool = False
    # What the hall hands in (judged rounds). Not scores until committed, so an undo keeps them: see apply._undone.
    sheets: dict[str, dict[int, tuple[Decimal, ...]]] = field(default_factory=dict)  # team → judge → scores given
    voting: str = ""  # "" never opened | "open" | "closed"
    ballots: dict[str, tuple[str, ...]] = field(default_factory=dict)  # voter token → teams named

    def clone(self) -> RoundState:
        return replace(self, tiers_used={team: list(tiers) for team, tiers in self.tiers_used.items()},
                       passed=list(self.passed),
                       paneled=dict(self.paneled), panel_scores=dict(self.panel_scores), votes=dict(self.votes),
                       sheets={team: dict(given) for team, given in self.sheets.items()}, ballots=dict(self.ballots))


@dataclass
class TiebreakState:
    groups: list[list[str]]
    current: int = 0  # index of the group being decided
    remaining: list[str] = field(default_factory=list)  # still tied in the current group
    top: list[str] = field(default_factory=list)  # placed above, in order
    bottom: list[str] = field(default_factory=list)  # placed below, in the order placed
    order: dict[str, tuple[int, int]] = field(default_factory=dict)  # sort key within a tie, all groups
    asked: int = 0

    def clone(self) -> TiebreakState:
        return replace(self, remaining=list(self.remaining), top=list(self.top), bottom=list(self.bottom),
                       order=dict(self.order))

    @property
    def done(self) -> bool:
        return self.current >= len(self.groups)


@dataclass
class UndoEntry:
    label: str
    at: int
    before: ShowState


@dataclass
class ShowState:
    phase: Phase
    scores: dict[str, Decimal]
    clock: int = 0
    round: RoundState | None = None
    rounds_started: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)  # question ids already drawn
    question: QuestionState | None = None
    countdown: Countdown | None = None
    fouls: dict[str, int] = field(default_factory=dict)
    last_change: dict[str, Decimal] = field(default_factory=dict)
    tiebreak: TiebreakState | None = None
    undo_stack: list[UndoEntry] = field(default_factory=list)

    def clone(self) -> ShowState:
        """A copy that shares nothing mutable. Undo snapshots are never mutated once pushed, so they are shared."""
        return replace(
            self, scores=dict(self.scores), round=self.round.clone() if self.round else None,
            rounds_started=list(self.rounds_started), used=set(self.used),
            question=self.question.clone() if self.question else None,
            countdown=replace(self.countdown) if self.countdown else None, fouls=dict(self.fouls),
            last_change=dict(self.last_change), tiebreak=self.tiebreak.clone() if self.tiebreak else None,
            undo_stack=list(self.undo_stack),
        )


def initial_state(team_ids: list[str], base_score: Decimal) -> ShowState:
    return ShowState(phase=Phase.SETUP, scores={team: base_score for team in team_ids})

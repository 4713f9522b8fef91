"""The working context of one command: the show, a scratch copy of the state, the time, and what was emitted."""

from __future__ import annotations

from decimal import Decimal

from stageshow.domain.apply import apply
from stageshow.domain.errors import RuleViolation
from stageshow.domain.events import Event
from stageshow.domain.model import TIEBREAK_RULES, Question, Round, RoundKind, Rules, Show, Team
from stageshow.domain.state import ShowState

NS_PER_SECOND = 1_000_000_000
TIEBREAK = "tiebreak"


def seconds_to_ns(seconds: Decimal) -> int:
    return int(seconds * NS_PER_SECOND)


class Context:
    def __init__(self, show: Show, state: ShowState, now: int) -> None:
        self.show = show
        self.state = state
        self.now = now
        self.emitted: list[tuple[Event, int]] = []

    def emit(self, event: Event, at: int | None = None) -> None:
        at = self.now if at is None else at
        apply(self.state, event, at)
        self.emitted.append((event, at))

    # --- what is being played -------------------------------------------------------------------------------

    @property
    def round(self) -> Round | None:
        if self.state.round is None:
            return None
        return self.show.round(self.state.round.round_id)

    @property
    def kind(self) -> str | None:
        """The current round's kind, or "tiebreak" during sudden death."""
        if self.state.round is not None:
            return self.show.round(self.state.round.round_id).kind  # type: ignore[union-attr]
        if self.state.tiebreak is not None:
            return TIEBREAK
        return None

    @property
    def rules(self) -> Rules:
        if self.kind == TIEBREAK:
            return TIEBREAK_RULES
        current = self.round
        if current is None:
            raise RuleViolation("no_round")
        return current.rules

    def is_buzz_like(self) -> bool:
        return self.kind in (RoundKind.BUZZ, TIEBREAK)

    def question(self) -> Question:
        if self.state.question is None:
            raise RuleViolation("no_question")
        return self.show.question(self.state.question.question_id)

    def team(self, team_id: str) -> Team:
        team = self.show.team(team_id)
        if team is None:
            raise RuleViolation("unknown_team", team=team_id)
        return team

    def next_unused(self, pool: str | None, tier: Decimal | None = None) -> Question | None:
        for question in self.show.pool(pool or ""):
            if question.id not in self.state.used and (tier is None or question.tier == tier):
                return question
        return None

    def buzz_participants(self) -> list[str]:
        if self.kind == TIEBREAK:
            assert self.state.tiebreak is not None
            return list(self.state.tiebreak.remaining)
        return [team.id for team in self.show.teams]

    def still_eligible(self) -> list[str]:
        """Teams that may still buzz on this question: not fouled, not already answered."""
        question = self.state.question
        assert question is not None
        return [team for team in self.buzz_participants() if team not in question.fouled + question.answered]

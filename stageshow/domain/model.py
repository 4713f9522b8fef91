"""The show as plain data: teams, rounds with their rules, questions, awards.

Loaders in `stageshow.formats` build these after validation; the engine only reads them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal


class RoundKind(enum.StrEnum):
    COMPULSORY = "compulsory"
    BUZZ = "buzz"
    RISK = "risk"
    CORRECTION = "correction"
    JUDGED = "judged"


class QuestionType(enum.StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUEFALSE = "truefalse"
    SHORT = "short"
    CASE = "case"
    DOCUMENT = "document"
    PROCESS = "process"


@dataclass(frozen=True)
class Team:
    id: str
    name: str
    seat: int  # 1-based 台号, the order teams are listed in
    members: tuple[str, ...] = ()
    color: str | None = None
    buzzer_key: str | None = None
    short: str | None = None  # a short name for narrow places on the stage (the score strip)


@dataclass(frozen=True)
class CompulsoryRules:
    per_team: int = 3
    order: str = "team_by_team"  # or "interleaved"
    correct: Decimal = Decimal(10)
    wrong: Decimal = Decimal(0)
    timeout: Decimal | None = None  # None: same as wrong
    time_limit: Decimal = Decimal(20)


@dataclass(frozen=True)
class BuzzRules:
    questions: int = 20
    correct: Decimal = Decimal(10)
    wrong: Decimal = Decimal(-10)
    timeout: Decimal | None = None
    answer_time: Decimal = Decimal(30)
    buzz_window: Decimal = Decimal(10)
    early_press: Decimal = Decimal(-10)
    after_wrong: str = "close"  # or "reopen"
    tie: str = "rearm"  # or "seat"


@dataclass(frozen=True)
class RiskRules:
    tiers: tuple[Decimal, ...] = (Decimal(10), Decimal(20), Decimal(30))
    per_team: int = 1
    order: str = "score_asc"  # or "seat", "score_desc"
    wrong_factor: Decimal = Decimal(1)
    allow_pass: bool = True
    discussion_time: Decimal = Decimal(30)
    time_limit: Decimal = Decimal(60)


@dataclass(frozen=True)
class CorrectionRules:
    per_team: int = 1
    per_error: Decimal = Decimal(5)
    wrong_claim: Decimal = Decimal(0)
    cap: Decimal | None = None
    floor: Decimal | None = Decimal(0)
    show_error_count: bool = True
    replays: int = 1
    time_limit: Decimal = Decimal(90)


@dataclass(frozen=True)
class Criterion:
    """One line of a judge's score sheet (执法程序 40 分 …): the judge's score is the sum of the lines."""

    name: str
    max: Decimal


@dataclass(frozen=True)
class JudgedRules:
    judges: int = 5
    max: Decimal = Decimal(100)
    drop_extremes: bool = True
    weight: Decimal = Decimal(1)
    per_vote: Decimal = Decimal(0)
    criteria: tuple[Criterion, ...] = ()
    votes_per_ballot: int = 1  # an audience juror's phone may name up to this many teams


Rules = CompulsoryRules | BuzzRules | RiskRules | CorrectionRules | JudgedRules

RULES_BY_KIND: dict[RoundKind, type] = {
    RoundKind.COMPULSORY: CompulsoryRules,
    RoundKind.BUZZ: BuzzRules,
    RoundKind.RISK: RiskRules,
    RoundKind.CORRECTION: CorrectionRules,
    RoundKind.JUDGED: JudgedRules,
}

# The tie-break is sudden death with the buzz defaults and no points.
TIEBREAK_RULES = BuzzRules(correct=Decimal(0), wrong=Decimal(0), early_press=Decimal(0), after_wrong="close")


@dataclass(frozen=True)
class Round:
    id: str
    kind: RoundKind
    title: str
    pool: str | None
    rules: Rules


@dataclass(frozen=True)
class PlantedError:
    text: str
    fix: str | None = None
    box: tuple[float, float, float, float] | None = None  # x, y, w, h as fractions of the image
    at: Decimal | None = None  # seconds into the video


@dataclass(frozen=True)
class Question:
    id: str
    pool: str
    type: QuestionType
    stem: str
    options: tuple[str, ...] = ()
    answer: str | None = None
    explanation: str | None = None
    basis: str | None = None
    tier: Decimal | None = None
    points: Decimal | None = None
    time_limit: Decimal | None = None
    image: str | None = None  # resolved path (absolute) of a validated file
    video: str | None = None
    errors: tuple[PlantedError, ...] = ()


@dataclass(frozen=True)
class Award:
    name: str
    count: int


@dataclass(frozen=True)
class Network:
    """`network:` in the show file: the LAN link turned on when the show opens. Not part of the contest: a change to
    it never counts as an edit of the show, and it is not stored with the log."""

    port: int = 8765
    host_control: bool = False  # the host's page may press 下一题 and 开始 (guarded)


@dataclass(frozen=True)
class Show:
    title: str
    teams: tuple[Team, ...]
    rounds: tuple[Round, ...]
    questions: tuple[Question, ...]
    subtitle: str | None = None
    base_score: Decimal = Decimal(0)
    tiebreak_pool: str | None = None
    awards: tuple[Award, ...] = ()
    extras: dict[str, str] = field(default_factory=dict)  # optional presentation keys (background, logo)
    network: Network | None = field(default=None, compare=False)

    def team(self, team_id: str) -> Team | None:
        return next((team for team in self.teams if team.id == team_id), None)

    def round(self, round_id: str) -> Round | None:
        return next((round_ for round_ in self.rounds if round_.id == round_id), None)

    def most_judges(self) -> int:
        """The largest panel of any judged round: how many judges' cards and tablets the show needs."""
        return max((round_.rules.judges for round_ in self.rounds if isinstance(round_.rules, JudgedRules)),
                   default=0)

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    def pool(self, pool: str) -> list[Question]:
        """The questions of one pool, in bank order."""
        return [question for question in self.questions if question.pool == pool]

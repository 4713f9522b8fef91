"""What each window may see. The stage gets a public snapshot built field by field: the answer, explanation,
legal basis and planted errors are copied into it only once the operator has revealed them."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from stageshow.domain.context import TIEBREAK
from stageshow.domain.judged import performing_team
from stageshow.domain.model import BuzzRules, CorrectionRules, JudgedRules, Question, RiskRules, RoundKind, Show
from stageshow.domain.phases import Phase
from stageshow.domain.points import format_points
from stageshow.domain.standings import standings
from stageshow.i18n import render
from stageshow.domain.state import Countdown, QuestionState, ShowState



@dataclass(frozen=True)
class PublicTeam:
    id: str
    name: str
    seat: int
    color: str | None
    score: Decimal
    rank: int
    award: str | None
    last_change: Decimal | None
    fouls: int
    members: tuple[str, ...] = ()
    short: str | None = None


@dataclass(frozen=True)
class PublicError:
    number: int
    text: str
    fix: str | None
    box: tuple[float, float, float, float] | None
    at: Decimal | None


@dataclass(frozen=True)
class PublicClock:
    purpose: str
    duration: int
    deadline: int | None
    remaining: int | None
    split: int | None

    def left(self, now: int) -> int:
        if self.deadline is None:
            return self.remaining or 0
        return max(0, self.deadline - now)


@dataclass(frozen=True)
class PublicQuestion:
    """A question as the hall sees it. `answer`, `explanation`, `basis` and `errors` stay empty until revealed."""

    id: str
    number: int
    type: str
    type_name: str
    stem: str
    options: tuple[str, ...]
    team: str | None
    team_name: str | None
    member: str | None
    tier: Decimal | None
    image: str | None
    video: str | None
    error_count: int | None
    verdict: str | None
    buzz_open_for: tuple[str, ...]
    winner: str | None
    reaction_ms: float | None
    margin_ms: float | None
    fouls: tuple[str, ...]
    found: tuple[int, ...]
    revealed: bool
    answer: str | None = None
    explanation: str | None = None
    basis: str | None = None
    errors: tuple[PublicError, ...] = ()


@dataclass(frozen=True)
class PublicSnapshot:
    title: str
    subtitle: str | None
    phase: str
    round_title: str | None
    round_kind: str | None
    round_rule: str | None
    question: PublicQuestion | None
    clock: PublicClock | None
    teams: tuple[PublicTeam, ...]
    finished: bool
    tiebreak_group: tuple[str, ...] = ()
    turn_order: tuple[str, ...] = ()  # risk: the team of each turn
    turn: int = 0
    tiers: tuple[Decimal, ...] = ()
    tiers_used: dict[str, tuple[Decimal, ...]] = field(default_factory=dict)
    passed: tuple[str, ...] = ()  # risk: teams that passed a turn (once per pass)
    panels: dict[str, Decimal] = field(default_factory=dict)
    panel_scores: dict[str, tuple[tuple[Decimal, ...], tuple[int, ...]]] = field(default_factory=dict)
    votes: dict[str, int] = field(default_factory=dict)
    awards: tuple[str, ...] = ()  # award names, best first
    # a judged round: who is scored now, which judges have scored it (never what, before the panel), the voting
    performing: str | None = None
    sheets_given: tuple[int, ...] = ()
    judges: int = 0
    judge_max: Decimal | None = None
    criteria: tuple[tuple[str, Decimal], ...] = ()
    voting: str = ""  # "" not opened | "open" | "closed"
    ballots: int = 0
    votes_per_ballot: int = 1
    background: str | None = None  # the show file's stage background image, if any
    logo: str | None = None


def public_snapshot(show: Show, state: ShowState) -> PublicSnapshot:
    kind = current_kind(show, state)
    round_ = show.round(state.round.round_id) if state.round else None
    return PublicSnapshot(
        title=show.title,
        subtitle=show.subtitle,
        phase=state.phase.value,
        round_title=round_.title if round_ else (render("round_tiebreak") if kind == TIEBREAK else None),
        round_kind=str(kind) if kind else None,
        round_rule=rule_line(show, state),
        question=_public_question(show, state, kind),
        clock=_clock(state.countdown),
        teams=_teams(show, state),
        finished=state.phase == Phase.FINISHED,
        tiebreak_group=tuple(state.tiebreak.remaining) if state.tiebreak else (),
        turn_order=tuple(state.round.turns) if state.round and kind == RoundKind.RISK else (),
        turn=state.round.turn if state.round else 0,
        tiers=round_.rules.tiers if round_ and isinstance(round_.rules, RiskRules) else (),
        tiers_used={team: tuple(tiers) for team, tiers in state.round.tiers_used.items()} if state.round else {},
        passed=tuple(state.round.passed) if state.round else (),
        panels=dict(state.round.paneled) if state.round else {},
        panel_scores=dict(state.round.panel_scores) if state.round else {},
        votes=dict(state.round.votes) if state.round else {},
        awards=tuple(award.name for award in show.awards),
        **_judging(show, state, round_.rules if round_ else None),
        background=show.extras.get("background"),
        logo=show.extras.get("logo"),
    )


def _judging(show: Show, state: ShowState, rules: object) -> dict[str, Any]:
    if not isinstance(rules, JudgedRules) or state.round is None:
        return {}
    performing = performing_team(show, state)
    return {"performing": performing, "judges": rules.judges, "judge_max": rules.max,
            "sheets_given": tuple(sorted(state.round.sheets.get(performing, {}))) if performing else (),
            "criteria": tuple((criterion.name, criterion.max) for criterion in rules.criteria),
            "voting": state.round.voting, "ballots": len(state.round.ballots),
            "votes_per_ballot": rules.votes_per_ballot}


def current_kind(show: Show, state: ShowState) -> str | None:
    """The kind of the round in play, \"tiebreak\" during sudden death, or None."""
    if state.round is not None:
        round_ = show.round(state.round.round_id)
        return round_.kind if round_ else None
    return TIEBREAK if state.tiebreak is not None else None


def _clock(countdown: Countdown | None) -> PublicClock | None:
    if countdown is None:
        return None
    return PublicClock(countdown.purpose, countdown.duration, countdown.deadline, countdown.remaining,
                       countdown.split)


def _teams(show: Show, state: ShowState) -> tuple[PublicTeam, ...]:
    rows = {row.team: row for row in standings(show, state)}
    return tuple(
        PublicTeam(team.id, team.name, team.seat, team.color, state.scores[team.id], rows[team.id].rank,
                   rows[team.id].award if state.phase == Phase.FINISHED else None,
                   state.last_change.get(team.id), state.fouls.get(team.id, 0), team.members, team.short)
        for team in show.teams
    )


def _public_question(show: Show, state: ShowState, kind: str | None) -> PublicQuestion | None:
    live = state.question
    if live is None:
        return None
    question = show.question(live.question_id)
    round_ = show.round(state.round.round_id) if state.round else None
    rules = round_.rules if round_ else None
    show_count = not isinstance(rules, CorrectionRules) or rules.show_error_count
    winner, reaction, margin = _buzz_result(live)
    team = show.team(live.team) if live.team else None
    revealed = live.revealed and state.phase == Phase.QUESTION_DONE
    snapshot = PublicQuestion(
        id=question.id,
        number=_number(state, kind),
        type=question.type.value,
        type_name=render(f"type_{question.type.value}"),
        stem=question.stem,
        options=question.options,
        team=live.team,
        team_name=team.name if team else None,
        member=live.member,
        tier=live.tier,
        image=question.image,
        video=question.video,
        error_count=len(question.errors) if question.errors and show_count else None,
        verdict=live.verdict,
        buzz_open_for=tuple(live.eligible) if state.phase == Phase.BUZZ_OPEN else (),
        winner=winner,
        reaction_ms=reaction,
        margin_ms=margin,
        fouls=tuple(live.fouled),
        found=tuple(live.found or ()),
        revealed=revealed,
    )
    return _with_revealed(snapshot, question, live.revealed_errors) if revealed else snapshot


def _with_revealed(snapshot: PublicQuestion, question: Question, revealed_errors: int) -> PublicQuestion:
    errors = tuple(PublicError(number, error.text, error.fix, error.box, error.at)
                   for number, error in enumerate(question.errors[:revealed_errors], start=1))
    if question.errors:
        return replace(snapshot, errors=errors)
    return replace(snapshot, answer=question.answer, explanation=question.explanation, basis=question.basis)


def _buzz_result(live: QuestionState) -> tuple[str | None, float | None, float | None]:
    """The winner of the current race, its reaction time and its margin over the next press, in ms."""
    race = [press for press in live.presses[live.opened_presses:] if press.outcome in ("won", "late")]
    winners = [press for press in race if press.outcome == "won" and press.team == live.team]
    if not winners or live.lock_stamp is None:
        return None, None, None
    winner = winners[-1]
    others = sorted(press.stamp for press in race if press.team != winner.team)
    margin = (others[0] - winner.stamp) / 1e6 if others else None
    reaction = winner.reaction / 1e6 if winner.reaction is not None else None
    return winner.team, reaction, margin


def _number(state: ShowState, kind: str | None) -> int:
    if kind == TIEBREAK and state.tiebreak:
        return state.tiebreak.asked
    return state.round.asked if state.round else 0


def rule_line(show: Show, state: ShowState) -> str | None:
    """The round's rules in one line, for the round intro."""
    if state.round is None:
        return render("rule_tiebreak") if state.tiebreak else None
    round_ = show.round(state.round.round_id)
    if round_ is None:
        return None
    rules = round_.rules
    if round_.kind == RoundKind.COMPULSORY:
        return render("rule_compulsory", per_team=rules.per_team, correct=rules.correct,  # type: ignore[union-attr]
                      seconds=rules.time_limit)  # type: ignore[union-attr]
    if isinstance(rules, BuzzRules):
        return render("rule_buzz", questions=rules.questions, correct=rules.correct, wrong=rules.wrong,
                      early=rules.early_press)
    if round_.kind == RoundKind.RISK:
        return render("rule_risk", tiers="/".join(str(tier) for tier in rules.tiers))  # type: ignore[union-attr]
    if isinstance(rules, CorrectionRules):
        return render("rule_correction", per_error=rules.per_error, seconds=rules.time_limit)
    return _judged_rule(rules)  # type: ignore[arg-type]


def _judged_rule(rules: JudgedRules) -> str:
    """As the round is actually scored: extremes dropped or not, the lines of the sheet, the votes' worth."""
    words = render("rule_judged" if rules.drop_extremes and rules.judges >= 3 else "rule_judged_mean",
                   judges=rules.judges)
    if rules.criteria:
        words += render("rule_criteria", lines="、".join(f"{line.name} {format_points(line.max)}"
                                                         for line in rules.criteria))
    if rules.per_vote:
        words += render("rule_votes", points=format_points(rules.per_vote))
    return words

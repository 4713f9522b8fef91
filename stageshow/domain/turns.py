"""Rounds where teams take turns: compulsory (必答), risk (风险) and correction (纠错)."""

from __future__ import annotations

from decimal import Decimal

from stageshow.domain import commands as c
from stageshow.domain import events as e
from stageshow.domain.context import Context, seconds_to_ns
from stageshow.domain.errors import RuleViolation
from stageshow.domain.model import (
    CompulsoryRules,
    CorrectionRules,
    RiskRules,
    Round,
    RoundKind,
    Show,
)
from stageshow.domain.state import ShowState


def turn_order(show: Show, state: ShowState, round_: Round) -> list[str]:
    """The team of each turn, fixed when the round starts."""
    seats = [team.id for team in show.teams]
    rules = round_.rules
    if isinstance(rules, CompulsoryRules):
        if rules.order == "interleaved":
            return seats * rules.per_team
        return [team for team in seats for _ in range(rules.per_team)]
    if isinstance(rules, RiskRules):
        seat_of = {team.id: team.seat for team in show.teams}
        if rules.order == "score_asc":
            seats = sorted(seats, key=lambda team: (state.scores[team], seat_of[team]))
        elif rules.order == "score_desc":
            seats = sorted(seats, key=lambda team: (-state.scores[team], seat_of[team]))
        return seats * rules.per_team
    if isinstance(rules, CorrectionRules):
        return seats * rules.per_team
    return []


def current_turn_team(ctx: Context) -> str | None:
    round_state = ctx.state.round
    if round_state is None or round_state.turn >= len(round_state.turns):
        return None
    return round_state.turns[round_state.turn]


def present_next_turn(ctx: Context) -> None:
    """`next` in compulsory and correction rounds: the next team gets the next unused question of the pool."""
    round_state = ctx.state.round
    round_ = ctx.round
    assert round_state is not None and round_ is not None
    team_id = current_turn_team(ctx)
    if team_id is None:
        raise RuleViolation("round_complete", round=round_.id)
    question = ctx.next_unused(round_.pool)
    if question is None:
        raise RuleViolation("pool_exhausted", pool=round_.pool)
    members = ctx.team(team_id).members
    member = None
    if members and round_.kind == RoundKind.COMPULSORY:
        earlier_turns = round_state.turns[: round_state.turn].count(team_id)
        member = members[earlier_turns % len(members)]
    ctx.emit(e.QuestionPresented(question.id, team=team_id, member=member))


def choose(ctx: Context, command: c.Choose) -> None:
    rules = _risk_rules(ctx)
    team_id = _check_turn(ctx, command.team)
    if command.tier not in rules.tiers:
        raise RuleViolation("tier_unknown", tier=command.tier, tiers="/".join(str(t) for t in rules.tiers))
    assert ctx.state.round is not None
    if command.tier in ctx.state.round.tiers_used.get(team_id, []):
        raise RuleViolation("tier_used", team=team_id, tier=command.tier)
    question = ctx.next_unused(ctx.round.pool, tier=command.tier)  # type: ignore[union-attr]
    if question is None:
        raise RuleViolation("tier_exhausted", tier=command.tier)
    ctx.emit(e.QuestionPresented(question.id, team=team_id, tier=command.tier))


def pass_turn(ctx: Context, command: c.Pass) -> None:
    rules = _risk_rules(ctx)
    team_id = _check_turn(ctx, command.team)
    if not rules.allow_pass:
        raise RuleViolation("pass_not_allowed")
    ctx.emit(e.TeamPassed(team_id))


def start_answer_countdown(ctx: Context) -> None:
    """`go` in rounds with turns: the answering team's countdown starts."""
    question = ctx.question()
    rules = ctx.rules
    split = None
    if isinstance(rules, RiskRules):
        answer = question.time_limit or rules.time_limit
        split = seconds_to_ns(rules.discussion_time)
        duration = split + seconds_to_ns(answer)
    elif isinstance(rules, (CompulsoryRules, CorrectionRules)):
        duration = seconds_to_ns(question.time_limit or rules.time_limit)
    else:
        raise RuleViolation("go_not_here")
    ctx.emit(e.CountdownStarted("answer", deadline=ctx.now + duration, duration=duration, split=split))


def turn_points(ctx: Context, verdict: c.Verdict) -> Decimal:
    """Points for a judged answer in a compulsory or risk round."""
    rules = ctx.rules
    question = ctx.question()
    if isinstance(rules, CompulsoryRules):
        if verdict == c.Verdict.CORRECT:
            return question.points if question.points is not None else rules.correct
        if verdict == c.Verdict.TIMEOUT and rules.timeout is not None:
            return rules.timeout
        return rules.wrong
    if isinstance(rules, RiskRules):
        assert ctx.state.question is not None and ctx.state.question.tier is not None
        tier = ctx.state.question.tier
        return tier if verdict == c.Verdict.CORRECT else -tier * rules.wrong_factor
    raise RuleViolation("judge_not_here")


# --- correction (纠错) -------------------------------------------------------------------------------------------

def found(ctx: Context, command: c.Found) -> None:
    rules = _correction_rules(ctx)
    question = ctx.question()
    state_question = ctx.state.question
    assert state_question is not None
    count = len(question.errors)
    bad = [index for index in command.errors if not 1 <= index <= count]
    if bad:
        raise RuleViolation("error_index", index=bad[0], count=count)
    if len(set(command.errors)) != len(command.errors):
        raise RuleViolation("error_repeated")
    points = _item_points(rules, len(command.errors), 0)
    team = state_question.team or ""
    ctx.emit(e.UndoPoint(f"found {team}"))
    ctx.emit(e.CorrectionScored(team, sorted(command.errors), 0, points))


def claims(ctx: Context, command: c.Claims) -> None:
    rules = _correction_rules(ctx)
    state_question = ctx.state.question
    if state_question is None or state_question.found is None:
        raise RuleViolation("claims_before_found")
    if command.count < 0:
        raise RuleViolation("claims_negative")
    found_count = len(state_question.found)
    before = _item_points(rules, found_count, state_question.claims or 0)
    after = _item_points(rules, found_count, command.count)
    team = state_question.team or ""
    ctx.emit(e.UndoPoint(f"claims {team}"))
    ctx.emit(e.CorrectionScored(team, list(state_question.found), command.count, after - before))


def _item_points(rules: CorrectionRules, found_count: int, claim_count: int) -> Decimal:
    points = found_count * rules.per_error + claim_count * rules.wrong_claim
    if rules.cap is not None:
        points = min(points, rules.cap)
    if rules.floor is not None:
        points = max(points, rules.floor)
    return points


# --- checks --------------------------------------------------------------------------------------------------

def _check_turn(ctx: Context, team_id: str) -> str:
    ctx.team(team_id)
    expected = current_turn_team(ctx)
    if expected is None:
        raise RuleViolation("round_complete", round=ctx.state.round.round_id if ctx.state.round else "")
    if team_id != expected:
        raise RuleViolation("not_your_turn", team=team_id, expected=expected)
    return team_id


def _risk_rules(ctx: Context) -> RiskRules:
    rules = ctx.rules
    if not isinstance(rules, RiskRules):
        raise RuleViolation("only_in_kind", kind=RoundKind.RISK.value)
    return rules


def _correction_rules(ctx: Context) -> CorrectionRules:
    rules = ctx.rules
    if not isinstance(rules, CorrectionRules):
        raise RuleViolation("only_in_kind", kind=RoundKind.CORRECTION.value)
    return rules

"""The judged round (评委评分, e.g. 情景模拟): each judge's sheet, the panel it adds up to, and the audience's voting.

A judge's sheet is locked once given; the panel is committed by itself when every judge has given one (or the operator
types the whole panel, as before). Ballots arrive one per phone while the voting is open; closing it counts them.
"""

from __future__ import annotations

from decimal import Decimal

from stageshow.domain import commands as c
from stageshow.domain import events as e
from stageshow.domain.context import Context
from stageshow.domain.errors import RuleViolation
from stageshow.domain.model import JudgedRules, RoundKind, Show
from stageshow.domain.points import ZERO, round_half_up
from stageshow.domain.state import RoundState, ShowState

MAX_VOTER_LENGTH = 64


def performing_team(show: Show, state: ShowState) -> str | None:
    """The team the judges score now: the first in seat order without its panel."""
    round_state = state.round
    if round_state is None:
        return None
    return next((team.id for team in show.teams if team.id not in round_state.paneled), None)


def trimmed_part(rules: JudgedRules, scores: tuple[Decimal, ...]) -> tuple[list[int], Decimal]:
    """The struck-out indexes and the judges' part: round(trimmed mean × weight, 2), half up."""
    dropped: list[int] = []
    if rules.drop_extremes and len(scores) >= 3:
        high = max(range(len(scores)), key=lambda index: scores[index])
        low = min((index for index in range(len(scores)) if index != high), key=lambda index: scores[index])
        dropped = sorted([high, low])
    kept = [score for index, score in enumerate(scores) if index not in dropped]
    mean = sum(kept, ZERO) / len(kept)
    return dropped, round_half_up(mean * rules.weight)


def panel(ctx: Context, command: c.Panel) -> None:
    rules, round_state = _judged(ctx)
    team_id = _unpaneled(ctx, round_state, command.team)
    scores = command.scores
    if not scores:  # commit the judges' own sheets
        given = round_state.sheets.get(team_id, {})
        missing = [judge for judge in range(1, rules.judges + 1) if judge not in given]
        if missing:
            raise RuleViolation("panel_sheets_missing", team=team_id, judges="、".join(map(str, missing)))
        scores = tuple(sum(given[judge], ZERO) for judge in range(1, rules.judges + 1))
    if len(scores) != rules.judges:
        raise RuleViolation("panel_count", expected=rules.judges, got=len(scores))
    for score in scores:
        if not ZERO <= score <= rules.max:
            raise RuleViolation("panel_range", score=score, max=rules.max)
    _commit_panel(ctx, rules, team_id, scores)


def sheet(ctx: Context, command: c.Sheet) -> None:
    rules, round_state = _judged(ctx)
    team_id = _unpaneled(ctx, round_state, command.team)
    if not 1 <= command.judge <= rules.judges:
        raise RuleViolation("sheet_judge", judge=command.judge, judges=rules.judges)
    if command.judge in round_state.sheets.get(team_id, {}):
        raise RuleViolation("sheet_locked", team=team_id, judge=command.judge)
    total = _sheet_total(rules, command.scores)
    ctx.emit(e.SheetSubmitted(team_id, command.judge, list(command.scores), total))
    given = ctx.state.round.sheets[team_id]  # type: ignore[union-attr]
    if len(given) == rules.judges:  # the last judge has scored: the panel commits itself
        _commit_panel(ctx, rules, team_id, tuple(sum(given[judge], ZERO) for judge in range(1, rules.judges + 1)))


def unlock(ctx: Context, command: c.Unlock) -> None:
    _, round_state = _judged(ctx)
    team_id = ctx.team(command.team).id
    if team_id in round_state.paneled:
        raise RuleViolation("sheet_committed", team=team_id)
    if command.judge not in round_state.sheets.get(team_id, {}):
        raise RuleViolation("sheet_not_given", team=team_id, judge=command.judge)
    if not command.reason.strip():
        raise RuleViolation("reason_required")
    ctx.emit(e.SheetUnlocked(team_id, command.judge, command.reason.strip()))


def open_voting(ctx: Context, command: c.OpenVoting) -> None:
    rules, round_state = _judged(ctx)
    if round_state.votes_done:
        raise RuleViolation("votes_twice")
    if round_state.voting == "open":
        raise RuleViolation("voting_open_already")
    if rules.per_vote == 0:
        raise RuleViolation("voting_no_points")
    ctx.emit(e.VotingOpened())


def ballot(ctx: Context, command: c.Ballot) -> None:
    rules, round_state = _judged(ctx)
    if round_state.voting != "open":
        raise RuleViolation("voting_closed" if round_state.voting else "voting_not_open")
    if not command.voter or len(command.voter) > MAX_VOTER_LENGTH:
        raise RuleViolation("ballot_voter")
    if command.voter in round_state.ballots:
        raise RuleViolation("ballot_twice")
    if not 1 <= len(command.teams) <= rules.votes_per_ballot or len(set(command.teams)) != len(command.teams):
        raise RuleViolation("ballot_size", most=rules.votes_per_ballot)
    teams = [ctx.team(team).id for team in command.teams]
    ctx.emit(e.BallotCast(command.voter, teams))


def close_voting(ctx: Context, command: c.CloseVoting) -> None:
    rules, round_state = _judged(ctx)
    if not round_state.voting or round_state.votes_done:
        raise RuleViolation("voting_not_open")
    counts = {team.id: 0 for team in ctx.show.teams}
    for teams in round_state.ballots.values():
        for team in teams:
            counts[team] += 1
    if round_state.voting == "open":
        ctx.emit(e.VotingClosed(len(round_state.ballots)))
    _count_votes(ctx, rules, counts)


def votes(ctx: Context, command: c.Votes) -> None:
    """Votes counted by hand (a show of hands, paper slips): not while the phones' voting is open."""
    rules, round_state = _judged(ctx)
    if round_state.votes_done:
        raise RuleViolation("votes_twice")
    if round_state.voting == "open":
        raise RuleViolation("voting_open_now")
    for team_id, count in command.votes.items():
        ctx.team(team_id)
        if count < 0:
            raise RuleViolation("votes_negative", team=team_id)
    _count_votes(ctx, rules, {team.id: command.votes.get(team.id, 0) for team in ctx.show.teams})


# --- helpers -----------------------------------------------------------------------------------------------------

def _sheet_total(rules: JudgedRules, scores: tuple[Decimal, ...]) -> Decimal:
    if rules.criteria:
        if len(scores) != len(rules.criteria):
            raise RuleViolation("sheet_criteria_count", expected=len(rules.criteria), got=len(scores))
        for score, criterion in zip(scores, rules.criteria, strict=True):
            if not ZERO <= score <= criterion.max:
                raise RuleViolation("sheet_criterion_range", name=criterion.name, score=score, max=criterion.max)
        return sum(scores, ZERO)
    if len(scores) != 1:
        raise RuleViolation("sheet_criteria_count", expected=1, got=len(scores))
    if not ZERO <= scores[0] <= rules.max:
        raise RuleViolation("panel_range", score=scores[0], max=rules.max)
    return scores[0]


def _commit_panel(ctx: Context, rules: JudgedRules, team_id: str, scores: tuple[Decimal, ...]) -> None:
    dropped, points = trimmed_part(rules, scores)
    ctx.emit(e.UndoPoint(f"panel {team_id}"))
    ctx.emit(e.PanelScored(team_id, list(scores), dropped, points))


def _count_votes(ctx: Context, rules: JudgedRules, counts: dict[str, int]) -> None:
    ctx.emit(e.UndoPoint("votes"))
    ctx.emit(e.VotesCounted(counts, {team_id: count * rules.per_vote for team_id, count in counts.items()}))


def _unpaneled(ctx: Context, round_state: RoundState, team: str) -> str:
    team_id = ctx.team(team).id
    if team_id in round_state.paneled:
        raise RuleViolation("panel_twice", team=team_id)
    return team_id


def _judged(ctx: Context) -> tuple[JudgedRules, RoundState]:
    rules = ctx.rules
    if not isinstance(rules, JudgedRules) or ctx.state.round is None:
        raise RuleViolation("only_in_kind", kind=RoundKind.JUDGED.value)
    return rules, ctx.state.round

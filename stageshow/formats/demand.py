"""Cross-checks between the rounds and the banks: enough questions in each pool, the right kinds, valid tiers."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from stageshow.domain.model import (
    BuzzRules,
    CompulsoryRules,
    CorrectionRules,
    QuestionType,
    RiskRules,
    Round,
    Team,
)
from stageshow.formats.problems import Problems
from stageshow.formats.yaml_source import YamlMap

if TYPE_CHECKING:
    from stageshow.formats.show_file import LoadedBanks

CORRECTION_TYPES = (QuestionType.DOCUMENT, QuestionType.PROCESS)


def check_pool_demand(path: Path, document: YamlMap, rounds: list[Round], teams: list[Team],
                      tiebreak_pool: str | None, banks: LoadedBanks, problems: Problems) -> None:
    """Report pools too small for what the rounds will draw (pools shared by rounds add up)."""
    supply = Counter(question.pool for question in banks.questions)
    demand: Counter[str] = Counter()
    team_count = len(teams)
    round_lines = _round_lines(document)
    for round_ in rounds:
        rules = round_.rules
        line = round_lines.get(round_.id)
        if isinstance(rules, BuzzRules):
            need = rules.questions
        elif isinstance(rules, (CompulsoryRules, CorrectionRules, RiskRules)):
            need = rules.per_team * team_count
        else:
            continue
        pool = round_.pool or ""
        demand[pool] += need
        if supply[pool] < demand[pool]:
            problems.add(path, line, "pool_too_small", pool=pool, have=supply[pool], need=demand[pool],
                         round=round_.id)
        pool_questions = [q for q in banks.questions if q.pool == pool]
        if isinstance(rules, CorrectionRules):
            for question in pool_questions:
                if question.type not in CORRECTION_TYPES:
                    _at_question(banks, problems, question.id, "correction_type", pool=pool)
        if isinstance(rules, RiskRules):
            _check_tiers(path, line, round_, rules, pool_questions, team_count, banks, problems)
    if tiebreak_pool is not None and supply[tiebreak_pool] == 0:
        problems.add(path, document.line_of("tiebreak"), "pool_too_small", pool=tiebreak_pool, have=0, need=1,
                     round="tiebreak")


def _check_tiers(path: Path, line: int | None, round_: Round, rules: RiskRules, questions: list, team_count: int,
                 banks: LoadedBanks, problems: Problems) -> None:
    per_tier: Counter = Counter()
    for question in questions:
        if question.tier is None:
            _at_question(banks, problems, question.id, "tier_missing", round=round_.id)
        elif question.tier not in rules.tiers:
            _at_question(banks, problems, question.id, "tier_not_in_round", tier=question.tier, round=round_.id,
                         tiers="/".join(str(t) for t in rules.tiers))
        else:
            per_tier[question.tier] += 1
    for tier in rules.tiers:
        if per_tier[tier] < team_count:
            problems.warn(path, line, "tier_few", tier=tier, have=per_tier[tier], teams=team_count, round=round_.id)


def _at_question(banks: LoadedBanks, problems: Problems, question_id: str, code: str, **params: object) -> None:
    bank_path, where = banks.where[question_id]
    problems.add(bank_path, where, code, id=question_id, **params)


def _round_lines(document: YamlMap) -> dict[str, int]:
    rounds = document.get("rounds")
    lines: dict[str, int] = {}
    if isinstance(rounds, list):
        for index, item in enumerate(rounds):
            if isinstance(item, YamlMap) and isinstance(item.get("id"), str):
                lines[item["id"]] = rounds.line_of(index) if hasattr(rounds, "line_of") else item.line
    return lines

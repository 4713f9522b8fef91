"""The show file (formats.md §1): teams, rounds, rules, awards, and the banks it draws on — checked as a whole."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stageshow.domain.model import Award, Network, Question, Round, RoundKind, Show, Team
from stageshow.domain.points import ZERO
from stageshow.formats.bank_csv import read_csv_bank
from stageshow.formats.bank_excel import read_excel_bank
from stageshow.formats.bank_word import read_word_bank
from stageshow.formats.bank_xls import read_xls_bank
from stageshow.formats.bank_yaml import read_yaml_bank
from stageshow.formats.demand import check_pool_demand
from stageshow.formats.fields import FieldReader, Where, check_relative_path
from stageshow.formats.knobs import KNOBS, read_rules
from stageshow.formats.problems import InvalidShow, Problems
from stageshow.formats.yaml_source import YamlList, YamlMap, read_yaml

ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,16}$")
COLOR_PATTERN = re.compile(r"^#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})$")
SHOW_FIELDS = {"title", "subtitle", "questions", "base_score", "teams", "rounds", "tiebreak", "awards",
               "background", "logo", "network"}
TEAM_FIELDS = {"id", "name", "short", "members", "color", "buzzer"}
ROUND_FIELDS = {"id", "kind", "title", "pool", "notes"}
MIN_TEAMS, MAX_TEAMS = 2, 30


@dataclass
class LoadedBanks:
    questions: list[Question] = field(default_factory=list)
    where: dict[str, tuple[Path, Where]] = field(default_factory=dict)  # question id → its file and line/cell


def load_show(path: Path) -> tuple[Show | None, Problems]:
    """The show with every problem in it and its banks; the show is None when there is any error."""
    problems = Problems()
    document = read_yaml(path, problems)
    if document is None:
        return None, problems
    if not isinstance(document, YamlMap):
        problems.add(path, 1, "show_not_mapping")
        return None, problems
    reader = FieldReader(document, path, document.line_of, problems)
    title = reader.text("title", required=True)
    teams = _teams(reader)
    rounds = _rounds(reader)
    banks = _banks(reader)
    base_score = reader.number("base_score") or ZERO
    tiebreak_pool = _tiebreak_pool(reader)
    awards = _awards(reader, len(teams))
    extras = {key: value for key in ("background", "logo")
              if (value := reader.media(key, path.parent)) is not None}
    network = _network(reader)
    for key in document:
        if key not in SHOW_FIELDS:
            problems.warn(path, document.line_of(key), "field_unknown", field=key)
    if not any(problem.path != path for problem in problems.errors):
        # Pool sizes mean something only once every bank reads cleanly; otherwise they would echo its errors.
        check_pool_demand(path, document, rounds, teams, tiebreak_pool, banks, problems)
    if problems or title is None:
        return None, problems
    show = Show(title=title, subtitle=reader.text("subtitle"), teams=tuple(teams), rounds=tuple(rounds),
                questions=tuple(banks.questions), base_score=base_score, tiebreak_pool=tiebreak_pool,
                awards=tuple(awards), extras=extras, network=network)
    return show, problems


def load_show_or_raise(path: Path) -> Show:
    show, problems = load_show(path)
    if show is None:
        raise InvalidShow(problems)
    return show


def _list(reader: FieldReader, key: str, required: bool = True) -> YamlList | None:
    value = reader.record.get(key)
    if value is None:
        if required:
            reader.problem(key, "field_required")
        return None
    if not isinstance(value, YamlList):
        reader.problem(key, "field_not_list")
        return None
    return value


def _teams(reader: FieldReader) -> list[Team]:
    items = _list(reader, "teams")
    if items is None:
        return []
    if not MIN_TEAMS <= len(items) <= MAX_TEAMS:
        reader.problem("teams", "teams_count", count=len(items), minimum=MIN_TEAMS, maximum=MAX_TEAMS)
    teams: list[Team] = []
    seen: dict[str, int] = {}
    keys: dict[str, str] = {}
    for index, item in enumerate(items):
        if not isinstance(item, YamlMap):
            reader.problems.add(reader.path, items.line_of(index), "team_not_mapping", number=index + 1)
            continue
        team_reader = FieldReader(item, reader.path, item.line_of, reader.problems)
        team_id = _id(team_reader, seen, "team")
        name = team_reader.text("name", required=True)
        short = team_reader.text("short")  # for the stage's narrow places, e.g. 高新区 for a long official name
        members = _members(team_reader)
        color = team_reader.text("color")
        if color is not None and not COLOR_PATTERN.match(color):
            team_reader.problem("color", "color_bad", value=color)
        key = _buzzer_key(team_reader, keys, team_id)
        for extra in item:
            if extra not in TEAM_FIELDS:
                reader.problems.warn(reader.path, item.line_of(extra), "field_unknown", field=extra)
        if team_id and name:
            teams.append(Team(team_id, name, len(teams) + 1, members, color, key, short or None))
    return teams


def _id(reader: FieldReader, seen: dict[str, int], what: str) -> str | None:
    value = reader.text("id", required=True)
    if value is None:
        return None
    if not ID_PATTERN.match(value):
        reader.problem("id", "id_bad", value=value)
        return None
    if value in seen:
        reader.problem("id", f"{what}_id_duplicate", value=value, first=seen[value])
        return None
    seen[value] = reader.locate("id")  # type: ignore[assignment]
    return value


def _members(reader: FieldReader) -> tuple[str, ...]:
    value = reader.record.get("members")
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(name, (str, int)) for name in value):
        reader.problem("members", "members_bad")
        return ()
    return tuple(str(name) for name in value)


def _buzzer_key(reader: FieldReader, keys: dict[str, str], team_id: str | None) -> str | None:
    value = reader.record.get("buzzer")
    if value is None:
        return None
    if not isinstance(value, dict) or "key" not in value:
        reader.problem("buzzer", "buzzer_bad")
        return None
    key = str(value["key"]).strip()
    if not key:
        reader.problem("buzzer", "buzzer_bad")
        return None
    if key.lower() in keys:
        reader.problem("buzzer", "buzzer_key_duplicate", letter=key, team=keys[key.lower()], this=team_id or "?")
        return None
    keys[key.lower()] = team_id or "?"
    return key


def _rounds(reader: FieldReader) -> list[Round]:
    items = _list(reader, "rounds")
    if items is None:
        return []
    if not items:
        reader.problem("rounds", "field_required")
    rounds: list[Round] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if not isinstance(item, YamlMap):
            reader.problems.add(reader.path, items.line_of(index), "round_not_mapping", number=index + 1)
            continue
        round_reader = FieldReader(item, reader.path, item.line_of, reader.problems)
        round_id = _id(round_reader, seen, "round")
        title = round_reader.text("title", required=True)
        raw_kind = round_reader.text("kind", required=True)
        kind = None
        if raw_kind is not None:
            try:
                kind = RoundKind(raw_kind)
            except ValueError:
                round_reader.problem("kind", "kind_unknown", value=raw_kind,
                                     choices=" | ".join(k.value for k in RoundKind))
        pool = round_reader.text("pool", required=kind not in (None, RoundKind.JUDGED))
        if kind is None:
            continue
        rules = read_rules(kind, round_reader)
        _check_rules(round_reader, kind, rules)
        for extra in item:
            if extra not in ROUND_FIELDS and extra not in KNOBS[kind]:
                reader.problems.warn(reader.path, item.line_of(extra), "knob_unknown", field=extra, kind=kind.value)
        if round_id and title:
            rounds.append(Round(round_id, kind, title, pool, rules))
    return rounds


def _check_rules(reader: FieldReader, kind: RoundKind, rules: Any) -> None:
    if kind == RoundKind.JUDGED and rules.drop_extremes and rules.judges < 3:
        reader.problem("judges", "judges_too_few_to_drop", judges=rules.judges)
    if kind == RoundKind.CORRECTION and rules.cap is not None and rules.floor is not None and rules.floor > rules.cap:
        reader.problem("floor", "floor_above_cap", floor=rules.floor, cap=rules.cap)
    if kind == RoundKind.RISK and rules.per_team > len(rules.tiers):
        reader.problem("per_team", "risk_per_team_tiers", per_team=rules.per_team, tiers=len(rules.tiers))


def _banks(reader: FieldReader) -> LoadedBanks:
    banks = LoadedBanks()
    value = reader.record.get("questions")
    if isinstance(value, str):
        value = YamlList([value])
        value.line = reader.locate("questions")  # type: ignore[assignment]
        value.item_lines = [value.line]
    if not isinstance(value, YamlList) or not value:
        reader.problem("questions", "field_required" if value is None else "field_not_list")
        return banks
    for index, entry in enumerate(value):
        line = value.line_of(index)
        relative, pool = entry, None
        if isinstance(entry, YamlMap):  # {file: 题库.xlsx, pool: 必答}: the pool for rows that name none
            relative, pool = entry.get("file"), entry.get("pool")
            pool = str(pool).strip() if pool not in (None, "") else None
        if not isinstance(relative, str):
            reader.problems.add(reader.path, line, "field_not_text", field="questions")
            continue
        resolved = check_relative_path(relative, reader.path.parent, reader.problems, reader.path, line, "questions")
        if resolved is None:
            continue
        bank_path = Path(resolved)
        if bank_path.suffix.lower() not in (".yaml", ".yml", *BANK_READERS):
            reader.problems.add(reader.path, line, "bank_suffix", value=relative)
            continue
        found = read_bank(bank_path, reader.problems, pool)
        add_bank_questions(banks, bank_path, found, reader.problems)
    return banks


def add_bank_questions(banks: LoadedBanks, bank_path: Path, found: list[tuple[Question, Where]],
                       problems: Problems) -> None:
    """Add a bank's questions, reporting an id already used in this or an earlier bank."""
    for question, where in found:
        if question.id in banks.where:
            first_path, first_where = banks.where[question.id]
            problems.add(bank_path, where, "question_id_duplicate", value=question.id,
                         first=f"{first_path.name}:{first_where}")
            continue
        banks.where[question.id] = (bank_path, where)
        banks.questions.append(question)


BANK_READERS = {".xlsx": read_excel_bank, ".xls": read_xls_bank, ".csv": read_csv_bank, ".docx": read_word_bank}


def read_bank(bank_path: Path, problems: Problems, pool: str | None = None) -> list[tuple[Question, Where]]:
    """A bank's questions; one that yields none, with nothing else wrong, is an error of its own (a layout we could
    not read once passed as "0 道题 — 检查通过")."""
    before = len(problems.errors)
    reader = BANK_READERS.get(bank_path.suffix.lower())
    if reader is not None:
        found: list[tuple[Question, Where]] = list(reader(bank_path, problems, pool))
    else:
        found = list(read_yaml_bank(bank_path, problems))
    if not found and len(problems.errors) == before:
        problems.add(bank_path, None, "bank_empty")
    return found


def _network(reader: FieldReader) -> Network | None:
    """`network: true`, or `network: {port: 8765, host_control: true}`: the LAN link on from the start."""
    value = reader.record.get("network")
    if value is None or value is False:
        return None
    if value is True:
        return Network()
    if not isinstance(value, YamlMap):
        reader.problem("network", "network_bad")
        return None
    network_reader = FieldReader(value, reader.path, value.line_of, reader.problems)
    for key in value:
        if key not in ("port", "host_control"):
            reader.problems.warn(reader.path, value.line_of(key), "field_unknown", field=f"network.{key}")
    port = network_reader.integer("port", minimum=1024, maximum=65535)
    host_control = network_reader.boolean("host_control")
    return Network(port=port or Network.port, host_control=bool(host_control))


def _tiebreak_pool(reader: FieldReader) -> str | None:
    value = reader.record.get("tiebreak")
    if value is None:
        return None
    if not isinstance(value, YamlMap):
        reader.problem("tiebreak", "tiebreak_bad")
        return None
    return FieldReader(value, reader.path, value.line_of, reader.problems).text("pool", required=True)


def _awards(reader: FieldReader, team_count: int) -> list[Award]:
    items = _list(reader, "awards", required=False)
    if items is None:
        return []
    awards = []
    for index, item in enumerate(items):
        if not isinstance(item, YamlMap):
            reader.problems.add(reader.path, items.line_of(index), "award_bad", number=index + 1)
            continue
        award_reader = FieldReader(item, reader.path, item.line_of, reader.problems)
        name = award_reader.text("name", required=True)
        count = award_reader.integer("count", minimum=1)
        if count is None and "count" not in item:
            award_reader.problem("count", "field_required")
        if name and count:
            awards.append(Award(name, count))
    total = sum(award.count for award in awards)
    if team_count and total > team_count:
        reader.problem("awards", "awards_too_many", total=total, teams=team_count)
    return awards

"""`stageshow check`: show files, banks and scripts, each recognised by its content; every problem at once."""

from __future__ import annotations

from pathlib import Path

from stageshow.formats.problems import Problems
from stageshow.formats.script import read_script
from stageshow.formats.show_file import LoadedBanks, add_bank_questions, load_show, read_bank
from stageshow.formats.yaml_source import read_yaml
from stageshow.i18n import render


def check_files(paths: list[Path]) -> tuple[list[str], Problems]:
    summaries: list[str] = []
    problems = Problems()
    banks = LoadedBanks()  # banks checked together: an id repeated across them is reported
    for path in paths:
        kind = _kind_of(path)
        if kind == "show":
            show, found = load_show(path)
            problems.items.extend(found.items)
            if show is not None:
                summaries.append(render("check_show_ok", path=path, teams=len(show.teams), rounds=len(show.rounds),
                                        questions=len(show.questions)))
        elif kind == "script":
            before = len(problems.errors)
            steps = read_script(path, problems)
            if len(problems.errors) == before:
                summaries.append(render("check_script_ok", path=path, steps=len(steps)))
        else:
            before = len(problems.errors)
            found_questions = read_bank(path, problems)
            add_bank_questions(banks, path, found_questions, problems)
            if len(problems.errors) == before:
                summaries.append(render("check_bank_ok", path=path, questions=len(found_questions)))
    return summaries, problems


def _kind_of(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".xlsx", ".xls", ".csv", ".docx")):
        return "bank"
    if ".show." in name:
        return "show"
    if ".script." in name:
        return "script"
    document = read_yaml(path, Problems()) if path.is_file() else None
    if isinstance(document, dict):
        if "teams" in document or "rounds" in document:
            return "show"
        if "steps" in document:
            return "script"
    return "bank"

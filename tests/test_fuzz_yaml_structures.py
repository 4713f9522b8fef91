"""Structure-aware YAML (fixed seed): the demo's show file, a bank and a script with one part made wrong in type or
value, aliased or nested deep. Every reader answers with located problems, never an exception."""

from __future__ import annotations

import random

import yaml

from stageshow.formats.problems import Problems
from stageshow.formats.script import read_script
from stageshow.formats.show_file import load_show, read_bank
from tests.support import DEMO_SCRIPT, DEMO_SHOW
from tests.yaml_mutations import mutate_document

BANK = DEMO_SHOW.parent / "banks" / "buzz.questions.yaml"


def read_all(kind: str, path):  # type: ignore[no-untyped-def]
    problems = Problems()
    if kind == "show":
        _, problems = load_show(path)
    elif kind == "bank":
        read_bank(path, problems)
    else:
        read_script(path, problems)
    return problems


def test_mutated_show_bank_and_script_give_located_problems(tmp_path):
    rng = random.Random(2026)
    import shutil

    shutil.copytree(DEMO_SHOW.parent / "banks", tmp_path / "banks")
    shutil.copytree(DEMO_SHOW.parent / "media", tmp_path / "media")
    sources = {"show": (DEMO_SHOW, "fuzz.show.yaml"), "bank": (BANK, "banks/fuzz.questions.yaml"),
               "script": (DEMO_SCRIPT, "fuzz.script.yaml")}
    documents = {kind: yaml.safe_load(source.read_text(encoding="utf-8")) for kind, (source, _) in sources.items()}
    documents["script"]["steps"] = documents["script"]["steps"][:40]
    for _ in range(150):
        kind = rng.choice(list(sources))
        path = tmp_path / sources[kind][1]
        path.write_text(mutate_document(documents[kind], rng), encoding="utf-8")
        problems = read_all(kind, path)  # an exception here fails the test, with the file left to read
        for problem in problems.items:
            assert problem.render()

"""The long fuzz run: structure-aware inputs (YAML shows, banks and scripts made wrong in type or value, aliased,
nested deep; workbooks damaged at the zip and XML level) through every reader, in-process. Prints, per class, the
inputs, how many were read, how many were refused with located problems, and how many raised (must be 0).

Usage: python benchmarks/fuzz_readers.py [INPUTS] [SEED]     (default 100000 inputs, seed 1)
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

import _common  # noqa: F401 - puts the project on the path
import yaml

from stageshow.formats.problems import Problems
from stageshow.formats.script import read_script
from stageshow.formats.show_file import load_show, read_bank
from tests.support import DEMO_SCRIPT, DEMO_SHOW
from tests.workbook_mutations import mutate_workbook
from tests.yaml_mutations import mutate_document

WORKBOOK = DEMO_SHOW.parent / "banks" / "excel-demo.xlsx"


def main() -> int:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    counts: Counter[tuple[str, str]] = Counter()
    first_failure: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copytree(DEMO_SHOW.parent / "banks", root / "banks")
        shutil.copytree(DEMO_SHOW.parent / "media", root / "media")
        documents = {"show": yaml.safe_load(DEMO_SHOW.read_text(encoding="utf-8")),
                     "bank": yaml.safe_load((DEMO_SHOW.parent / "banks" / "buzz.questions.yaml").read_text("utf-8")),
                     "script": yaml.safe_load(DEMO_SCRIPT.read_text(encoding="utf-8"))}
        documents["script"]["steps"] = documents["script"]["steps"][:60]
        workbook = WORKBOOK.read_bytes()
        started = time.monotonic()
        for _ in range(total):
            kind = rng.choice(["show", "bank", "script", "workbook"])
            try:
                problems = _one(kind, root, documents, workbook, rng)
                counts[(kind, "refused" if problems.errors else "read")] += 1
            except Exception:  # noqa: BLE001 - counted and kept: this is what the run looks for
                counts[(kind, "raised")] += 1
                first_failure.setdefault(kind, traceback.format_exc(limit=4))
        seconds = time.monotonic() - started
    print(f"{total} inputs in {seconds:.0f} s ({total / seconds:.0f} per second)")
    print(f"{'class':<10} {'inputs':>8} {'read':>8} {'refused':>8} {'raised':>8}")
    for kind in ("show", "bank", "script", "workbook"):
        row = [counts[(kind, outcome)] for outcome in ("read", "refused", "raised")]
        print(f"{kind:<10} {sum(row):>8} {row[0]:>8} {row[1]:>8} {row[2]:>8}")
    for kind, text in first_failure.items():
        print(f"\nfirst exception in {kind}:\n{text}")
    return 1 if first_failure else 0


def _one(kind: str, root: Path, documents: dict, workbook: bytes, rng: random.Random) -> Problems:  # type: ignore[type-arg]
    problems = Problems()
    if kind == "workbook":
        path = root / "banks" / "fuzz.xlsx"
        path.write_bytes(mutate_workbook(workbook, rng))
        read_bank(path, problems)
        return problems
    path = root / {"show": "fuzz.show.yaml", "bank": "banks/fuzz.questions.yaml", "script": "fuzz.script.yaml"}[kind]
    path.write_text(mutate_document(documents[kind], rng), encoding="utf-8")
    if kind == "show":
        return load_show(path)[1]
    if kind == "bank":
        read_bank(path, problems)
    else:
        read_script(path, problems)
    return problems


if __name__ == "__main__":
    sys.exit(main())

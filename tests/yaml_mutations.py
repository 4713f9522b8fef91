"""Structure-aware YAML for the readers: a real show, bank or script with one part replaced by something of the wrong
type, a huge or non-finite number, an alias, or deep nesting. Shared by the fixed-seed test in CI and the long run
in benchmarks/fuzz_readers.py."""

from __future__ import annotations

import random
from typing import Any

import yaml

ODD_VALUES: list[Any] = [None, True, 0, -1, 2**70, 10**400, 1.5, float("nan"), float("inf"), -float("inf"), "",
                         "文字", "1E+999999999", ".nan", [], [1, 2], {}, {"a": 1}, "2024-13-45", "0x1F", "12abc",
                         "\u0000", "𠀀" * 50, "a" * 5000]
RAW_SNIPPETS = ["&a [1,2]\nx: *a", "!!int 12abc", "!!float abc", "2024-13-45", "9" * 5000, "[" * 60 + "]" * 60,
                "{a: &b [x, x]}\ny: *b", "!!python/object:os.system ls", "? [1]\n: 2", "<<: {a: 1}"]


def mutate_document(document: Any, rng: random.Random) -> str:
    """The document as YAML text, with one part changed the way a careless edit or a hostile file would."""
    if rng.random() < 0.15:
        text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
        lines = text.splitlines()
        index = rng.randrange(len(lines))
        key, _, _ = lines[index].partition(":")
        lines[index] = f"{key}: {rng.choice(RAW_SNIPPETS)}" if ":" in lines[index] else rng.choice(RAW_SNIPPETS)
        return "\n".join(lines) + "\n"
    changed = _replace_somewhere(document, rng)
    return yaml.safe_dump(changed, allow_unicode=True, sort_keys=False)


def _replace_somewhere(node: Any, rng: random.Random, depth: int = 0) -> Any:
    if depth > 0 and rng.random() < 0.3:
        return rng.choice(ODD_VALUES)
    if isinstance(node, dict) and node:
        key = rng.choice(list(node))
        copy = dict(node)
        if rng.random() < 0.1:
            del copy[key]
        else:
            copy[key] = _replace_somewhere(node[key], rng, depth + 1)
        return copy
    if isinstance(node, list) and node:
        index = rng.randrange(len(node))
        copy = list(node)
        copy[index] = _replace_somewhere(node[index], rng, depth + 1)
        return copy
    return rng.choice(ODD_VALUES)

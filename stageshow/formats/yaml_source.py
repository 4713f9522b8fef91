"""YAML read with a safe loader, keeping the line of every mapping key and list item for error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from stageshow.formats.problems import Problems

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 5,000 questions in well under 1 s


class YamlMap(dict):  # type: ignore[type-arg]
    """A mapping that knows its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class YamlList(list):  # type: ignore[type-arg]
    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _LineLoader(_Loader):  # type: ignore[misc, valid-type]
    pass


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> YamlMap:
    loader.flatten_mapping(node)
    mapping = YamlMap()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = str(loader.construct_object(key_node, deep=True))  # `1:` or `yes:` as keys read as text
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader: Any, node: yaml.SequenceNode) -> YamlList:
    items = YamlList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    return items


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def read_yaml(path: Path, problems: Problems) -> Any | None:
    """The document in `path`, or None after adding a located problem (unreadable, not UTF-8, empty, bad YAML)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.add(path, None, "file_missing")
        return None
    except OSError as error:
        problems.add(path, None, "file_unreadable", reason=error.strerror or str(error))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.add(path, line, "not_utf8")
        return None
    if not text.strip():
        problems.add(path, 1, "file_empty")
        return None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problems.add(path, line, "yaml_syntax", detail=error.problem or str(error))
    except yaml.YAMLError as error:
        problems.add(path, None, "yaml_syntax", detail=str(error))
    except RecursionError:
        problems.add(path, None, "yaml_syntax", detail="nesting too deep")
    return None

"""YAML read with a safe loader, keeping the line of every mapping key and list item for error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from stageshow.formats.problems import Problems

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 5,000 questions in well under 1 s
MAX_BYTES = 20_000_000  # a bank of 20,000 questions is ~10 MB
MAX_DEPTH = 40  # our files nest 5 deep at most


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
    if len(raw) > MAX_BYTES:
        problems.add(path, None, "yaml_too_large", size=len(raw) // 1_000_000, limit=MAX_BYTES // 1_000_000)
        return None
    try:
        return _load_checked(text, path, problems)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problems.add(path, line, "yaml_syntax", detail=error.problem or str(error))
    except yaml.YAMLError as error:
        problems.add(path, None, "yaml_syntax", detail=str(error))
    except RecursionError:
        problems.add(path, None, "yaml_syntax", detail="nesting too deep")
    return None


def _load_checked(text: str, path: Path, problems: Problems) -> Any | None:
    """Compose the node graph first (linear in the text: an alias is a second reference to a node, not a copy), refuse
    aliases and deep nesting there, and only then build the values, so a "billion laughs" never gets to grow."""
    loader = _LineLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        refused = _refused_shape(node)
        if refused is not None:
            code, line = refused
            problems.add(path, line, code, limit=MAX_DEPTH)
            return None
        try:
            return loader.construct_document(node)
        except (ValueError, OverflowError, TypeError) as error:  # 2024-13-45, 5,000 digits, !!int 12abc
            problems.add(path, _first_bad_scalar(node), "yaml_value", detail=str(error)[:120])
            return None
    finally:
        loader.dispose()


def _refused_shape(root: yaml.Node) -> tuple[str, int] | None:
    """("yaml_alias", line) for a node reached twice (an anchor used by an alias), ("yaml_too_deep", line) past
    MAX_DEPTH; walked without recursion, so the walk itself cannot overflow."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            return "yaml_alias", node.start_mark.line + 1
        seen.add(id(node))
        if depth > MAX_DEPTH:
            return "yaml_too_deep", node.start_mark.line + 1
        if isinstance(node, yaml.SequenceNode):
            stack += [(child, depth + 1) for child in node.value]
        elif isinstance(node, yaml.MappingNode):
            stack += [(part, depth + 1) for pair in node.value for part in pair]
    return None


def _first_bad_scalar(root: yaml.Node) -> int | None:
    """The line of the first value the parser cannot build on its own."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            try:
                yaml.SafeLoader("").construct_object(node)
            except (ValueError, OverflowError, TypeError, yaml.YAMLError):
                return node.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            stack += reversed(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack += reversed([part for pair in node.value for part in pair])
    return None

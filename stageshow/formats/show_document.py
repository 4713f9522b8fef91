"""The show file as an organiser wrote it, for editing: read and written back by a round-trip YAML library, so their
comments, key order and flow style survive every save; checked by the same loader as `stageshow check`.

The editor (比赛设置) changes values here through a few plain operations and never writes YAML text itself.
"""

from __future__ import annotations

import dataclasses
import io
import os
import tempfile
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from stageshow.domain.model import Show
from stageshow.formats.problems import Problems
from stageshow.formats.show_file import load_show
from stageshow.reports.output import written_whole


def _yaml() -> YAML:
    yaml = YAML()  # round-trip: comments, order and styles kept
    yaml.width = 4096  # never fold a long Chinese line the organiser wrote on one
    yaml.allow_unicode = True
    yaml.preserve_quotes = True  # "#E53935" stays in double quotes
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


class ShowDocument:
    def __init__(self, path: Path, data: CommentedMap) -> None:
        self.path = path
        self.data = data

    @classmethod
    def load(cls, path: Path) -> ShowDocument:
        """The show file to edit. OSError or ruamel's YAMLError when it cannot be read: `check` says why first."""
        data = _yaml().load(path.read_text(encoding="utf-8-sig"))
        if not isinstance(data, CommentedMap):
            raise ValueError(f"{path}: not a mapping")
        return cls(path, data)

    def text(self) -> str:
        stream = io.StringIO()
        _yaml().dump(self.data, stream)
        return stream.getvalue()

    def check(self) -> tuple[Show | None, Problems]:
        """The show as `stageshow check` would read this text, from the show's own folder (so banks and media are
        found as they will be); the file itself is not touched."""
        handle, scratch = tempfile.mkstemp(prefix=".stageshow-check-", suffix=".show.yaml", dir=self.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(self.text())
            show, found = load_show(Path(scratch))
        finally:
            os.unlink(scratch)
        problems = Problems()  # each problem named at the file the organiser knows, not the scratch copy
        problems.items = [dataclasses.replace(item, path=self.path) if item.path == Path(scratch) else item
                          for item in found.items]
        return show, problems

    def save(self) -> None:
        """Write the file back, whole or not at all (OutputProblem)."""
        with written_whole(self.path) as partial:
            partial.write_text(self.text(), encoding="utf-8")

    # --- editing: each a plain value in, the document's own structure kept -------------------------------------

    def set(self, mapping: CommentedMap, key: str, value: Any) -> None:
        """Set `key` (None or "" removes it); a new key goes at the end, where a reader of the file expects it."""
        if value is None or value == "" or value == []:
            mapping.pop(key, None)
        elif key not in mapping or mapping[key] != value:
            mapping[key] = value

    def items(self, key: str) -> CommentedSeq:
        """The list under `key` (teams, rounds, awards, questions), created empty if absent."""
        if not isinstance(self.data.get(key), CommentedSeq):
            self.data[key] = CommentedSeq()
        return self.data[key]  # type: ignore[no-any-return]

    def add_item(self, key: str, entry: dict[str, Any]) -> CommentedMap:
        """Append an entry written on one line, as the examples in our files are: {id: T03, name: …}."""
        item = CommentedMap(entry)
        item.fa.set_flow_style()
        self.items(key).append(item)
        return item


def plain_value(text: str) -> Any:
    """What a field typed in the editor means in YAML: a whole number, a decimal, true/false, or the text itself.
    The loader then checks it as it checks a hand-written file."""
    text = text.strip()
    if text.lower() in ("true", "false", "是", "否"):
        return text.lower() in ("true", "是")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    if not number.is_finite():
        return text
    return int(number) if number == number.to_integral_value() else float(number)


def flow_list(values: list[Any]) -> CommentedSeq:
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def flow_map(values: dict[str, Any]) -> CommentedMap:
    mapping = CommentedMap(values)
    mapping.fa.set_flow_style()
    return mapping

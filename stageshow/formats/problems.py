"""Problems found in a user's files: each names its file and line (or sheet and cell) and says what to fix."""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stageshow.i18n import render


# What a damaged .xlsx or .docx raises from the zip and XML layers below its reader (a bad CRC, a cut download, an
# unknown compression, broken XML, a cell reference or a number no office program writes): the file's fault, and
# said as such, never an internal error.
DAMAGED_FILE = (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError, ValueError, TypeError, IndexError,
                SyntaxError, AttributeError, OverflowError, NotImplementedError)


@dataclass(frozen=True)
class Problem:
    path: Path
    where: int | str | None  # a 1-based line (YAML) or "SHEET!CELL" (Excel)
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    warning: bool = False

    def render(self, base: Path | None = None) -> str:
        path = _display_path(self.path, base)
        if isinstance(self.where, int):
            location = f"{path}:{self.where}"
        elif self.where:
            location = f"{path}[{self.where}]"
        else:
            location = str(path)
        prefix = render("warning_prefix") if self.warning else ""
        return f"{location}: {prefix}{render(self.code, **self.params)}"


def _display_path(path: Path, base: Path | None) -> str:
    base = base or Path.cwd()
    try:
        return str(path.resolve().relative_to(base.resolve()))
    except ValueError:
        return str(path)


class Problems:
    """Collects every problem of one check, so the user sees them all at once."""

    def __init__(self) -> None:
        self.items: list[Problem] = []
        self.layout: list[str] = []  # how the readers read each file's columns or parts, for `import`'s report
        self.columns: list[tuple[str, str, str | None]] = []  # (table, header as written, field or None) read

    def add(self, path: Path, where: int | str | None, code: str, **params: Any) -> None:
        self.items.append(Problem(path, where, code, params))

    def warn(self, path: Path, where: int | str | None, code: str, **params: Any) -> None:
        self.items.append(Problem(path, where, code, params, warning=True))

    @property
    def errors(self) -> list[Problem]:
        return [item for item in self.items if not item.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [item for item in self.items if item.warning]

    def __bool__(self) -> bool:
        return bool(self.errors)


class InvalidShow(Exception):
    """Raised by loaders when a file cannot be used; carries every problem found."""

    def __init__(self, problems: Problems) -> None:
        super().__init__(f"{len(problems.errors)} problems")
        self.problems = problems

"""Writing a file the user asked for: whole or not at all, and a specific message when it cannot be written.

The file is written beside its target under a temporary name and renamed into place when complete, so a failure
(a full disk, a stick pulled out) never leaves half a file, and never a false "已写入".
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from stageshow.i18n import render


class OutputProblem(Exception):
    """The file could not be written; the message names the file, the cause and the fix."""


def check_output(out: Path) -> None:
    """Refuse, before anything is written, an output the user could not mean or we could not write."""
    folder = out.absolute().parent
    if out.is_dir():
        raise OutputProblem(render("out_is_folder", path=out, example=out / f"file{out.suffix}"))
    if not folder.exists():
        raise OutputProblem(render("out_no_folder", path=out, folder=folder))
    if not folder.is_dir():
        raise OutputProblem(render("out_parent_not_folder", path=out, folder=folder))


@contextlib.contextmanager
def written_whole(out: Path) -> Iterator[Path]:
    """A temporary path beside `out` to write to; renamed to `out` when the block ends with a non-empty file."""
    check_output(out)
    try:
        handle, partial = tempfile.mkstemp(prefix=".stageshow-", suffix=out.suffix, dir=out.absolute().parent)
    except OSError as error:
        raise _problem(out, error) from None
    os.close(handle)
    try:
        yield Path(partial)
        if os.path.getsize(partial) == 0:
            raise OSError(0, render("out_empty"))
        os.replace(partial, out)
    except OSError as error:
        raise _problem(out, error) from None
    finally:
        if os.path.exists(partial):
            os.unlink(partial)


def _problem(out: Path, error: OSError) -> OutputProblem:
    return OutputProblem(render("write_failed", path=out, reason=error.strerror or type(error).__name__))

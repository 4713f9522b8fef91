"""What every command of the command line shares: its exit codes, its way of saying a problem, and whether a
screen is there for Qt."""

from __future__ import annotations

import os
import sys

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def error(message: str) -> None:
    print(message, file=sys.stderr)


def display_available() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))

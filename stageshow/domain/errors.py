"""Typed errors. Each carries a message code and its parameters; `stageshow.i18n` renders them."""

from __future__ import annotations

from typing import Any


class RuleViolation(Exception):
    """A command the rules forbid at this moment. Nothing was recorded."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        from stageshow.i18n import render  # late: i18n is optional for the engine

        return render(self.code, **self.params)

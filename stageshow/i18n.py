"""Messages in Simplified Chinese (default) and English. Code → (zh, en) templates with {named} parameters."""

from __future__ import annotations

import os
from typing import Any

from stageshow.messages import MESSAGES

_language = "en" if os.environ.get("STAGESHOW_LANG", "").lower().startswith("en") else "zh"


def set_language(language: str) -> None:
    global _language
    _language = "en" if language.lower().startswith("en") else "zh"


def language() -> str:
    return _language


def render(code: str, **params: Any) -> str:
    templates = MESSAGES.get(code)
    if templates is None:
        return f"{code} {params}" if params else code
    template = templates[1] if _language == "en" else templates[0]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template

"""A device in the hall, as the tests play it: JSON posts and the first pushed event of a stream, over real HTTP."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any


def post(port: int, path: str, body: Any = None, raw: bytes | None = None) -> tuple[int, dict[str, Any]]:
    data = raw if raw is not None else json.dumps(body if body is not None else {}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as refused:
        text = refused.read().decode("utf-8")
        try:
            return refused.code, json.loads(text)
        except ValueError:
            return refused.code, {"message": text}


def get_text(port: int, path: str) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
        return response.read().decode("utf-8")  # type: ignore[no-any-return]


def get_json(port: int, path: str) -> dict[str, Any]:
    return json.loads(get_text(port, path))  # type: ignore[no-any-return]


def first_event(port: int, path: str) -> dict[str, Any]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as stream:
        for raw in stream:
            line = raw.decode("utf-8").strip()
            if line.startswith("data: "):
                return json.loads(line[6:])
    raise AssertionError("no event")

"""The devices the hall has heard from, for the console's devices list: a judge's tablet, the host's page, a button
box, the mirror screens and the audience's phones (counted, not listed: there may be hundreds)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

ROLE_ORDER = {"judge": 0, "host": 1, "control": 2, "page": 3, "voters": 4}


@dataclass
class Device:
    role: str
    name: str
    address: str
    last_seen: float = field(default_factory=time.time)


class Devices:
    def __init__(self) -> None:
        self._known: dict[str, Device] = {}
        self._voters: dict[str, float] = {}  # voter id → last heard

    def heard(self, key: str, name: str, address: str | None) -> None:
        role = key.split(":")[0]
        if role == "voter":
            self._voters[key] = time.time()
            return
        device = self._known.get(key)
        if device is None:
            self._known[key] = Device(role, name, address or "?")
        else:
            device.address, device.last_seen = address or device.address, time.time()

    def rows(self, listeners: list[Any]) -> list[dict[str, Any]]:
        streams: dict[tuple[str, int | None], float] = {}  # a page's stream is heard from at every heartbeat
        for item in listeners:
            streams[(item.page, item.judge)] = max(item.last_seen, streams.get((item.page, item.judge), 0))
        rows = []
        for key, device in sorted(self._known.items(), key=lambda item: (ROLE_ORDER[item[1].role], _judge(item[0]))):
            stream = streams.get((device.role, _judge(key) or None))
            rows.append({"role": device.role, "name": device.name, "address": device.address,
                         "last_seen": max(device.last_seen, stream or 0), "following": stream is not None})
        pages: dict[tuple[str, str], float] = {}
        for item in listeners:
            if item.page not in ("host", "judge"):
                pages[(item.page, item.address)] = max(item.last_seen, pages.get((item.page, item.address), 0))
        rows += [{"role": "page", "name": page, "address": address, "last_seen": seen, "following": True}
                 for (page, address), seen in pages.items()]
        if self._voters:
            rows.append({"role": "voters", "name": str(len(self._voters)), "address": "",
                         "last_seen": max(self._voters.values()), "following": False})
        return rows  # judges by number, the host, the control, the pages, the phones


def _judge(key: str) -> int:
    return int(key.split(":")[1]) if key.startswith("judge:") else 0

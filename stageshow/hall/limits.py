"""Per-device rate limits: a token bucket per key (a device's token, or its address), so one phone hammering the
server is refused with 429 while every other phone goes on. Old keys are forgotten so the table stays small."""

from __future__ import annotations

import time
from dataclasses import dataclass

MAX_KEYS = 20_000


@dataclass
class _Bucket:
    tokens: float
    at: float


class RateLimit:
    def __init__(self, burst: float, per_second: float) -> None:
        self.burst, self.per_second = burst, per_second
        self._buckets: dict[str, _Bucket] = {}

    def allow(self, key: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= MAX_KEYS:
                self._forget_full(now)
            bucket = self._buckets[key] = _Bucket(self.burst, now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.at) * self.per_second)
        bucket.at = now
        if bucket.tokens < 1:
            return False
        bucket.tokens -= 1
        return True

    def _forget_full(self, now: float) -> None:
        """Drop the buckets that have refilled: they hold nothing a new bucket would not."""
        refill = self.burst / self.per_second
        self._buckets = {key: bucket for key, bucket in self._buckets.items() if now - bucket.at < refill}

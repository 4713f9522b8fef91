"""Shared helpers for the benchmark scripts: percentiles and a small generated show."""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def percentiles(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)
    return {
        "p50": statistics.median(ordered),
        "p99": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
        "max": ordered[-1],
    }


def describe(name: str, samples_ms: list[float]) -> str:
    figures = percentiles(samples_ms)
    return f"{name:<44} p50 {figures['p50']:7.3f} ms   p99 {figures['p99']:7.3f} ms   max {figures['max']:7.3f} ms"

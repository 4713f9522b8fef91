"""Exact score arithmetic: points are Decimals with at most two places."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal(0)
CENT = Decimal("0.01")
LIMIT = Decimal(10) ** 9  # far beyond any score; keeps every sum exact within Decimal's default precision


def parse_points(value: object) -> Decimal:
    """Turn a YAML/Excel/JSON value into exact points; raise ValueError if it is not a number of ≤ 2 places."""
    if isinstance(value, bool) or value is None:
        raise ValueError(value)
    if isinstance(value, float):
        value = repr(value)  # the shortest text that round-trips, so 2.5 stays 2.5, not 2.4999…
    try:
        points = Decimal(str(value).strip())
        if not points.is_finite() or abs(points) > LIMIT or points != points.quantize(CENT, rounding=ROUND_HALF_UP):
            raise ValueError(value)
    except ArithmeticError as error:  # not a number, or one so large the context overflows (1E+999999999)
        raise ValueError(value) from error
    return normalize(points)


def normalize(points: Decimal) -> Decimal:
    """Drop trailing zeros so 10.00 and 10 compare and print the same."""
    if points == points.to_integral_value():
        return Decimal(int(points))
    return points.normalize()


def round_half_up(points: Decimal) -> Decimal:
    return normalize(points.quantize(CENT, rounding=ROUND_HALF_UP))


def to_json_number(points: Decimal) -> int | float:
    """Whole numbers as JSON integers, others as the shortest decimal."""
    if points == points.to_integral_value():
        return int(points)
    return float(points)


def format_points(points: Decimal) -> str:
    return str(normalize(points))

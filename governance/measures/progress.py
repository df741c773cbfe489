"""Where a shared measure stands against its target. Pure functions, no database.

Progress is the share of the distance from baseline to target covered by the latest
reading. Whether that is on track depends on the time allowed: with a baseline date and a
target date, the measure is on track when it has covered at least as much of the distance
as of the time (a straight-line trajectory); without dates, when it has moved the right way.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Standing(StrEnum):
    MET = "met"
    ON_TRACK = "on_track"
    OFF_TRACK = "off_track"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return {
            Standing.MET: "Target met",
            Standing.ON_TRACK: "On track",
            Standing.OFF_TRACK: "Off track",
            Standing.UNKNOWN: "Not enough data",
        }[self]


@dataclass(frozen=True)
class Position:
    standing: Standing
    # Rounded to a whole per cent; None when there is no baseline, no target or they are equal.
    progress_percent: int | None
    expected_percent: int | None
    reason: str


def _is_better_or_equal(value: Decimal, than: Decimal, direction: str) -> bool:
    return value >= than if direction == "higher" else value <= than


def measure_position(
    *,
    direction: str,
    baseline: Decimal | None,
    target: Decimal | None,
    latest: Decimal | None,
    latest_on: datetime.date | None = None,
    baseline_date: datetime.date | None = None,
    target_date: datetime.date | None = None,
) -> Position:
    if direction not in ("higher", "lower"):
        return Position(Standing.UNKNOWN, None, None, "No direction set")
    if latest is None:
        return Position(Standing.UNKNOWN, None, None, "No readings yet")
    if target is None:
        return Position(Standing.UNKNOWN, None, None, "No target set")

    progress = None
    if baseline is not None and baseline != target:
        progress = round((latest - baseline) / (target - baseline) * 100)
    if _is_better_or_equal(latest, target, direction):
        return Position(Standing.MET, progress, None, "The latest reading meets the target")
    if baseline is None:
        return Position(Standing.UNKNOWN, None, None, "No baseline to measure progress from")

    expected = _expected_percent(baseline_date, target_date, latest_on)
    if expected is not None:
        on_track = progress is not None and progress >= expected
        reason = f"{progress}% of the way to target, against {expected}% of the time allowed"
    else:
        on_track = latest != baseline and _is_better_or_equal(latest, baseline, direction)
        reason = "Moving towards the target" if on_track else "Not moving towards the target"
    return Position(Standing.ON_TRACK if on_track else Standing.OFF_TRACK, progress, expected, reason)


def _expected_percent(
    baseline_date: datetime.date | None, target_date: datetime.date | None, on: datetime.date | None
) -> int | None:
    if not (baseline_date and target_date and on) or target_date <= baseline_date:
        return None
    elapsed = (on - baseline_date).days / (target_date - baseline_date).days
    return round(min(max(elapsed, 0.0), 1.0) * 100)

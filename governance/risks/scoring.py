"""Risk scoring on the 5x5 scale: bands, review intervals, flags and the heat map. Pure functions.

Bands come from settings.RISK_BANDS because the scale's bands are departmental practice,
not a Treasury rule. Nothing here touches the database.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

SCALE = range(1, 6)
MAX_SCORE = 25


@dataclass(frozen=True)
class Band:
    name: str
    max_score: int
    review_days: int
    colour: str


def risk_bands() -> list[Band]:
    """The configured bands, checked: ascending, the last one reaching 25."""
    try:
        bands = [Band(**band) for band in settings.RISK_BANDS]
    except TypeError as error:
        raise ImproperlyConfigured(
            f"RISK_BANDS entries need name, max_score, review_days, colour: {error}"
        ) from None
    ceilings = [band.max_score for band in bands]
    if not bands or ceilings != sorted(set(ceilings)) or ceilings[-1] != MAX_SCORE:
        raise ImproperlyConfigured("RISK_BANDS must rise strictly by max_score and end at 25")
    return bands


def score(likelihood: int, impact: int) -> int:
    if likelihood not in SCALE or impact not in SCALE:
        raise ValueError(f"likelihood and impact must be 1 to 5, not {likelihood} and {impact}")
    return likelihood * impact


def band_for(risk_score: int) -> Band:
    for band in risk_bands():
        if risk_score <= band.max_score:
            return band
    raise ValueError(f"score {risk_score} is above {MAX_SCORE}")


def default_review_date(risk_score: int, today: datetime.date) -> datetime.date:
    """The higher the score, the sooner the next review."""
    return today + datetime.timedelta(days=band_for(risk_score).review_days)


@dataclass(frozen=True)
class RiskFlags:
    above_threshold: bool
    no_owner: bool
    review_overdue: bool

    @property
    def any(self) -> bool:
        return self.above_threshold or self.no_owner or self.review_overdue

    @property
    def raised(self) -> list[tuple[str, str]]:
        """Each flag raised, as (status, label) for its tag."""
        flags = [
            (self.above_threshold, "above_threshold", "Above threshold"),
            (self.no_owner, "no_owner", "No owner"),
            (self.review_overdue, "review_overdue", "Review overdue"),
        ]
        return [(status, label) for raised, status, label in flags if raised]


def risk_flags(
    *,
    current_score: int | None,
    escalation_threshold: int,
    has_owner: bool,
    review_date: datetime.date | None,
    today: datetime.date,
) -> RiskFlags:
    """A risk not yet assessed (no score, no review date) is flagged only for want of an owner."""
    return RiskFlags(
        above_threshold=current_score is not None and current_score > escalation_threshold,
        no_owner=not has_owner,
        review_overdue=review_date is not None and review_date < today,
    )


@dataclass(frozen=True)
class HeatMapCell:
    likelihood: int
    impact: int
    count: int
    score: int
    band: Band


def heat_map(positions: Iterable[tuple[int, int]]) -> list[list[HeatMapCell]]:
    """Counts of risks per (likelihood, impact), as rows from impact 5 (top) down to 1."""
    return heat_map_of_counts(Counter(positions))


def heat_map_of_counts(counts: Mapping[tuple[int, int], int]) -> list[list[HeatMapCell]]:
    """The heat map of risks already counted per (likelihood, impact): none where a position is missing."""
    return [
        [
            HeatMapCell(
                likelihood,
                impact,
                counts.get((likelihood, impact), 0),
                likelihood * impact,
                band_for(likelihood * impact),
            )
            for likelihood in SCALE
        ]
        for impact in reversed(SCALE)
    ]

"""Delivery confidence across a portfolio, month by month. Pure functions over plain data.

Each month's figure is the average of every initiative's standing rating at the month's end (its
latest assurance review by then), Red 1 to Green 5, so one initiative reviewed often does not
outweigh the rest.
"""

from __future__ import annotations

import calendar
import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from governance.assurance.models import AssuranceReview
from governance.measures.charts import TrendChart, trend_chart

Confidence = AssuranceReview.Confidence
# The five-point scale's order; the three-point scale's levels sit on it at 1, 3 and 5.
SCORES = {
    Confidence.RED: 1,
    Confidence.AMBER_RED: 2,
    Confidence.AMBER: 3,
    Confidence.AMBER_GREEN: 4,
    Confidence.GREEN: 5,
}
MONTHS = 12


@dataclass(frozen=True)
class Review:
    initiative_id: int
    review_date: datetime.date
    confidence: str


@dataclass(frozen=True)
class MonthStanding:
    month_end: datetime.date
    # How many initiatives stood at each level (labels in the scale's order, best first).
    counts: list[tuple[str, int]]
    rated: int
    average: Decimal


@dataclass(frozen=True)
class ConfidenceTrend:
    months: list[MonthStanding]
    chart: TrendChart
    title: str


def month_ends(today: datetime.date, months: int = MONTHS) -> list[datetime.date]:
    """The last day of each of the `months` months up to today's, oldest first (today for this month)."""
    ends = []
    year, month = today.year, today.month
    for _ in range(months):
        last = datetime.date(year, month, calendar.monthrange(year, month)[1])
        ends.append(min(last, today))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return ends[::-1]


def _standing_at(reviews: list[Review], day: datetime.date) -> dict[int, str]:
    """Each initiative's latest rating on or before `day` (reviews come oldest first)."""
    standing: dict[int, str] = {}
    for review in reviews:
        if review.review_date <= day:
            standing[review.initiative_id] = review.confidence
    return standing


def confidence_trend(reviews: Iterable[Review], today: datetime.date) -> ConfidenceTrend:
    ordered = sorted(reviews, key=lambda review: review.review_date)
    months = []
    for day in month_ends(today):
        ratings = list(_standing_at(ordered, day).values())
        if not ratings:
            continue
        counted = Counter(ratings)
        average = Decimal(sum(SCORES[Confidence(r)] for r in ratings)) / len(ratings)
        months.append(
            MonthStanding(
                month_end=day,
                counts=[(level.label, counted[level.value]) for level in reversed(list(SCORES))],
                rated=len(ratings),
                average=average.quantize(Decimal("0.1")),
            )
        )
    chart = trend_chart([(month.month_end, month.average) for month in months], width=640, height=240)
    if months:
        title = (
            f"Average delivery confidence, from 1 (Red) to 5 (Green), at the end of each month from "
            f"{chart.first_label} to {chart.last_label}: latest {months[-1].average} across "
            f"{months[-1].rated} initiative{'s' if months[-1].rated != 1 else ''}. "
            "The figures are also in the table below."
        )
    else:
        title = "Average delivery confidence: no assurance reviews in the last 12 months"
    return ConfidenceTrend(months=months, chart=chart, title=title)

"""Delivery confidence scales and follow-up dates. Pure functions, no database."""

from __future__ import annotations

import calendar
import datetime

from governance.assurance.models import AssuranceReview

Confidence = AssuranceReview.Confidence
Scale = AssuranceReview.Scale


def levels_for(scale: str) -> list[str]:
    return [str(level) for level in AssuranceReview.SCALE_LEVELS.get(scale, [])]


def fits_scale(scale: str, confidence: str) -> bool:
    return confidence in levels_for(scale)


def scale_mismatch_message(scale: str, confidence: str) -> str:
    label = Confidence(confidence).label
    if scale == Scale.THREE_POINT:
        return (
            f"{label} is only on the five-point scale. Choose Green, Amber or Red, "
            "or choose the five-point scale for an earlier review"
        )
    return f"Choose a delivery confidence on the {Scale(scale).label.lower()} scale"


def months_after(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it is shorter (31 Jan + 1 = 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def follow_up_due(
    *, confidence: str, review_date: datetime.date, requested: datetime.date | None, months: int
):
    """The follow-up date a review should carry: the one asked for, or a default for a Red result."""
    if requested is not None:
        return requested
    if confidence == Confidence.RED:
        return months_after(review_date, months)
    return None

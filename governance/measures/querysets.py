"""Reads of shared measures and their readings."""

from __future__ import annotations

import calendar
import datetime
from typing import TYPE_CHECKING

from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone

from governance.retirement.querysets import RetirableQuerySet
from initiatives.models import Initiative
from initiatives.querysets import belongs_to_body_at, manages_initiative_at

if TYPE_CHECKING:
    from initiatives.models import User

# How far apart a measure's readings are due, by its frequency: (months, days).
READING_INTERVALS: dict[str, tuple[int, int]] = {
    "weekly": (0, 7),
    "monthly": (1, 0),
    "quarterly": (3, 0),
    "annually": (12, 0),
}


def _shift_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (or earlier), or that month's last day when it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def interval_before(day: datetime.date, frequency: str) -> datetime.date:
    """One reading interval before `day`: a reading taken then (or earlier) is due again by `day`."""
    months, days = READING_INTERVALS[frequency]
    return _shift_months(day, -months) - datetime.timedelta(days=days)


def next_reading_on(last: datetime.date, frequency: str) -> datetime.date:
    """When the reading after one taken on `last` is due."""
    months, days = READING_INTERVALS[frequency]
    return _shift_months(last, months) + datetime.timedelta(days=days)


def _due_by(day: datetime.date) -> models.Q:
    """Next reading (one interval after `last_reading_on`) on or before `day`."""
    due = models.Q()
    for frequency in READING_INTERVALS:
        due |= models.Q(frequency=frequency, last_reading_on__lte=interval_before(day, frequency))
    return due


class MeasureQuerySet(RetirableQuerySet):
    def with_last_reading(self) -> MeasureQuerySet:
        """Each with `last_reading_on`: its latest reading's date, or its baseline's before the first.
        A measure with neither has no reading due yet."""
        return self.exclude(definition="").annotate(
            last_reading_on=Coalesce(models.Max("readings__taken_on"), "baseline_date")
        )

    def reading_due_within(self, days: int, *, today: datetime.date) -> MeasureQuerySet:
        """Readings due in the next `days` days (today included), not yet overdue."""
        soon = _due_by(today + datetime.timedelta(days=days))
        return self.with_last_reading().filter(soon).exclude(_due_by(today - datetime.timedelta(days=1)))

    def reading_due_by(self, day: datetime.date) -> MeasureQuerySet:
        """Readings due on or before `day`: overdue by then, or due that day."""
        return self.with_last_reading().filter(_due_by(day))

    def reading_overdue(self, *, today: datetime.date) -> MeasureQuerySet:
        """Readings whose due date has passed."""
        return self.with_last_reading().filter(_due_by(today - datetime.timedelta(days=1)))

    def reading_due(self, today: datetime.date | None = None) -> MeasureQuerySet:
        """Your work: readings due today or overdue, in initiatives not closed."""
        today = today or timezone.localdate()
        return self.with_last_reading().filter(_due_by(today)).exclude(initiative__status="closed")

    def reported_by(self, user: User) -> MeasureQuerySet:
        """Measures `user` reports readings of: those of initiatives they are a programme manager
        of, and those their body owns, in initiatives they can see."""
        managing = manages_initiative_at(user, "initiative_id")
        in_owner_body = belongs_to_body_at(user, "owner_body_id")
        return (
            self.filter(initiative__in=Initiative.objects.visible_to(user))
            .filter(managing | in_owner_body)
            .select_related("initiative")
            .order_by("initiative__title", "name")
        )


class MeasureReadingQuerySet(models.QuerySet):
    def taken_on(self, day: datetime.date) -> MeasureReadingQuerySet:
        return self.filter(taken_on=day)

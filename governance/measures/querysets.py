"""Reads of shared measures and their readings."""

from __future__ import annotations

import calendar
import datetime
from typing import TYPE_CHECKING

from django.apps import apps
from django.db import models
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from governance.retirement.querysets import CurrentManager, RetirableQuerySet
from initiatives.models import Initiative
from initiatives.querysets import belongs_to_body_at, manages_initiative_at

if TYPE_CHECKING:
    from initiatives.models import User

# How long after the last reading the next one is due, in months (a week for weekly measures).
MONTHS_BETWEEN_READINGS = {"monthly": 1, "quarterly": 3, "annually": 12}


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` earlier, or that month's last day when it is shorter."""
    month_index = day.month - 1 - months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


class MeasureQuerySet(RetirableQuerySet):
    def reading_due(self, today: datetime.date | None = None) -> MeasureQuerySet:
        """Defined measures, in initiatives not closed, whose next reading is due: a reporting
        period (their frequency) has passed since their last reading, or, before the first, since
        their baseline date or the day they were added. Each comes with `last_reading_on`."""
        today = today or timezone.localdate()
        readings = apps.get_model("governance", "MeasureReading").objects.filter(
            measure=models.OuterRef("pk")
        )
        started = Coalesce("last_reading_on", "baseline_date", TruncDate("created_at"))
        due = models.Q(frequency="weekly", reading_period_from__lte=today - datetime.timedelta(days=7))
        for frequency, months in MONTHS_BETWEEN_READINGS.items():
            due |= models.Q(frequency=frequency, reading_period_from__lte=months_before(today, months))
        return (
            self.exclude(models.Q(definition="") | models.Q(unit="") | models.Q(direction=""))
            .exclude(initiative__status="closed")
            .annotate(last_reading_on=models.Subquery(readings.order_by("-taken_on").values("taken_on")[:1]))
            .annotate(reading_period_from=started)
            .filter(due)
        )

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


class CurrentMeasureManager(CurrentManager.from_queryset(MeasureQuerySet)):  # type: ignore[misc]
    """Current measures only, as every register's default manager, with the measure reads above."""


class MeasureReadingQuerySet(models.QuerySet):
    def taken_on(self, day: datetime.date) -> MeasureReadingQuerySet:
        return self.filter(taken_on=day)

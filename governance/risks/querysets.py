"""Reads of the shared risk register."""

from __future__ import annotations

import datetime

from django.db import models

from governance.retirement.querysets import RetirableQuerySet


class RiskQuerySet(RetirableQuerySet):
    def retired(self) -> RiskQuerySet:
        """Closed risks, whether closed with a reason or imported as closed."""
        closed = models.Q(retired_at__isnull=False) | models.Q(status=self.model.Status.CLOSED)
        return self.filter(closed).order_by(models.F("retired_at").desc(nulls_last=True), "number")

    def live(self) -> RiskQuerySet:
        """Risks not closed: open ones, and drafts from the checklist still to be assessed."""
        return self.exclude(status=self.model.Status.CLOSED)

    def review_due_within(self, days: int, *, today: datetime.date) -> RiskQuerySet:
        """Open risks whose review date is today or in the next `days` days."""
        until = today + datetime.timedelta(days=days)
        return self.filter(status=self.model.Status.OPEN, retired_at__isnull=True).filter(
            review_date__gte=today, review_date__lte=until
        )

    def review_overdue(self, *, today: datetime.date) -> RiskQuerySet:
        """Open risks whose review date has passed."""
        return self.filter(status=self.model.Status.OPEN, retired_at__isnull=True, review_date__lt=today)

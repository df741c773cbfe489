"""Reads of the shared risk register."""

from __future__ import annotations

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

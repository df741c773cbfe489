"""Reads that tell retired records from current ones."""

from __future__ import annotations

from django.db import models


class RetirableQuerySet(models.QuerySet):
    def current(self) -> RetirableQuerySet:
        """Records still in use: what the working lists, the health check and the pack's sections show."""
        return self.filter(retired_at__isnull=True)

    def retired(self) -> RetirableQuerySet:
        """Closed, retired, withdrawn, ended or stood down: the "Closed" views and the pack's annex."""
        return self.filter(retired_at__isnull=False).order_by("-retired_at")


class CurrentManager(models.Manager.from_queryset(RetirableQuerySet)):  # type: ignore[misc]
    """The default manager of a retirable register: retired records leave every working list.

    As the default manager it also serves related managers (initiative.forums), so the health
    check, the set-up page and every form's choices see only current records without each one
    remembering a filter. Reach retired ones through the model's `all_records` manager.
    """

    def get_queryset(self) -> RetirableQuerySet:
        return super().get_queryset().filter(retired_at__isnull=True)

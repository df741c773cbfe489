"""The fields every retirable record shares: when it was retired, by whom and why."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Retirable(models.Model):
    """A record that is closed, retired, withdrawn, ended or stood down instead of deleted.

    Retired records stay in the database, in their history, in CSV exports and in the pack's annex.
    """

    retired_at = models.DateTimeField(null=True, blank=True)
    retired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    retirement_reason = models.TextField(blank=True)

    class Meta:
        abstract = True

    # Other fields retiring sets, for registers whose status already says "closed" (risks);
    # restoring puts back the values they had before.
    RETIREMENT_CHANGES: dict[str, object] = {}

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None

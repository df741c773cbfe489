"""Reads of governance packs and of the jobs that build them."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models.fields.json import KeyTransform


class GovernancePackQuerySet(models.QuerySet):
    def without_content(self) -> GovernancePackQuerySet:
        """Packs without their content snapshot, which only the worker needs, but with whether it
        prints the complete registers in an annex (`with_annex`)."""
        return self.defer("content").annotate(with_annex=KeyTransform("annex", "content"))

    def live(self) -> GovernancePackQuerySet:
        """Packs that stand for their content: queued, building or ready."""
        return self.filter(status__in=self.model.LIVE_STATUSES)

    def abandoned(self, now: datetime.datetime) -> GovernancePackQuerySet:
        """Building for longer than the hard time limit: whoever was building it has gone."""
        started_before = now - datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
        return self.filter(status=self.model.Status.BUILDING, started_at__lt=started_before)

    def claimed_by_attempt(self, attempt: int) -> GovernancePackQuerySet:
        """Still building under this attempt's claim: an attempt taken over can no longer mark it."""
        return self.filter(status=self.model.Status.BUILDING, attempts=attempt)

    def highest_version(self) -> int:
        """The highest version number among these packs; 0 when there are none."""
        return self.aggregate(top=models.Max("version"))["top"] or 0

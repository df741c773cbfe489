"""Reads shared by every kind of job row run by a Celery worker (collab/job_rows.py)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q

QUEUED = "queued"


class JobQuerySet(models.QuerySet):
    @property
    def _claimed(self) -> str:
        return self.model.CLAIMED_STATUS  # type: ignore[attr-defined]

    def abandoned(self, now: datetime.datetime) -> JobQuerySet:
        """Claimed for longer than the hard time limit: whoever was running it has gone."""
        started_before = now - datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
        return self.filter(status=self._claimed, started_at__lt=started_before)

    def claimed_by_attempt(self, attempt: int) -> JobQuerySet:
        """Still claimed by this attempt: an attempt taken over can no longer mark the row."""
        return self.filter(status=self._claimed, attempts=attempt)

    def stuck_in_queue(self, before: datetime.datetime) -> JobQuerySet:
        """Queued, with no message sent since `before`: the message was probably lost."""
        return self.filter(status=QUEUED).filter(Q(enqueued_at__lt=before) | Q(enqueued_at__isnull=True))

    def claim(self, pk: int, *, now: datetime.datetime, task_id: str | None) -> bool:
        """Take the job for this worker: queued, or claimed so long ago that its worker must be gone.

        Or claimed under this very task id: with acks_late the broker delivers a message again only
        when its earlier run died, so nobody is still running it and there is no need to wait out
        the time limit.
        """
        rows = self.filter(pk=pk)
        claimable = rows.filter(status=QUEUED) | rows.abandoned(now)
        if task_id:
            claimable |= rows.filter(status=self._claimed, claimed_by_task=task_id)
        return bool(
            claimable.update(
                status=self._claimed,
                started_at=now,
                attempts=F("attempts") + 1,
                failure_reason="",
                claimed_by_task=task_id or "",
            )
        )

"""Reads of governance packs and of the jobs that build them."""

from __future__ import annotations

from django.db import models
from django.db.models.fields.json import KeyTransform

from collab.querysets import JobQuerySet


class GovernancePackQuerySet(JobQuerySet):
    def without_content(self) -> GovernancePackQuerySet:
        """Packs without their content snapshot, which only the worker needs, but with whether it
        prints the complete registers in an annex (`with_annex`)."""
        return self.defer("content").annotate(with_annex=KeyTransform("annex", "content"))

    def live(self) -> GovernancePackQuerySet:
        """Packs that stand for their content: queued, building or ready."""
        return self.filter(status__in=self.model.LIVE_STATUSES)

    def highest_version(self) -> int:
        """The highest version number among these packs; 0 when there are none."""
        return self.aggregate(top=models.Max("version"))["top"] or 0

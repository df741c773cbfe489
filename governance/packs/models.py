"""Governance packs: PDFs built by Celery workers. The row is the record; the broker only carries a nudge."""

from django.db import models

from collab.models import JobRow
from governance.packs.querysets import GovernancePackQuerySet


class GovernancePack(JobRow):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        BUILDING = "building", "Building"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    initiative = models.ForeignKey("initiatives.Initiative", on_delete=models.CASCADE, related_name="packs")
    version = models.PositiveIntegerField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    # Statuses in which a pack stands for its content: asking again returns it instead of a new job.
    LIVE_STATUSES = [Status.QUEUED, Status.BUILDING, Status.READY]
    # The status of a pack a worker has claimed (collab/job_rows.py).
    CLAIMED_STATUS = Status.BUILDING

    # sha256 of the gathered content: asking twice for the same content returns the same pack.
    content_fingerprint = models.CharField(max_length=64)
    # The records gathered when the pack was asked for, as plain JSON. The worker renders exactly
    # this, so a retry or a rebuild produces the same document and the fingerprint on its cover
    # stays true even if the records change while the job waits in the queue.
    content = models.JSONField(default=dict, blank=True)
    # Relative to settings.PRIVATE_FILES_ROOT; never served from a public URL.
    file_path = models.CharField(max_length=255, blank=True)
    file_size = models.PositiveIntegerField(null=True, blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    # Who asked, when, and the claim of the worker building it: collab/job_rows.py.

    objects = GovernancePackQuerySet.as_manager()

    class Meta:
        ordering = ["initiative", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "version"], name="pack_versions_unique"),
            # Two simultaneous requests for the same content end with one job, not two.
            models.UniqueConstraint(
                fields=["initiative", "content_fingerprint"],
                condition=models.Q(status__in=["queued", "building", "ready"]),
                name="one_live_pack_per_content",
            ),
        ]

    def __str__(self) -> str:
        return f"Pack v{self.version} of {self.initiative}"

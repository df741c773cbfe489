"""Import jobs: a confirmed CSV import, applied by a Celery worker. The row is the record (ADR 0023)."""

from django.db import models

from collab.models import JobRow
from governance.spreadsheets.querysets import ImportJobQuerySet


class ImportJob(JobRow):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Importing"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    # The status of a job a worker has claimed (collab/job_rows.py).
    CLAIMED_STATUS = Status.RUNNING
    PENDING_STATUSES = [Status.QUEUED, Status.RUNNING]

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="import_jobs"
    )
    kind = models.CharField(max_length=10)  # a register of governance/spreadsheets/registers.py
    # The rows as read from the file: the worker checks them again against the register as it is then.
    rows = models.JSONField(default=list)
    # The digest of the preview the person confirmed: the worker applies that plan or nothing.
    previewed = models.CharField(max_length=64)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    added = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    # Who asked, when, and the claim of the worker running it: collab/job_rows.py.

    objects = ImportJobQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"Import of {self.rows_total} {self.kind} into {self.initiative}"

    @property
    def is_finished(self) -> bool:
        return self.status not in self.PENDING_STATUSES

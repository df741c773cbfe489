"""Governance packs: PDFs built by Celery workers. The row is the record; the broker only carries a nudge."""

from django.conf import settings
from django.db import models


class GovernancePack(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        BUILDING = "building", "Building"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    initiative = models.ForeignKey("initiatives.Initiative", on_delete=models.CASCADE, related_name="packs")
    version = models.PositiveIntegerField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    # sha256 of the gathered content: asking twice for the same content returns the same pack.
    content_fingerprint = models.CharField(max_length=64)
    # Relative to settings.PRIVATE_FILES_ROOT; never served from a public URL.
    file_path = models.CharField(max_length=255, blank=True)
    file_size = models.PositiveIntegerField(null=True, blank=True)
    failure_reason = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["initiative", "-version"]
        constraints = [models.UniqueConstraint(fields=["initiative", "version"], name="pack_versions_unique")]

    def __str__(self) -> str:
        return f"Pack v{self.version} of {self.initiative}"

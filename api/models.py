"""Personal access tokens: how a person's own tools reach the API as them (docs/adr/0034-api-tokens.md)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

from api.querysets import ApiTokenQuerySet


class ApiToken(models.Model):
    class Scope(models.TextChoices):
        READ = "read", "Read only"
        WRITE = "write", "Read and write"

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What the token is for, so you know which to revoke.")
    scope = models.CharField(max_length=5, choices=Scope.choices, default=Scope.READ)
    # The secret's first characters, shown in lists so a person can tell their tokens apart.
    prefix = models.CharField(max_length=12)
    # SHA-256 of the whole secret, in hex: the secret itself is shown once and never stored.
    secret_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def can_write(self) -> bool:
        return self.scope == self.Scope.WRITE

    def is_expired(self, now: datetime.datetime | None = None) -> bool:
        return self.expires_at <= (now or timezone.now())

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None and not self.is_expired()

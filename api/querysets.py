"""Reads of personal access tokens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone

if TYPE_CHECKING:
    from initiatives.models import User


class ApiTokenQuerySet(models.QuerySet):
    def live(self) -> ApiTokenQuerySet:
        """Tokens that still open the API: not revoked, not expired, their holder still active."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now(), person__is_active=True)

    def of(self, person: User) -> ApiTokenQuerySet:
        return self.filter(person=person)

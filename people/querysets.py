"""Reads of invitations."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class InvitationQuerySet(models.QuerySet):
    def open(self) -> InvitationQuerySet:
        """Pending and not yet expired: can still be accepted."""
        return self.filter(status="pending", expires_at__gt=timezone.now())

    def for_address(self, email: str) -> InvitationQuerySet:
        return self.filter(email__iexact=email.strip())

    def for_team_page(self) -> InvitationQuerySet:
        """Most recent first, with the names the team page shows."""
        return self.select_related("body", "invited_by").order_by("-sent_at")

"""Reads of invitations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone

from initiatives.models import Initiative
from initiatives.querysets import manages_initiative_at

if TYPE_CHECKING:
    from initiatives.models import User


class InvitationQuerySet(models.QuerySet):
    def open(self) -> InvitationQuerySet:
        """Pending and not yet expired: can still be accepted."""
        return self.filter(status="pending", expires_at__gt=timezone.now())

    def for_address(self, email: str) -> InvitationQuerySet:
        return self.filter(email__iexact=email.strip())

    def for_team_page(self) -> InvitationQuerySet:
        """Most recent first, with the names the team page shows."""
        return self.select_related("body", "invited_by").order_by("-sent_at")

    def unanswered_for_manager(self, user: User) -> InvitationQuerySet:
        """Invitations still pending (expired ones too, to send again) in initiatives `user` is a
        programme manager of and can see: theirs to chase, resend or withdraw; oldest first."""
        return (
            self.filter(status="pending", initiative__in=Initiative.objects.visible_to(user))
            .filter(manages_initiative_at(user, "initiative_id"))
            .select_related("initiative", "body")
            .order_by("sent_at", "pk")
        )

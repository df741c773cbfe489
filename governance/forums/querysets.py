"""Reads of the escalation route and what has been sent up it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    from governance.forums.models import EscalationLevel
    from initiatives.models import User


class EscalationLevelQuerySet(models.QuerySet):
    def up_the_route(self) -> EscalationLevelQuerySet:
        """Level 1, where issues start, first."""
        return self.order_by("level")

    def with_a_meeting_forum(self) -> EscalationLevelQuerySet:
        """Levels whose forum is not stood down: only they have someone sitting at them."""
        return self.filter(forum__isnull=False, forum__retired_at__isnull=True)

    def where_person_sits(self, user: User) -> EscalationLevelQuerySet:
        """The levels `user` sits at: those whose forum they chair, while the forum is not stood
        down and they are active. The same rule, the other way round, is people_at_level()."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.with_a_meeting_forum().filter(forum__chair=user)


class EscalationQuerySet(models.QuerySet):
    def through(self, level: EscalationLevel) -> EscalationQuerySet:
        """Escalations sent up from this level or up to it."""
        return self.filter(models.Q(from_level=level) | models.Q(to_level=level))

    def with_route(self) -> EscalationQuerySet:
        """With the levels each went from and to, and who sent it, loaded."""
        return self.select_related("from_level", "to_level", "escalated_by")

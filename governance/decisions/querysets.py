"""Reads of the decision log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from governance.decisions import states as decision_states
from governance.retirement.querysets import RetirableQuerySet
from initiatives.models import Initiative

if TYPE_CHECKING:
    from initiatives.models import User


class DecisionQuerySet(RetirableQuerySet):
    def awaiting(self) -> DecisionQuerySet:
        """Submitted, and not yet decided."""
        return self.filter(status=decision_states.SUBMITTED)

    def awaiting_decision_by(self, user: User) -> DecisionQuerySet:
        """Submitted decisions naming `user` as decider, in initiatives they can still see."""
        return (
            self.awaiting()
            .filter(decider=user, initiative__in=Initiative.objects.visible_to(user))
            .select_related("initiative")
            .order_by(models.F("due_date").asc(nulls_last=True), "created_at")
        )


class DecisionTransitionQuerySet(models.QuerySet):
    def newest_first(self) -> DecisionTransitionQuerySet:
        return self.order_by("-at", "-pk")

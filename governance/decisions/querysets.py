"""Reads of the decision log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone

from governance.decisions import states as decision_states
from governance.decisions.changes.models import DecisionLink
from governance.retirement.querysets import RetirableQuerySet
from initiatives.models import Initiative

if TYPE_CHECKING:
    from governance.decisions.models import Decision, DecisionTransition
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

    def back_with_drafter(self, user: User) -> DecisionQuerySet:
        """Decisions `user` drafted that wait on them: returned for changes, or deferred and due for
        revisit (their date has come), in initiatives they can still see; the longest waiting first."""
        due = models.Q(status=decision_states.DEFERRED, deferred_until__lte=timezone.localdate())
        return (
            self.filter(models.Q(status=decision_states.RETURNED) | due)
            .filter(created_by=user, initiative__in=Initiative.objects.visible_to(user))
            .select_related("initiative")
            .order_by("updated_at")
        )

    def linked_to(self, kind: str | None) -> DecisionQuerySet:
        """Decisions linked to a record of `kind` (a slug of changes.kinds.KINDS); None: linked to none."""
        links = DecisionLink.objects.filter(decision=models.OuterRef("pk"))
        if kind is None:
            return self.exclude(models.Exists(links))
        return self.filter(models.Exists(links.filter(kind=kind)))


class DecisionTransitionQuerySet(models.QuerySet["DecisionTransition"]):
    def newest_first(self) -> DecisionTransitionQuerySet:
        return self.order_by("-at", "-pk")

    def latest_of(self, decisions: list[Decision]) -> dict[int, DecisionTransition]:
        """The latest step of each decision, by decision id, in one query."""
        latest: dict[int, DecisionTransition] = {}
        steps = self.filter(decision__in=decisions).select_related("by").order_by("decision_id", "-at", "-pk")
        for step in steps:
            latest.setdefault(step.decision_id, step)
        return latest

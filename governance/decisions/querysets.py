"""Reads of the decision log."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.apps import apps
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

    def decided_since_drafter_looked(self, user: User) -> DecisionQuerySet:
        """Decisions `user` drafted that someone else approved, rejected or deferred in the last
        NEWS_DAYS days and that `user` has not opened since (DecisionSeen): the news on Your work.

        Each comes with `decided_at`, `decided_by_name` and `decided_comment` from its latest step.
        """
        steps = apps.get_model("governance", "DecisionTransition").objects.filter(
            decision=models.OuterRef("pk")
        )
        latest = steps.order_by("-at", "-pk")
        seen = apps.get_model("governance", "DecisionSeen").objects.filter(
            decision=models.OuterRef("pk"), person=user
        )
        since = timezone.now() - datetime.timedelta(days=NEWS_DAYS)
        return (
            self.filter(
                status__in=DECIDED_NEWS, created_by=user, initiative__in=Initiative.objects.visible_to(user)
            )
            .annotate(
                decided_at=models.Subquery(latest.values("at")[:1]),
                decided_by_id=models.Subquery(latest.values("by_id")[:1]),
                decided_by_name=models.Subquery(latest.values("by__full_name")[:1]),
                decided_comment=models.Subquery(latest.values("comment")[:1]),
                seen_at=models.Subquery(seen.values("seen_at")[:1]),
            )
            .filter(decided_at__gte=since)
            .exclude(decided_by_id=user.pk)
            .filter(models.Q(seen_at__isnull=True) | models.Q(seen_at__lt=models.F("decided_at")))
            .select_related("initiative")
            .order_by("-decided_at")
        )


# What counts as news for a drafter, and for how long it stays news if they never open it.
DECIDED_NEWS = (decision_states.APPROVED, decision_states.REJECTED, decision_states.DEFERRED)
NEWS_DAYS = 30


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

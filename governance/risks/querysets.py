"""Reads of the shared risk register."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone

from governance.retirement.querysets import RetirableQuerySet
from initiatives.models import Initiative

if TYPE_CHECKING:
    from initiatives.models import User


def _flag_conditions(model, today: datetime.date) -> dict[str, models.Q]:
    """The register's flags, as conditions: the one statement of each rule, for a risk's own flags
    (annotated) and for the counts and heat map of many (aggregated in the database).
    A closed risk raises none; a draft is not assessed, so it is flagged only for want of an owner."""
    assessed = models.Q(status=model.Status.OPEN)
    score = models.F("current_likelihood") * models.F("current_impact")
    return {
        "above_threshold": assessed & models.Q(escalation_threshold__lt=score),
        "no_owner": ~models.Q(status=model.Status.CLOSED) & models.Q(owner__isnull=True),
        "review_overdue": assessed & models.Q(review_date__lt=today),
    }


class RiskQuerySet(RetirableQuerySet):
    def with_flags(self, *, today: datetime.date) -> RiskQuerySet:
        """Each risk with `flag_above_threshold`, `flag_no_owner` and `flag_review_overdue`."""
        return self.annotate(
            **{
                f"flag_{name}": models.ExpressionWrapper(condition, output_field=models.BooleanField())
                for name, condition in _flag_conditions(self.model, today).items()
            }
        )

    def flag_counts(self, *, today: datetime.date) -> dict[str, int]:
        """How many of these risks raise each flag, and how many are drafts not yet assessed: one query,
        whatever their number."""
        counts = {
            name: models.Count("pk", filter=condition)
            for name, condition in _flag_conditions(self.model, today).items()
        }
        drafts = models.Count("pk", filter=models.Q(status=self.model.Status.DRAFT))
        return self.order_by().aggregate(**counts, not_yet_assessed=drafts)

    def heat_map_cells(self, *, today: datetime.date) -> list[tuple[int, int, int, int]]:
        """(likelihood, impact, risks, risks above threshold) for each current position of these risks that
        is on the heat map: open ones only, as drafts have no position until they are assessed."""
        above = _flag_conditions(self.model, today)["above_threshold"]
        return list(
            self.filter(
                status=self.model.Status.OPEN, current_likelihood__isnull=False, current_impact__isnull=False
            )
            .order_by()
            .values_list("current_likelihood", "current_impact")
            .annotate(risks=models.Count("pk"), above=models.Count("pk", filter=above))
        )

    def retired(self) -> RiskQuerySet:
        """Closed risks, whether closed with a reason or imported as closed."""
        closed = models.Q(retired_at__isnull=False) | models.Q(status=self.model.Status.CLOSED)
        return self.filter(closed).order_by(models.F("retired_at").desc(nulls_last=True), "number")

    def live(self) -> RiskQuerySet:
        """Risks not closed: open ones, and drafts from the checklist still to be assessed."""
        return self.exclude(status=self.model.Status.CLOSED)

    def review_due_within(self, days: int, *, today: datetime.date) -> RiskQuerySet:
        """Open risks whose review date is today or in the next `days` days."""
        until = today + datetime.timedelta(days=days)
        return self.filter(status=self.model.Status.OPEN, retired_at__isnull=True).filter(
            review_date__gte=today, review_date__lte=until
        )

    def review_overdue(self, *, today: datetime.date) -> RiskQuerySet:
        """Open risks whose review date has passed."""
        return self.filter(status=self.model.Status.OPEN, retired_at__isnull=True, review_date__lt=today)

    def open_for(self, user: User) -> RiskQuerySet:
        """Open, current risks in initiatives `user` can see."""
        return self.current().filter(
            status=self.model.Status.OPEN, initiative__in=Initiative.objects.visible_to(user)
        )

    def owned_by(self, user: User) -> RiskQuerySet:
        """Open risks `user` owns, in initiatives they can see."""
        return self.open_for(user).filter(owner=user)

    def needing_attention(self) -> RiskQuerySet:
        """Above their escalation threshold, past their review date, or with no open action though
        they are to be treated, transferred or terminated (a tolerated risk needs none). Each comes
        with `above_threshold`, `review_passed` and `has_open_action` to say why."""
        actions = self.model.actions.rel.related_model.objects.filter(
            risk=models.OuterRef("pk"), kind="action", status="open"
        )
        score = models.F("current_likelihood") * models.F("current_impact")
        above = models.Q(current_score_value__gt=models.F("escalation_threshold"))
        overdue = models.Q(review_date__lt=timezone.localdate())
        unactioned = models.Q(has_open_action=False) & ~models.Q(treatment=self.model.Treatment.TOLERATE)
        return (
            self.annotate(
                current_score_value=models.ExpressionWrapper(score, output_field=models.IntegerField()),
                has_open_action=models.Exists(actions),
                above_threshold=models.ExpressionWrapper(above, output_field=models.BooleanField()),
                review_passed=models.ExpressionWrapper(overdue, output_field=models.BooleanField()),
            )
            .filter(above | overdue | unactioned)
            .select_related("initiative")
            .order_by("initiative__title", "number")
        )

    def escalated_to(self, levels: models.QuerySet) -> RiskQuerySet:
        """Risks now at one of these escalation levels (EscalationLevel.objects.where_person_sits)."""
        return self.filter(escalation_level__in=levels).select_related("initiative", "escalation_level")


class RiskActionQuerySet(models.QuerySet):
    def due_by(self, date: datetime.date) -> RiskActionQuerySet:
        """Open actions, on open current risks, due on or before `date` (overdue ones too), with an
        active owner to remind."""
        return self.filter(
            kind="action",
            status="open",
            owner__is_active=True,
            due_date__lte=date,
            risk__status="open",
            risk__retired_at__isnull=True,
        )

    def assigned_to(self, user: User) -> RiskActionQuerySet:
        """Open actions (not controls) `user` owns, on open risks in initiatives they can see;
        the soonest due first."""
        return (
            # Risk.objects.open_for's conditions, on the joined risk: a subquery of open risks is
            # checked once per action, the visible initiatives once.
            self.filter(owner=user, kind="action", status="open")
            .filter(
                risk__status="open",
                risk__retired_at__isnull=True,
                risk__initiative__in=Initiative.objects.visible_to(user).values("pk"),
            )
            .select_related("risk__initiative")
            .order_by(models.F("due_date").asc(nulls_last=True), "pk")
        )

"""Reads of assurance reviews and their recommendations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from governance.assurance import states as closure
from initiatives.models import Initiative
from initiatives.querysets import belongs_to_body_at, manages_initiative_at

if TYPE_CHECKING:
    from initiatives.models import User


class AssuranceReviewQuerySet(models.QuerySet):
    def newest_first(self) -> AssuranceReviewQuerySet:
        return self.order_by("-review_date", "-pk")


class RecommendationQuerySet(models.QuerySet):
    def of(self, initiative: Initiative) -> RecommendationQuerySet:
        """Every recommendation of every review of the initiative."""
        return self.filter(review__initiative=initiative)

    def awaiting_closure_review_by(self, user: User) -> RecommendationQuerySet:
        """Proposed closed in initiatives `user` is assigned to assure, by someone else: theirs to
        confirm or reopen."""
        return (
            self.filter(status=closure.PROPOSED_CLOSED)
            .filter(review__initiative__in=Initiative.objects.visible_to(user).reviewed_by(user))
            .exclude(proposed_by=user)
            .select_related("review__initiative")
            .order_by("proposed_at", "pk")
        )

    def owned_by_side_of(self, user: User) -> RecommendationQuerySet:
        """Open recommendations for `user`'s side to act on and propose closed: those of a body they
        belong to, and every one in initiatives they are a programme manager of; soonest due first."""
        managing = manages_initiative_at(user, "review__initiative_id")
        in_owner_body = belongs_to_body_at(user, "owner_body_id")
        return (
            self.filter(status=closure.OPEN, review__initiative__in=Initiative.objects.visible_to(user))
            .filter(managing | in_owner_body)
            .select_related("review__initiative", "owner_body")
            .order_by("due_date", "pk")
        )


class RecommendationStepQuerySet(models.QuerySet):
    def newest_first(self) -> RecommendationStepQuerySet:
        return self.order_by("-at", "-pk")

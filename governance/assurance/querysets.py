"""Reads of assurance reviews and their recommendations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    from initiatives.models import Initiative


class AssuranceReviewQuerySet(models.QuerySet):
    def newest_first(self) -> AssuranceReviewQuerySet:
        return self.order_by("-review_date", "-pk")


class RecommendationQuerySet(models.QuerySet):
    def of(self, initiative: Initiative) -> RecommendationQuerySet:
        """Every recommendation of every review of the initiative."""
        return self.filter(review__initiative=initiative)


class RecommendationStepQuerySet(models.QuerySet):
    def newest_first(self) -> RecommendationStepQuerySet:
        return self.order_by("-at", "-pk")

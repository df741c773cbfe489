"""Reads of portfolio office grants."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    from initiatives.models import User


class PortfolioGrantQuerySet(models.QuerySet):
    def current(self) -> PortfolioGrantQuerySet:
        """Grants not ended."""
        return self.filter(ended_at__isnull=True)

    def held_by(self, user: User) -> PortfolioGrantQuerySet:
        """The user's current grants, each with its body."""
        return self.current().filter(person=user).select_related("body")

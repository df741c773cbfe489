"""Portfolio offices: people at the centre (Cabinet Office, HM Treasury) who see the portfolio of
one body's initiatives, or of every body's, without belonging to those bodies."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from initiatives.portfolio_offices.querysets import PortfolioGrantQuerySet


class PortfolioGrant(models.Model):
    """A person's grant as a portfolio office, on one body or (with no body) on all bodies.

    Given and ended by the service administrator; ended, never deleted, so who could see what, and
    when, stays on record.
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="portfolio_grants"
    )
    body = models.ForeignKey(
        "initiatives.Body",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="portfolio_grants",
        help_text="Leave empty for a portfolio office on all bodies.",
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()
    objects = PortfolioGrantQuerySet.as_manager()

    class Meta:
        ordering = ["person__full_name", "body__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "body"],
                condition=models.Q(ended_at__isnull=True),
                name="one_current_portfolio_grant_per_body",
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(ended_at__isnull=True, body__isnull=True),
                name="one_current_portfolio_grant_on_all_bodies",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: portfolio office on {self.scope}"

    @property
    def scope(self) -> str:
        return self.body.name if self.body else "all bodies"

    @property
    def is_current(self) -> bool:
        return self.ended_at is None

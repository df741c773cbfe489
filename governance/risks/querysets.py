"""Reads of the shared risk register."""

from __future__ import annotations

from governance.retirement.querysets import RetirableQuerySet


class RiskQuerySet(RetirableQuerySet):
    def live(self) -> RiskQuerySet:
        """Risks not closed: open ones, and drafts from the checklist still to be assessed."""
        return self.exclude(status=self.model.Status.CLOSED)

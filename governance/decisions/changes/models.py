"""What a decision is about and what it changes, and what it showed when it was decided.

The kinds of record a decision may link to, and the changes it may carry, are declared once in
governance/decisions/changes/kinds.py; here they are plain rows (docs/adr/0012).
"""

from __future__ import annotations

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class DecisionLink(models.Model):
    """A record the decision concerns, with the values approval would give it ({} for none).

    Added and removed only while the decision can still be edited; approval applies `proposed`
    through the record's own service.
    """

    decision = models.ForeignKey("governance.Decision", on_delete=models.CASCADE, related_name="links")
    # A slug of governance.decisions.changes.kinds.KINDS.
    kind = models.CharField(max_length=20)
    target_id = models.PositiveIntegerField()
    proposed = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["decision", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "kind", "target_id"], name="decision_links_unique")
        ]

    def __str__(self) -> str:
        return f"{self.decision_id}: {self.kind} {self.target_id}"


class DecisionSnapshot(models.Model):
    """What a decision showed when it was approved or rejected: its RACI row and the linked records'
    values before and after, as plain text. Written once, at the decision; never changed."""

    decision = models.OneToOneField("governance.Decision", on_delete=models.PROTECT, related_name="snapshot")
    taken_at = models.DateTimeField(auto_now_add=True)
    content = models.JSONField(encoder=DjangoJSONEncoder)

    def __str__(self) -> str:
        return f"Snapshot of decision {self.decision_id}"

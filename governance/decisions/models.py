"""The decision log. A decided decision is never edited; a change is a new decision that supersedes it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from governance.decisions import states as decision_states
from governance.decisions.querysets import DecisionQuerySet, DecisionTransitionQuerySet
from governance.retirement.models import Retirable


class Decision(Retirable):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Awaiting decision"
        # Sent back by the decider, with a comment, for its drafter to change and submit again.
        RETURNED = "returned", "Returned for changes"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        DEFERRED = "deferred", "Deferred"
        # Replaced by a newer decision (decisions.supersedes); kept, with its trail, unchanged.
        SUPERSEDED = "superseded", "Superseded"
        # Taken back by its drafter before it was decided; kept, with its trail and the reason.
        WITHDRAWN = "withdrawn", "Withdrawn"

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="decisions"
    )
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    context = models.TextField()
    options = models.TextField(help_text="The options considered, one per line.")
    recommendation = models.TextField()
    due_date = models.DateField(null=True, blank=True)
    raci_row = models.ForeignKey(
        "governance.RaciRow", on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
    # Fixed at submission: the holder of the RACI A for the activity, else the senior owner.
    # States and the moves between them are declared in governance/decisions/states.py.
    decider = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions_to_take",
    )
    # Fixed with the decider: why it went to them when the named decider drafted or submitted it (duties.py).
    decider_reason = models.CharField(max_length=400, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    # While deferred: the date the decider gave to revisit it. From then it is due for revisit.
    deferred_until = models.DateField(null=True, blank=True)
    supersedes = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="superseded_by"
    )
    escalation_level = models.ForeignKey(
        "governance.EscalationLevel", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Draft edits and state moves, field by field; the trail (DecisionTransition) says why.
    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["initiative", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "number"], name="decision_numbers_unique")
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("governance:decision", kwargs={"slug": self.initiative.slug, "number": self.number})

    @property
    def reference(self) -> str:
        return f"D{self.number:03d}"

    @property
    def due_for_revisit(self) -> bool:
        """Deferred, and the date it was deferred to has come: its drafter may bring it back."""
        return (
            self.status == decision_states.DEFERRED
            and self.deferred_until is not None
            and self.deferred_until <= timezone.localdate()
        )


class DecisionTransition(models.Model):
    """One step of a decision's trail: who moved it from which state to which, when, and why.

    Append-only, backed by a PostgreSQL trigger (docs/adr/0002-append-only-decision-trail.md).
    """

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="transitions")
    from_status = models.CharField(max_length=10, choices=Decision.Status.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=Decision.Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    comment = models.TextField(blank=True)
    # A deferral's date to revisit, as the decider gave it (the decision keeps only the latest).
    deferred_until = models.DateField(null=True, blank=True)

    objects = DecisionTransitionQuerySet.as_manager()

    class Meta:
        ordering = ["decision", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.decision}: {self.from_status or 'new'} -> {self.to_status}"


class DecisionSeen(models.Model):
    """When a decision's drafter last opened it: Your work shows a decision decided since then."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "person"], name="one_seen_time_per_decision_and_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.decision} seen by {self.person} at {self.seen_at}"


class DecisionEmailFailure(models.Model):
    """An email about a decision that did not reach someone: who was not told, and why.

    Shown on the decision page to its programme managers, who may send it again (resent_at).
    """

    class Kind(models.TextChoices):
        AWAITING = "awaiting", "Decision needed"
        DECIDED = "decided", "Decision made"
        RETURNED = "returned", "Returned for changes"

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="email_failures")
    transition = models.ForeignKey(DecisionTransition, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The address it was sent to, as it was then.
    address = models.EmailField()
    reason = models.TextField()
    at = models.DateTimeField(auto_now_add=True)
    resent_at = models.DateTimeField(null=True, blank=True)
    resent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["decision", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.decision}: not sent to {self.address}"

"""The shared risk register, on Orange Book lines: scored positions, appetite, treatment and history."""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from governance.retirement.models import Retirable
from governance.risks.querysets import RiskActionQuerySet, RiskQuerySet

ONE_TO_FIVE = [MinValueValidator(1), MaxValueValidator(5)]


def _score_field(verbose_name: str) -> models.PositiveSmallIntegerField:
    # Empty only while the risk is a draft not yet assessed (see the check constraint below).
    return models.PositiveSmallIntegerField(verbose_name, validators=ONE_TO_FIVE, null=True, blank=True)


def _product(likelihood: int | None, impact: int | None) -> int | None:
    return None if likelihood is None or impact is None else likelihood * impact


class Risk(Retirable):
    class Category(models.TextChoices):
        STRATEGY = "strategy", "Strategy"
        GOVERNANCE = "governance", "Governance"
        OPERATIONS = "operations", "Operations"
        LEGAL = "legal", "Legal"
        PROPERTY = "property", "Property"
        FINANCIAL = "financial", "Financial"
        COMMERCIAL = "commercial", "Commercial"
        PEOPLE = "people", "People"
        TECHNOLOGY = "technology", "Technology"
        INFORMATION = "information", "Information and data"
        SECURITY = "security", "Security"
        PROJECT = "project", "Project and programme"
        REPUTATIONAL = "reputational", "Reputational"

    class Appetite(models.TextChoices):
        # The Government Finance Function's risk appetite levels.
        AVERSE = "averse", "Averse"
        MINIMAL = "minimal", "Minimal"
        CAUTIOUS = "cautious", "Cautious"
        OPEN = "open", "Open"
        EAGER = "eager", "Eager"

    class Treatment(models.TextChoices):
        TOLERATE = "tolerate", "Tolerate"
        TREAT = "treat", "Treat"
        TRANSFER = "transfer", "Transfer"
        TERMINATE = "terminate", "Terminate"

    class Proximity(models.TextChoices):
        IMMINENT = "imminent", "Imminent (within 3 months)"
        NEAR = "near", "Near (3 to 12 months)"
        DISTANT = "distant", "Distant (over 12 months)"

    class Status(models.TextChoices):
        # A draft came from the operating-model checklist and has not been assessed yet: it has
        # no scores, category, appetite, treatment or review date, so it stays off the heat map
        # and reads "Not yet assessed" until someone assesses it, which opens it.
        DRAFT = "draft", "Draft"
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    initiative = models.ForeignKey("initiatives.Initiative", on_delete=models.CASCADE, related_name="risks")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    cause = models.TextField(blank=True)
    effect = models.TextField(blank=True)
    category = models.CharField(max_length=20, choices=Category.choices, blank=True)
    owner_body = models.ForeignKey(
        "initiatives.Body", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="owned_risks"
    )
    is_joint = models.BooleanField("joint risk", default=False)
    inherent_likelihood = _score_field("inherent likelihood")
    inherent_impact = _score_field("inherent impact")
    current_likelihood = _score_field("current likelihood")
    current_impact = _score_field("current impact")
    target_likelihood = _score_field("target likelihood")
    target_impact = _score_field("target impact")
    appetite = models.CharField(max_length=10, choices=Appetite.choices, blank=True)
    treatment = models.CharField(max_length=10, choices=Treatment.choices, blank=True)
    proximity = models.CharField(max_length=10, choices=Proximity.choices, blank=True)
    # A current score (likelihood x impact) above this sends the risk up the escalation route.
    escalation_threshold = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(25)], default=15
    )
    review_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=6, choices=Status.choices, default=Status.OPEN)
    # The operating-model checklist item this risk was started from, so it is not offered again.
    checklist_item = models.CharField(max_length=300, blank=True)
    escalation_level = models.ForeignKey(
        "governance.EscalationLevel", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = RiskQuerySet.as_manager()

    # A closed risk's status says so too: the register, the heat map and the pack read the status.
    RETIREMENT_CHANGES = {"status": Status.CLOSED}

    @property
    def is_retired(self) -> bool:
        # A risk imported as "Closed" is closed too, though nobody gave a reason.
        return self.retired_at is not None or self.status == self.Status.CLOSED

    # The statuses of the working register; a closed risk is in the closed view.
    WORKING_STATUSES = [(Status.DRAFT, Status.DRAFT.label), (Status.OPEN, Status.OPEN.label)]

    class Meta:
        ordering = ["initiative", "number"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "number"], name="risk_numbers_unique"),
            # An open risk has its whole assessment; a draft has none until it is assessed, and
            # a draft closed as not needed never gets one.
            models.CheckConstraint(
                condition=~models.Q(status="open")
                | models.Q(
                    inherent_likelihood__isnull=False,
                    inherent_impact__isnull=False,
                    current_likelihood__isnull=False,
                    current_impact__isnull=False,
                    target_likelihood__isnull=False,
                    target_impact__isnull=False,
                    review_date__isnull=False,
                )
                & ~models.Q(category="")
                & ~models.Q(appetite="")
                & ~models.Q(treatment=""),
                name="risk_assessed_unless_draft",
                violation_error_message=(
                    "An open risk needs its scores, category, risk appetite, treatment and review date"
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    @property
    def raised_on(self) -> datetime.date:
        """The day the risk was raised: today for one being added."""
        return timezone.localdate(self.created_at) if self.created_at else timezone.localdate()

    @property
    def reference(self) -> str:
        return f"R{self.number:03d}"

    @property
    def is_assessed(self) -> bool:
        """False for a draft from the checklist (and one closed unassessed): its position is
        not known, which is not the same as middling."""
        return self.status != self.Status.DRAFT and self.current_score is not None

    @property
    def inherent_score(self) -> int | None:
        return _product(self.inherent_likelihood, self.inherent_impact)

    @property
    def current_score(self) -> int | None:
        return _product(self.current_likelihood, self.current_impact)

    @property
    def target_score(self) -> int | None:
        return _product(self.target_likelihood, self.target_impact)

    @property
    def is_above_threshold(self) -> bool:
        return self.current_score is not None and self.current_score > self.escalation_threshold


class RiskScoreChange(models.Model):
    """Every change of a risk's likelihood or impact, at any position, with who and when."""

    class Position(models.TextChoices):
        INHERENT = "inherent", "Inherent"
        CURRENT = "current", "Current"
        TARGET = "target", "Target"

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="score_changes")
    position = models.CharField(max_length=8, choices=Position.choices)
    old_likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    old_impact = models.PositiveSmallIntegerField(null=True, blank=True)
    new_likelihood = models.PositiveSmallIntegerField()
    new_impact = models.PositiveSmallIntegerField()
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["risk", "changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.risk} {self.position}: {self.new_likelihood}x{self.new_impact}"


class RiskAction(models.Model):
    """A control already in place, or an action still to take, with its owner and due date."""

    class Kind(models.TextChoices):
        CONTROL = "control", "Control"
        ACTION = "action", "Action"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    description = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    owner_body = models.ForeignKey(
        "initiatives.Body", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=4, choices=Status.choices, default=Status.OPEN)

    history = HistoricalRecords()
    objects = RiskActionQuerySet.as_manager()

    class Meta:
        ordering = ["risk", "kind", "due_date", "pk"]

    def __str__(self) -> str:
        return self.description[:60]

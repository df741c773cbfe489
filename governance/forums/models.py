"""Forums where the partners meet, and the route an issue takes upwards."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from governance.forums.querysets import EscalationLevelQuerySet, EscalationQuerySet
from governance.retirement.models import Retirable
from governance.retirement.querysets import CurrentManager, RetirableQuerySet


class Forum(Retirable):
    """A forum where the partners meet; stood down rather than deleted."""

    class Purpose(models.TextChoices):
        DECISIONS = "decisions", "Decisions"
        DELIVERY = "delivery", "Delivery"
        RISK = "risk", "Risk"

    class Cadence(models.TextChoices):
        WEEKLY = "weekly", "Weekly"
        FORTNIGHTLY = "fortnightly", "Fortnightly"
        MONTHLY = "monthly", "Monthly"
        QUARTERLY = "quarterly", "Quarterly"
        AS_NEEDED = "as_needed", "As needed"

    initiative = models.ForeignKey("initiatives.Initiative", on_delete=models.CASCADE, related_name="forums")
    name = models.CharField(max_length=150)
    purpose = models.CharField(max_length=10, choices=Purpose.choices)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    member_bodies = models.ManyToManyField("initiatives.Body", blank=True, related_name="+")
    members = models.TextField(blank=True, help_text="Named members or roles, one per line.")
    cadence = models.CharField(max_length=12, choices=Cadence.choices)
    # One meeting's date: with the cadence, it puts the forum's meetings in calendars.
    meets_from = models.DateField("first meeting", null=True, blank=True)
    terms_of_reference = models.TextField(blank=True)

    history = HistoricalRecords()
    # Stood-down forums leave every list; all_records still finds them.
    objects = CurrentManager()
    all_records = RetirableQuerySet.as_manager()

    class Meta:
        ordering = ["initiative", "purpose", "name"]

    def __str__(self) -> str:
        return self.name


class EscalationLevel(models.Model):
    """One rung of the escalation route; level 1 is where issues start."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="escalation_levels"
    )
    level = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=150)
    who = models.CharField(max_length=200, help_text="The person or forum that handles issues at this level.")
    forum = models.ForeignKey(Forum, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    threshold = models.TextField(help_text="What sends an issue up from this level to the next.")

    history = HistoricalRecords()
    objects = EscalationLevelQuerySet.as_manager()

    class Meta:
        ordering = ["initiative", "level"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "level"], name="escalation_levels_unique"),
            models.CheckConstraint(condition=models.Q(level__gte=1), name="escalation_level_from_one"),
        ]

    def __str__(self) -> str:
        return f"Level {self.level}: {self.name}"


class Escalation(models.Model):
    """A risk or decision sent up the route. Append-only: it records that it happened."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="escalations"
    )
    risk = models.ForeignKey(
        "governance.Risk", on_delete=models.CASCADE, null=True, blank=True, related_name="escalations"
    )
    decision = models.ForeignKey(
        "governance.Decision", on_delete=models.CASCADE, null=True, blank=True, related_name="escalations"
    )
    from_level = models.ForeignKey(
        EscalationLevel, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Empty when escalated past the top of the route, to the board.
    to_level = models.ForeignKey(
        EscalationLevel, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    to_board = models.BooleanField(default=False)
    reason = models.TextField()
    escalated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    escalated_at = models.DateTimeField(auto_now_add=True)

    objects = EscalationQuerySet.as_manager()

    class Meta:
        ordering = ["-escalated_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(risk__isnull=False) | models.Q(decision__isnull=False),
                name="escalation_is_of_a_risk_or_decision",
            )
        ]

    def __str__(self) -> str:
        return f"Escalation of {self.risk or self.decision}"

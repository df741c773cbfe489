"""Shared outcome measures: the joint outcomes the public experiences, and dated readings of them."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from governance.measures.querysets import MeasureQuerySet, MeasureReadingQuerySet
from governance.retirement.models import Retirable
from governance.retirement.querysets import CurrentManager, RetirableQuerySet


class MeasureManager(CurrentManager.from_queryset(MeasureQuerySet)):  # type: ignore[misc]
    """Current measures, with the reads of MeasureQuerySet."""


class Measure(Retirable):
    class Direction(models.TextChoices):
        HIGHER_IS_BETTER = "higher", "Higher is better"
        LOWER_IS_BETTER = "lower", "Lower is better"

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", "Weekly"
        MONTHLY = "monthly", "Monthly"
        QUARTERLY = "quarterly", "Quarterly"
        ANNUALLY = "annually", "Annually"

    class BenefitType(models.TextChoices):
        # Government Efficiency Framework terms; a benefit is counted once, by the body that invests.
        CASH_RELEASING = "cash_releasing", "Cash-releasing efficiency"
        NON_CASH_RELEASING = "non_cash_releasing", "Non-cash-releasing efficiency"
        NOT_AN_EFFICIENCY = "not_efficiency", "Outcome, not an efficiency"

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="measures"
    )
    name = models.CharField(max_length=200)
    # Blank only while a measure started from the checklist is a draft; the form requires them.
    definition = models.TextField(blank=True)
    unit = models.CharField(max_length=50, blank=True)
    baseline = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    baseline_date = models.DateField(null=True, blank=True)
    target = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    target_date = models.DateField(null=True, blank=True)
    direction = models.CharField(max_length=6, choices=Direction.choices, blank=True)
    data_source = models.CharField(max_length=200, blank=True)
    owner_body = models.ForeignKey(
        "initiatives.Body", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.MONTHLY)
    investing_body = models.ForeignKey(
        "initiatives.Body", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    benefiting_bodies = models.ManyToManyField("initiatives.Body", blank=True, related_name="+")
    benefit_type = models.CharField(
        max_length=20, choices=BenefitType.choices, default=BenefitType.NOT_AN_EFFICIENCY
    )
    agreed_before_start = models.BooleanField("agreed before work started", default=False)
    agreed_on = models.DateField(null=True, blank=True)
    # The operating-model checklist item this measure was started from, so it is not offered again.
    checklist_item = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    # Retired measures leave every list; all_records still finds them.
    objects = MeasureManager()
    all_records = RetirableQuerySet.as_manager()

    class Meta:
        ordering = ["initiative", "name"]
        # Case-insensitive, as the form checks.
        constraints = [models.UniqueConstraint("initiative", Lower("name"), name="measure_names_unique")]

    def __str__(self) -> str:
        return self.name

    @property
    def reference(self) -> str:
        """How exports and imports name the measure: M and its number, as R001 names a risk."""
        return f"M{self.pk:03d}"

    @property
    def is_draft(self) -> bool:
        """Started from the checklist and not yet defined."""
        return not (self.definition and self.unit and self.direction)


class MeasureReading(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="readings")
    taken_on = models.DateField()
    value = models.DecimalField(max_digits=14, decimal_places=2)
    note = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = MeasureReadingQuerySet.as_manager()

    class Meta:
        ordering = ["measure", "taken_on"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "taken_on"], name="one_reading_per_measure_and_date")
        ]

    def __str__(self) -> str:
        return f"{self.measure} on {self.taken_on}: {self.value}"

"""Shared data definitions, and the agreement that lets bodies exchange records lawfully."""

from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from governance.glossary.querysets import BodyMeaningQuerySet
from governance.retirement.models import Retirable
from governance.retirement.querysets import CurrentManager, RetirableQuerySet


class DataDefinition(Retirable):
    """A term in the initiative's glossary, with each body's meaning and the agreed one."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        AGREED = "agreed", "Agreed"
        DISPUTED = "disputed", "Disputed"

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="data_definitions"
    )
    term = models.CharField(max_length=100)
    agreed_meaning = models.TextField(blank=True)
    master_body = models.ForeignKey(
        "initiatives.Body",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The body that masters this data.",
    )
    standard = models.CharField("identifier or format standard", max_length=200, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PROPOSED)
    agreed_on = models.DateField(null=True, blank=True)
    # The operating-model checklist item this term was started from, so it is not offered again.
    checklist_item = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()
    # Withdrawn terms leave the glossary; all_records still finds them.
    objects = CurrentManager()
    all_records = RetirableQuerySet.as_manager()

    class Meta:
        ordering = ["initiative", "term"]
        # Case-insensitive, as the form checks: "Customer" and "customer" are one term.
        constraints = [models.UniqueConstraint("initiative", Lower("term"), name="glossary_terms_unique")]

    def __str__(self) -> str:
        return self.term


class BodyMeaning(models.Model):
    """What a term means today in one body."""

    definition = models.ForeignKey(DataDefinition, on_delete=models.CASCADE, related_name="meanings")
    body = models.ForeignKey("initiatives.Body", on_delete=models.CASCADE, related_name="+")
    meaning = models.TextField()

    history = HistoricalRecords()
    objects = BodyMeaningQuerySet.as_manager()

    class Meta:
        ordering = ["definition", "body__name"]
        constraints = [models.UniqueConstraint(fields=["definition", "body"], name="one_meaning_per_body")]

    def __str__(self) -> str:
        return f"{self.definition} in {self.body}"


class DataSharingAgreement(Retirable):
    """The ICO's data sharing code expects an agreement and a DPIA wherever records are exchanged."""

    class DpiaStatus(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETED = "completed", "Completed"

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="data_sharing_agreements"
    )
    title = models.CharField(max_length=200)
    parties = models.ManyToManyField("initiatives.Body", related_name="+")
    legal_gateway = models.TextField("legal gateway or lawful basis")
    dpia_status = models.CharField(
        "DPIA status", max_length=12, choices=DpiaStatus.choices, default=DpiaStatus.NOT_STARTED
    )
    dpia_date = models.DateField("DPIA date", null=True, blank=True)
    dpia_reviewer = models.CharField("DPIA reviewer", max_length=150, blank=True)
    retention_period = models.CharField(max_length=150)
    review_date = models.DateField()
    signed_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()
    # Ended agreements leave the list; all_records still finds them.
    objects = CurrentManager()
    all_records = RetirableQuerySet.as_manager()

    class Meta:
        ordering = ["initiative", "title"]

    def __str__(self) -> str:
        return self.title

"""The RACI matrix: who is Responsible, Accountable, Consulted or Informed for each activity."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from governance.raci.querysets import RaciCellQuerySet, RaciColumnQuerySet, RaciRowQuerySet


class RaciRow(models.Model):
    """An activity or decision; a row of the matrix."""

    class Kind(models.TextChoices):
        ACTIVITY = "activity", "Activity"
        DECISION = "decision", "Decision"

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="raci_rows"
    )
    activity = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.ACTIVITY)
    position = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()
    objects = RaciRowQuerySet.as_manager()

    class Meta:
        ordering = ["initiative", "position", "pk"]
        constraints = [
            # Case-insensitive, as the form checks.
            models.UniqueConstraint(
                "initiative", Lower("activity"), name="raci_activity_unique_per_initiative"
            )
        ]

    def __str__(self) -> str:
        return self.activity


class RaciColumn(models.Model):
    """A participating body, or a named role within it; a column of the matrix.

    The holder is the named person who answers for this column, so an A in this
    column names who must take a decision on that row.
    """

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="raci_columns"
    )
    body = models.ForeignKey("initiatives.Body", on_delete=models.CASCADE, related_name="+")
    role_name = models.CharField(max_length=100, blank=True)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    position = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()
    objects = RaciColumnQuerySet.as_manager()

    class Meta:
        ordering = ["initiative", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                "initiative", "body", Lower("role_name"), name="raci_column_unique_per_initiative"
            )
        ]

    def __str__(self) -> str:
        return f"{self.body} {self.role_name}".strip()


class RaciCell(models.Model):
    class Value(models.TextChoices):
        RESPONSIBLE = "R", "Responsible"
        ACCOUNTABLE = "A", "Accountable"
        CONSULTED = "C", "Consulted"
        INFORMED = "I", "Informed"

    row = models.ForeignKey(RaciRow, on_delete=models.CASCADE, related_name="cells")
    column = models.ForeignKey(RaciColumn, on_delete=models.CASCADE, related_name="cells")
    value = models.CharField(max_length=1, choices=Value.choices)

    history = HistoricalRecords()
    objects = RaciCellQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["row", "column"], name="one_raci_cell_per_row_and_column")
        ]

    def __str__(self) -> str:
        return f"{self.row} / {self.column}: {self.value}"

"""The portfolio's filters and sort order: a GET form, so a filtered view is a link to share."""

from __future__ import annotations

from typing import cast

from django import forms

from collab.govuk_forms import GovukForm
from governance.assurance.models import AssuranceReview
from governance.health.checks import CHECKS
from initiatives.models import Body
from initiatives.operating_models import OperatingModel

ALL = ""
NOT_REVIEWED = "not_reviewed"

# Column keys the table sorts by, with their headings, in the table's order.
SORTS: dict[str, str] = {
    "title": "Initiative",
    "model": "Operating model",
    "status": "Status",
    "owner": "Senior owner",
    "failing": "Health check",
    "confidence": "Delivery confidence",
    "risks": "Flagged risks",
    "decisions": "Decisions waiting",
    "next_review": "Next review",
}
ORDERS = [("asc", "Ascending"), ("desc", "Descending")]


class PortfolioFilterForm(GovukForm):
    body = forms.TypedChoiceField(label="Body", required=False, coerce=int, empty_value=None)
    model = forms.ChoiceField(
        label="Operating model", required=False, choices=[(ALL, "All models"), *OperatingModel.choices]
    )
    confidence = forms.ChoiceField(
        label="Delivery confidence",
        required=False,
        choices=[
            (ALL, "Any confidence"),
            *AssuranceReview.Confidence.choices,
            (NOT_REVIEWED, "Not reviewed yet"),
        ],
    )
    failing = forms.ChoiceField(
        label="Failing check",
        required=False,
        choices=[(ALL, "Any or none"), *((key, title) for key, title, _check in CHECKS)],
    )
    sort = forms.ChoiceField(required=False, choices=[(ALL, "Initiative"), *SORTS.items()])
    order = forms.ChoiceField(required=False, choices=[(ALL, "Ascending"), *ORDERS])

    FILTERS = ("body", "model", "confidence", "failing")

    def __init__(self, *args, bodies: list[Body], **kwargs):
        kwargs.setdefault("auto_id", "filter-%s")
        super().__init__(*args, **kwargs)
        body_field = cast(forms.TypedChoiceField, self.fields["body"])
        body_field.choices = [(ALL, "All bodies"), *((body.pk, body.name) for body in bodies)]

    @property
    def choices(self) -> dict:
        """The valid choices, or none when the query string is wrong (the page then shows the errors)."""
        return self.cleaned_data if self.is_valid() else {}

    @property
    def filter_fields(self) -> list:
        return [self[name] for name in self.FILTERS]

    @property
    def kept(self) -> list[tuple[str, str]]:
        """The sort order, carried along when the filters change."""
        return [(name, self.choices[name]) for name in ("sort", "order") if self.choices.get(name)]

    @property
    def is_filtered(self) -> bool:
        return any(self.choices.get(name) for name in self.FILTERS)

    @property
    def sort_key(self) -> str:
        return self.choices.get("sort") or "title"

    @property
    def descending(self) -> bool:
        return self.choices.get("order") == "desc"

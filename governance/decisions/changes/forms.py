"""The values a decision would give a record once approved: one small form per kind of change.

The same form checks them twice: when the drafter proposes them, and again at approval against
the record as it is then (`bound_to_stored`). A question left unanswered changes nothing.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Model, QuerySet
from django.utils import timezone

from collab.govuk_forms import GovukDateField, GovukDateInput, GovukForm, GovukRadios, add_errors
from governance.glossary.models import DataDefinition
from governance.impossible_dates import dpia_problems
from governance.risks.models import Risk
from initiatives.operating_models import OperatingModel

LEAVE = ("", "Leave it as it is")


class ProposedChangeForm(GovukForm):
    """Which record, and the values approval gives it. With no fields of its own, it only links."""

    def __init__(
        self,
        *args,
        records: QuerySet | None = None,
        noun: str = "record",
        record: Model | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        # The record the change is for: chosen on this form (from `records`), or given when checking.
        self.record = record
        if records is not None:
            self.fields = {
                "record": forms.ModelChoiceField(
                    queryset=records,
                    label=f"Which {noun}?",
                    empty_label=f"Choose a {noun}",
                    error_messages={
                        "required": f"Select a {noun}",
                        "invalid_choice": f"Select a {noun} of this initiative",
                    },
                ),
                **self.fields,
            }

    @classmethod
    def changeable(cls) -> list[str]:
        """The record's fields this kind of change may set."""
        return list(cls.base_fields)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or self.cleaned_data
        self.record = cleaned.get("record", self.record)
        return cleaned

    def proposed(self) -> dict[str, Any]:
        """The answered fields: what approval will set."""
        return {
            name: self.cleaned_data[name]
            for name in self.changeable()
            if self.cleaned_data.get(name) not in (None, "")
        }

    @classmethod
    def bound_to_stored(cls, values: dict[str, Any], *, record: Model) -> ProposedChangeForm:
        """The form as if the stored values had been posted again, to check them against `record` now."""
        data: dict[str, Any] = {}
        for name, field in cls().fields.items():
            value = values.get(name)
            widget = field.widget
            if isinstance(widget, GovukDateInput):
                parts = zip(widget.parts, widget.decompress(value), strict=True)
                data.update({f"{name}_{part}": text for part, text in parts})
            else:
                data[name] = "" if value is None else str(value)
        return cls(data, record=record)


class TermChangeForm(ProposedChangeForm):
    status = forms.ChoiceField(
        label="Status",
        choices=[LEAVE, *DataDefinition.Status.choices],
        required=False,
        widget=GovukRadios,
    )
    agreed_meaning = forms.CharField(
        label="Agreed meaning",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Needed to agree the term, unless it has one already. Leave blank to keep its meaning.",
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or self.cleaned_data
        held = getattr(self.record, "agreed_meaning", "").strip()
        meaning = cleaned.get("agreed_meaning", "").strip()
        if cleaned.get("status") == DataDefinition.Status.AGREED and not (meaning or held):
            self.add_error("agreed_meaning", "Enter the agreed meaning: a term cannot be agreed without one")
        return cleaned


class AgreementChangeForm(ProposedChangeForm):
    signed_on = GovukDateField(
        label="Signed on",
        required=False,
        help_text="The date the parties signed it, for example 27 3 2026. Leave blank to change nothing.",
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or self.cleaned_data
        add_errors(self, dpia_problems({"signed_on": cleaned.get("signed_on")}, today=timezone.localdate()))
        return cleaned


class RiskChangeForm(ProposedChangeForm):
    treatment = forms.ChoiceField(
        label="Treatment", choices=[LEAVE, *Risk.Treatment.choices], required=False, widget=GovukRadios
    )


class OperatingModelChangeForm(ProposedChangeForm):
    operating_model = forms.ChoiceField(
        label="Operating model", choices=[LEAVE, *OperatingModel.choices], required=False, widget=GovukRadios
    )

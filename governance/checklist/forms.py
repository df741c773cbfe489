"""Adopting the operating-model checklist's items into a register as drafts."""

from __future__ import annotations

from django import forms

from collab.govuk_forms import GovukCheckboxes, GovukForm
from governance.checklist.items import ChecklistItem


class OfferedItemsField(forms.MultipleChoiceField):
    """Ignores items no longer offered (added a moment ago, say by a double-submitted form)."""

    def to_python(self, value):
        offered = {str(key) for key, _label in self.choices}
        return [item for item in super().to_python(value) if item in offered]


class ChecklistAdoptForm(GovukForm):
    """Tick the checklist items to add to a register as drafts. None is ticked to start with: the
    person chooses each (GOV.UK checkboxes are not pre-selected)."""

    items = OfferedItemsField(
        label="From your operating model checklist",
        widget=GovukCheckboxes,
        help_text="Tick each to add as a draft, then complete it. Items already added are not offered again.",
    )

    def __init__(self, *args, offered: list[ChecklistItem], noun: str, joint_labels: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.noun = noun  # "risks": the register's records, in the error and the button
        self.fields["items"].error_messages["required"] = f"Select at least one of the {noun} to add"
        self.offered = {item.key: item for item in offered}
        self.fields["items"].choices = [
            (
                item.key,
                f"{item.text} ({'joint' if item.is_joint else 'single body'})" if joint_labels else item.text,
            )
            for item in offered
        ]

    @property
    def chosen(self) -> list[ChecklistItem]:
        return [self.offered[key] for key in self.cleaned_data["items"]]

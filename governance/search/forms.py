"""The search box and its filters: one GET form, so results work without JavaScript and can be bookmarked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms

from collab.govuk_forms import GovukForm, optional_choice_by_id
from governance.search.kinds import KINDS

if TYPE_CHECKING:
    from initiatives.models import Initiative

MAX_QUERY_LENGTH = 200
ALL = ""


class SearchForm(GovukForm):
    q = forms.CharField(
        label="Search for",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        help_text=(
            "Words from a title or its text. "
            "Put a phrase in quotes; put a minus before a word to leave it out."
        ),
        error_messages={"max_length": f"Search for {MAX_QUERY_LENGTH} characters or fewer"},
    )
    kind = forms.ChoiceField(
        label="Kind of record",
        required=False,
        choices=[(ALL, "All kinds"), *((kind.slug, kind.label) for kind in KINDS.values())],
        error_messages={"invalid_choice": "Select a kind of record from the list"},
    )
    initiative = optional_choice_by_id(label="Initiative", not_offered="Select an initiative from the list")

    def __init__(self, *args, initiatives: list[Initiative], **kwargs):
        kwargs.setdefault("auto_id", "search-%s")
        super().__init__(*args, **kwargs)
        self.initiatives = {initiative.pk: initiative for initiative in initiatives}
        choose = self.fields["initiative"]
        assert isinstance(choose, forms.TypedChoiceField)
        choose.choices = [
            (ALL, "All your initiatives"),
            *((initiative.pk, initiative.title) for initiative in initiatives),
        ]

    @property
    def words(self) -> str:
        return self.cleaned_data["q"].strip() if self.is_valid() else ""

    @property
    def chosen_initiative(self) -> Initiative | None:
        return self.initiatives.get(self.cleaned_data["initiative"]) if self.is_valid() else None

    @property
    def is_filtered(self) -> bool:
        return self.is_valid() and bool(self.cleaned_data["kind"] or self.cleaned_data["initiative"])

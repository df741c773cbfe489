"""Confirming the operating model: the recommendation, or another model with a reason."""

from __future__ import annotations

from django import forms

from collab.govuk_forms import GovukForm, GovukRadios
from initiatives.operating_models import PROFILES, OperatingModel


class ModelChoiceForm(GovukForm):
    """Accept the recommendation or choose another model, saying why."""

    chosen_model = forms.ChoiceField(
        label="Which operating model will the initiative use?",
        choices=OperatingModel.choices,
        error_messages={"required": "Select the operating model the initiative will use"},
    )
    choice_reason = forms.CharField(
        label="Why are you choosing a different model?",
        help_text=(
            "Only needed if you do not follow the recommendation. Partners and assurance reviewers see it."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "The reason must be 2,000 characters or fewer"},
    )

    def __init__(self, *args, recommended: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.recommended = recommended
        self.initial.setdefault("chosen_model", recommended)
        hints = {
            slug: ("Recommended. " if slug == recommended else "") + f"Best for {profile.best_for.lower()}."
            for slug, profile in PROFILES.items()
        }
        self.fields["chosen_model"].widget = GovukRadios(choices=OperatingModel.choices, hints=hints)

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("chosen_model")
        if chosen and chosen != self.recommended and not cleaned.get("choice_reason", "").strip():
            self.add_error(
                "choice_reason", "Enter why you are choosing a different model from the recommended one"
            )
        return cleaned

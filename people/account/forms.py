from __future__ import annotations

from django import forms

from collab.govuk_forms import GovukForm, GovukRadios
from people.models import EmailFrequency, EmailKind


class NameForm(GovukForm):
    page_heading_field = "full_name"
    full_name = forms.CharField(
        label="What is your name?",
        max_length=150,
        help_text="As colleagues in other bodies will see it.",
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
        error_messages={"required": "Enter your name"},
    )


class EmailPreferencesForm(GovukForm):
    """One question per kind of email: straight away, once a day, or not at all."""

    label_size = "m"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in EmailKind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=EmailFrequency.choices,
                widget=GovukRadios(inline=True),
                error_messages={"required": f"Select how often you want emails about {kind.label.lower()}"},
            )

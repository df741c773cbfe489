"""Asking for a governance pack: with or without the complete registers printed in an annex."""

from django import forms

from collab.govuk_forms import GovukForm


class PackRequestForm(GovukForm):
    annex = forms.BooleanField(
        required=False,
        label="Also print the complete registers in an annex",
        help_text=(
            "The pack always attaches the complete risk register, measures and decision log as spreadsheet "
            "(CSV) files. Tick this for a full print of them as well: a longer pack, slower to build."
        ),
    )

"""The questions whose answers start the shared registers: data to agree, risks and measures."""

from __future__ import annotations

from django import forms

from collab.govuk_forms import LinesField
from initiatives.wizard.forms.step import StepForm


class DataItemsForm(StepForm):
    page_heading_field = "data_items"
    data_items = LinesField(
        label="Which data definitions, identifiers or records must be agreed from day one?",
        help_text=(
            "One per line, for example 'What counts as a completed case' or 'National Insurance number as "
            "the matching identifier'. These start the shared data definitions. Leave blank if no data "
            "needs to be shared or agreed."
        ),
    )

    def clean_data_items(self) -> list[str]:
        items = self.cleaned_data["data_items"]
        data = self.draft.get("data")
        if not items and data in ("definitions", "exchange"):
            need = (
                "need common definitions or reference data" if data == "definitions" else "exchange records"
            )
            raise forms.ValidationError(
                f"Enter at least one definition, identifier or record to agree, as the bodies {need}"
            )
        return items


class JointRisksForm(StepForm):
    page_heading_field = "joint_risks"
    joint_risks = LinesField(
        label="Which risks need joint management?",
        help_text=(
            "Risks that cross bodies, so no body can manage them alone. One per line; they start the shared "
            "risk register. Leave blank if there are none yet."
        ),
    )


class SingleBodyRisksForm(StepForm):
    page_heading_field = "single_body_risks"
    single_body_risks = LinesField(
        label="Which risks stay with each body?",
        help_text=(
            "One per line, starting with the body that manages it, for example 'HMRC: the tax credits "
            "system change is late'. Leave blank if there are none yet."
        ),
    )


class MeasuresForm(StepForm):
    page_heading_field = "measures"
    measures = LinesField(
        label="How will benefits be measured, reported and checked?",
        help_text=(
            "One measure per line: what is measured, who reports it and how often, and who checks it. For "
            "example 'Days from registering a death to every body acting, reported monthly by DWP'. They "
            "start the shared measures."
        ),
        required=True,
        error_messages={"required": "Enter at least one way the benefits will be measured"},
    )

from __future__ import annotations

from django import forms

from collab.govuk_forms import GovukCheckboxes, GovukModelForm, GovukRadios
from governance.forms.common import offer_bodies, participating_bodies
from governance.models import DataSharingAgreement
from initiatives.models import Initiative


class AgreementForm(GovukModelForm):
    class Meta:
        model = DataSharingAgreement
        fields = [
            "title",
            "parties",
            "legal_gateway",
            "dpia_status",
            "dpia_date",
            "dpia_reviewer",
            "retention_period",
            "review_date",
            "signed_on",
        ]
        labels = {
            "parties": "Parties",
            "legal_gateway": "Legal gateway or lawful basis",
            "dpia_status": "Data protection impact assessment (DPIA)",
            "dpia_date": "Date the DPIA was completed",
            "dpia_reviewer": "Who reviewed the DPIA",
            "retention_period": "Retention period",
            "review_date": "Next review of the agreement",
            "signed_on": "Date signed (optional)",
        }
        help_texts = {
            "title": "For example “Tell Us Once death notification sharing”.",
            "parties": "The participating bodies that share or receive the records.",
            "legal_gateway": (
                "The statutory power or data protection lawful basis, for example "
                "“Digital Economy Act 2017, section 35” or “UK GDPR article 6(1)(e) public task”."
            ),
            "dpia_date": "Required once the DPIA is completed.",
            "dpia_reviewer": "Required once the DPIA is completed, for example the data protection officer.",
            "retention_period": (
                "How long each party keeps the records, for example “6 years after the case closes”."
            ),
        }
        widgets = {
            "parties": GovukCheckboxes,
            "legal_gateway": forms.Textarea(attrs={"rows": 3}),
            "dpia_status": GovukRadios(inline=True),
        }

    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        offer_bodies(self.fields["parties"], participating_bodies(initiative))
        self.fields["parties"].error_messages["required"] = "Select at least two parties"

    def clean(self):
        cleaned = super().clean()
        parties = cleaned.get("parties")
        if parties is not None and len(parties) < 2:
            self.add_error("parties", "Select at least two parties")
        if cleaned.get("dpia_status") == DataSharingAgreement.DpiaStatus.COMPLETED:
            if not cleaned.get("dpia_date") and "dpia_date" not in self.errors:
                self.add_error("dpia_date", "Enter the date the DPIA was completed")
            if not (cleaned.get("dpia_reviewer") or "").strip():
                self.add_error("dpia_reviewer", "Enter who reviewed the DPIA")
        return cleaned

from __future__ import annotations

from django import forms
from django.utils import timezone

from collab.govuk_forms import GovukCheckboxes, GovukModelForm, GovukRadios, add_errors
from collab.versioned_forms import VersionedFormMixin
from collab.versions import histories_of, version_parts
from governance import impossible_dates
from governance.glossary.models import BodyMeaning, DataDefinition, DataSharingAgreement
from governance.list_filters import ALL, ListFilterForm, body_choices, choice_filter
from initiatives.fields import offer_bodies
from initiatives.models import Body, Initiative

TERM_FIELDS = ["term", "agreed_meaning", "master_body", "standard", "status"]


def term_histories(definition: DataDefinition) -> list:
    """A term is edited with its meanings, so its version counts both histories."""
    return [*histories_of(definition), BodyMeaning.history.filter(definition_id=definition.pk)]


class DefinitionForm(VersionedFormMixin, GovukModelForm):
    """A glossary term: one textarea per participating body for what the term means there today.

    People who may change the term see everything; other participants see only the
    meanings of their own bodies (`term_fields=False`, `bodies` limited to theirs).
    """

    class Meta:
        model = DataDefinition
        fields = TERM_FIELDS
        labels = {
            "agreed_meaning": "Agreed meaning",
            "master_body": "Body that masters this data",
            "standard": "Identifier or format standard",
        }
        help_texts = {
            "term": "For example “customer”, “case” or “date of death notification”.",
            "agreed_meaning": "The meaning every body will use for this initiative.",
            "standard": "For example “NHS number (10 digits)” or “ISO 8601 date”.",
            "status": "A term cannot be agreed without an agreed meaning.",
        }
        widgets = {"agreed_meaning": forms.Textarea(attrs={"rows": 3}), "status": GovukRadios(inline=True)}

    def __init__(self, *args, initiative: Initiative, bodies: list[Body], term_fields: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.initiative = initiative
        self.meaning_bodies = list(bodies)
        if term_fields:
            offer_bodies(self.fields["master_body"], Body.objects.taking_part_in(initiative))
            self.fields["master_body"].empty_label = "Not decided yet"
        else:
            for name in TERM_FIELDS:
                del self.fields[name]
        recorded = {}
        if self.instance.pk:
            recorded = {meaning.body_id: meaning.meaning for meaning in self.instance.meanings.all()}
        for body in self.meaning_bodies:
            name = self.meaning_field_name(body)
            self.fields[name] = forms.CharField(
                label=f"What it means in {body.name} today",
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=f"Leave blank if {body.short_name} has no meaning for it yet.",
            )
            self.initial.setdefault(name, recorded.get(body.pk, ""))

    def version_histories(self):
        return term_histories(self.instance)

    def _meaning_values(self, by_body: dict[int, str]) -> dict[str, str]:
        return {self.meaning_field_name(body): by_body.get(body.pk, "") for body in self.meaning_bodies}

    def value_at(self, version: str):
        values, parts = super().value_at(version), version_parts(version)
        if values is None or len(parts) < 2:
            return values
        rows = BodyMeaning.history.filter(definition_id=self.instance.pk, history_id__lte=parts[1])
        then = {
            row.body_id: "" if row.history_type == "-" else row.meaning for row in rows.order_by("history_id")
        }
        return {**values, **self._meaning_values(then)}

    def current_values(self):
        now = {meaning.body_id: meaning.meaning for meaning in self.instance.meanings.all()}
        return {**super().current_values(), **self._meaning_values(now)}

    @staticmethod
    def meaning_field_name(body: Body) -> str:
        return f"meaning_{body.pk}"

    @property
    def meaning_fields(self):
        return [self[self.meaning_field_name(body)] for body in self.meaning_bodies]

    @property
    def meanings(self) -> dict[Body, str]:
        return {
            body: self.cleaned_data.get(self.meaning_field_name(body), "") for body in self.meaning_bodies
        }

    def clean_term(self):
        term = self.cleaned_data["term"].strip()
        # Withdrawn terms keep their names: restore one rather than adding it again.
        others = DataDefinition.all_records.filter(initiative=self.initiative).exclude(pk=self.instance.pk)
        if same := others.filter(term__iexact=term).first():
            withdrawn = " (withdrawn: restore it from the withdrawn terms)" if same.is_retired else ""
            raise forms.ValidationError(f"“{term}” is already in the glossary{withdrawn}")
        return term

    def clean(self):
        cleaned = super().clean()
        agreeing = cleaned.get("status") == DataDefinition.Status.AGREED
        if (
            agreeing
            and not (cleaned.get("agreed_meaning") or "").strip()
            and "agreed_meaning" not in self.errors
        ):
            self.add_error("agreed_meaning", "Enter the agreed meaning before marking the term agreed")
        return cleaned


class AgreementForm(VersionedFormMixin, GovukModelForm):
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
        offer_bodies(self.fields["parties"], Body.objects.taking_part_in(initiative))
        self.fields["parties"].error_messages["required"] = "Select at least two parties"

    def clean(self):
        cleaned = super().clean()
        parties = cleaned.get("parties")
        if parties is not None and len(parties) < 2:
            self.add_error("parties", "Select at least two parties")
        add_errors(self, impossible_dates.dpia_problems(cleaned, today=timezone.localdate()))
        return cleaned


MEANINGS_DIFFER, MEANINGS_MATCH = "differ", "match"


class GlossaryFilterForm(ListFilterForm):
    """The glossary's filters: the status a term stands at (disputed when meanings differ and none is
    agreed), the body that masters it, and whether the bodies' meanings differ."""

    status = choice_filter("Status", DataDefinition.Status.choices, everything="All statuses")
    body = choice_filter("Mastered by", [], everything="Any body")
    meanings = choice_filter(
        "Bodies' meanings",
        [(MEANINGS_DIFFER, "Differ between bodies"), (MEANINGS_MATCH, "Do not differ")],
        everything="Differ or not",
    )

    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].choices = [(ALL, "Any body"), *body_choices(initiative)]

    def keeps(self, entry) -> bool:
        """Whether a glossary entry (presenters.GlossaryEntry) matches; every entry while invalid."""
        if not self.is_valid():
            return True
        data = self.cleaned_data
        return (
            (not data["status"] or entry.status == data["status"])
            and (not data["body"] or str(entry.definition.master_body_id) == data["body"])
            and (not data["meanings"] or entry.differs == (data["meanings"] == MEANINGS_DIFFER))
        )

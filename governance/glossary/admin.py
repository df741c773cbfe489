"""Administration of the glossary and data sharing agreements, through the glossary's services."""

from __future__ import annotations

from django import forms
from django.contrib import admin

from collab.service_admin import ReadOnlyHistoryAdmin
from governance.admin_base import InitiativeRecordAdmin, check_bodies_take_part, initiative_of
from governance.glossary import services
from governance.glossary.forms import AgreementForm, DefinitionForm
from governance.glossary.models import BodyMeaning, DataDefinition, DataSharingAgreement
from initiatives.models import Body


def _meaning_field(body_pk: int) -> str:
    return f"meaning_{body_pk}"


class DefinitionAdminForm(forms.ModelForm):
    class Meta:
        model = DataDefinition
        fields = ["initiative", *DefinitionForm.Meta.fields]

    def clean(self):
        cleaned = super().clean()
        initiative, term = initiative_of(self), (cleaned.get("term") or "").strip()
        if initiative is None:
            return cleaned
        if term:
            cleaned["term"] = term
            if initiative.data_definitions.exclude(pk=self.instance.pk).filter(term__iexact=term).exists():
                self.add_error("term", f"“{term}” is already in the glossary")
        check_bodies_take_part(self, initiative, "master_body")
        return cleaned


@admin.register(DataDefinition)
class DataDefinitionAdmin(InitiativeRecordAdmin):
    """Terms through definition_create and definition_update, which refuse an agreed term without
    an agreed meaning and date the agreement. Each body's meaning is a field of the term's page,
    as on the glossary page. Not deleted: no page removes a term."""

    form = DefinitionAdminForm
    list_display = ["term", "initiative", "status", "agreed_on"]
    list_filter = ["status", "initiative"]
    search_fields = ["term"]
    readonly_fields = ["agreed_on", "checklist_item"]
    refusals = (services.CannotAgree,)

    def service_fields(self, obj):
        if obj is None:
            return {}
        recorded = {meaning.body_id: meaning.meaning for meaning in obj.meanings.all()}
        return {
            _meaning_field(body.pk): forms.CharField(
                label=f"What it means in {body.short_name} today",
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=recorded.get(body.pk, ""),
            )
            for body in Body.objects.taking_part_in(obj.initiative).order_by("name")
        }

    def create(self, *, form, by):
        return services.definition_create(by=by, **self.form_values(form))

    def update(self, *, record, form, by):
        data = form.cleaned_data
        meanings = {
            body: data.get(_meaning_field(body.pk), "")
            for body in Body.objects.taking_part_in(record.initiative).order_by("name")
        }
        return services.definition_update(
            definition=record,
            by=by,
            meanings=meanings,
            **self.form_values(form),
        )


@admin.register(BodyMeaning)
class BodyMeaningAdmin(ReadOnlyHistoryAdmin):
    """Read-only: a body's meaning is changed with its term (the term's admin page or the glossary
    page), through definition_update, so whether the term is agreed is decided with it."""

    list_display = ["__str__", "body"]
    list_filter = ["body"]


class AgreementAdminForm(forms.ModelForm):
    class Meta:
        model = DataSharingAgreement
        fields = ["initiative", *AgreementForm.Meta.fields]

    def clean(self):
        """As the agreement page: at least two parties, each taking part."""
        cleaned = super().clean()
        initiative, parties = initiative_of(self), cleaned.get("parties")
        if parties is not None and len(parties) < 2:
            self.add_error("parties", "Select at least two parties")
        elif initiative is not None:
            check_bodies_take_part(self, initiative, "parties")
        return cleaned


@admin.register(DataSharingAgreement)
class DataSharingAgreementAdmin(InitiativeRecordAdmin):
    """Agreements through agreement_create and agreement_update, which refuse a completed DPIA
    without its date and reviewer. Not deleted: no page removes an agreement."""

    form = AgreementAdminForm
    list_display = ["title", "initiative", "dpia_status", "review_date"]
    list_filter = ["dpia_status", "initiative"]
    search_fields = ["title"]
    refusals = (services.IncompleteDpia,)

    def create(self, *, form, by):
        return services.agreement_create(by=by, **self.form_values(form))

    def update(self, *, record, form, by):
        return services.agreement_update(agreement=record, by=by, **self.form_values(form))

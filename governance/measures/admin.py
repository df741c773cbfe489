"""Administration of shared measures and their readings, through the measures' services."""

from __future__ import annotations

from django import forms
from django.contrib import admin

from collab.service_admin import ServiceAdmin
from governance.admin_base import InitiativeRecordAdmin, check_bodies_take_part, initiative_of
from governance.measures import services
from governance.measures.forms import MeasureForm, ReadingForm, measure_rule_errors
from governance.measures.models import Measure, MeasureReading


class MeasureAdminForm(forms.ModelForm):
    class Meta:
        model = Measure
        fields = ["initiative", *MeasureForm.Meta.fields]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A draft from the checklist is defined the first time it is saved, as on the measure's page.
        for name in ("definition", "unit", "direction"):
            self.fields[name].required = True

    def clean(self):
        """The measure page's rules: a unique name, bodies taking part, and measure_rule_errors."""
        cleaned = super().clean()
        initiative, name = initiative_of(self), (cleaned.get("name") or "").strip()
        if initiative is None:
            return cleaned
        if name:
            cleaned["name"] = name
            if initiative.measures.exclude(pk=self.instance.pk).filter(name__iexact=name).exists():
                self.add_error("name", f"There is already a measure called “{name}”")
        check_bodies_take_part(self, initiative, "owner_body", "investing_body", "benefiting_bodies")
        for field, message in measure_rule_errors(cleaned):
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned


@admin.register(Measure)
class MeasureAdmin(InitiativeRecordAdmin):
    """Measures through measure_create and measure_update. Not deleted: no page removes a measure,
    whose readings are the record of progress."""

    form = MeasureAdminForm
    list_display = ["name", "initiative", "owner_body", "frequency"]
    list_filter = ["initiative", "frequency"]
    search_fields = ["name"]
    readonly_fields = ["checklist_item"]

    def create(self, *, form, by):
        return services.measure_create(by=by, **self.form_values(form))

    def update(self, *, record, form, by):
        return services.measure_update(measure=record, by=by, **self.form_values(form))


class ReadingAdminForm(forms.ModelForm):
    class Meta:
        model = MeasureReading
        fields = ["measure", *ReadingForm.Meta.fields]


@admin.register(MeasureReading)
class MeasureReadingAdmin(ServiceAdmin):
    """Readings through reading_add (one per date) and reading_remove.

    Not changed in place, as on the measure's page: a wrong reading is removed and added again.
    """

    form = ReadingAdminForm
    list_display = ["__str__", "measure", "taken_on", "value", "recorded_by"]
    list_filter = ["measure__initiative"]
    autocomplete_fields = ["measure"]
    readonly_fields = ["recorded_by", "recorded_at"]
    refusals = (services.DuplicateReading,)

    def create(self, *, form, by):
        return services.reading_add(by=by, **self.form_values(form))

    def remove(self, *, record, by):
        services.reading_remove(reading=record, by=by)

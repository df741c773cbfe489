"""Administration of shared measures and their readings, through the measures' services."""

from __future__ import annotations

from django import forms
from django.contrib import admin

from collab.service_admin import ServiceAdmin
from governance.admin_base import InitiativeRecordAdmin, check_bodies_take_part, initiative_of
from governance.measures import services
from governance.measures.forms import measure_rule_errors
from governance.measures.models import Measure, MeasureReading


class MeasureAdminForm(forms.ModelForm):
    class Meta:
        model = Measure
        fields = [
            "initiative",
            "name",
            "definition",
            "unit",
            "direction",
            "baseline",
            "baseline_date",
            "target",
            "target_date",
            "data_source",
            "owner_body",
            "frequency",
            "investing_body",
            "benefiting_bodies",
            "benefit_type",
            "agreed_before_start",
            "agreed_on",
        ]

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
        data = form.cleaned_data
        return services.measure_create(
            initiative=data["initiative"],
            by=by,
            name=data["name"],
            definition=data["definition"],
            unit=data["unit"],
            direction=data["direction"],
            baseline=data["baseline"],
            baseline_date=data["baseline_date"],
            target=data["target"],
            target_date=data["target_date"],
            data_source=data["data_source"],
            owner_body=data["owner_body"],
            frequency=data["frequency"],
            investing_body=data["investing_body"],
            benefiting_bodies=list(data["benefiting_bodies"]),
            benefit_type=data["benefit_type"],
            agreed_before_start=data["agreed_before_start"],
            agreed_on=data["agreed_on"],
        )

    def update(self, *, record, form, by):
        data = form.cleaned_data
        return services.measure_update(
            measure=record,
            by=by,
            name=data["name"],
            definition=data["definition"],
            unit=data["unit"],
            direction=data["direction"],
            baseline=data["baseline"],
            baseline_date=data["baseline_date"],
            target=data["target"],
            target_date=data["target_date"],
            data_source=data["data_source"],
            owner_body=data["owner_body"],
            frequency=data["frequency"],
            investing_body=data["investing_body"],
            benefiting_bodies=list(data["benefiting_bodies"]),
            benefit_type=data["benefit_type"],
            agreed_before_start=data["agreed_before_start"],
            agreed_on=data["agreed_on"],
        )


class ReadingAdminForm(forms.ModelForm):
    class Meta:
        model = MeasureReading
        fields = ["measure", "taken_on", "value", "note"]


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
        data = form.cleaned_data
        return services.reading_add(
            measure=data["measure"], by=by, taken_on=data["taken_on"], value=data["value"], note=data["note"]
        )

    def remove(self, *, record, by):
        services.reading_remove(reading=record, by=by)

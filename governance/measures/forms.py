from __future__ import annotations

from django import forms
from django.utils import timezone

from collab.govuk_forms import GovukCheckboxes, GovukModelForm, GovukRadios, add_errors, date_text
from collab.versioned_forms import VersionedFormMixin
from governance import impossible_dates
from governance.list_filters import ALL, ListFilterForm, body_choices, choice_filter
from governance.measures.models import Measure, MeasureReading
from initiatives.fields import offer_bodies
from initiatives.models import Body, Initiative, User


def _number_field(label: str, *, required: bool = False, help_text: str = "") -> forms.DecimalField:
    message = f"{label} must be a number, like 12 or 4.5"
    return forms.DecimalField(
        label=label,
        required=required,
        max_digits=14,
        decimal_places=2,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
        error_messages={
            "invalid": message,
            "max_digits": f"{label} must be less than a million million",
            "max_whole_digits": f"{label} must be less than a million million",
            "max_decimal_places": f"{label} can have at most 2 decimal places",
        },
    )


BENEFIT_HINTS = {
    "cash_releasing": "Money the investing body can take out of its budget. It needs an investing body.",
    "non_cash_releasing": "Time or capacity freed for other work, not money taken out.",
    "not_efficiency": "A better outcome for the public that is not counted as an efficiency.",
}


def measure_rule_errors(values: dict) -> list[tuple[str, str]]:
    """The rules a measure must keep, shared by the form and the CSV import: (field, message) pairs."""
    errors = []
    investing, benefiting = values.get("investing_body"), values.get("benefiting_bodies") or []
    if investing and investing in benefiting:
        errors.append(
            (
                "benefiting_bodies",
                f"A benefit is counted once, by the investing body: "
                f"{investing.short_name} cannot also benefit",
            )
        )
    if values.get("benefit_type") == Measure.BenefitType.CASH_RELEASING and not investing:
        errors.append(("investing_body", "A cash-releasing efficiency needs an investing body"))
    baseline, target, direction = values.get("baseline"), values.get("target"), values.get("direction")
    comparable = baseline is not None and target is not None and direction in ("higher", "lower")
    if comparable and ((target < baseline) if direction == "higher" else (target > baseline)):
        side = "above" if direction == "higher" else "below"
        errors.append(("target", f"When {direction} is better, the target must be {side} the baseline"))
    return errors + impossible_dates.measure_problems(values, today=timezone.localdate())


class MeasureForm(VersionedFormMixin, GovukModelForm):
    baseline = _number_field("Baseline", help_text="Where the measure stood before the work started.")
    target = _number_field("Target")

    class Meta:
        model = Measure
        fields = [
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
        labels = {
            "owner_body": "Owner body",
            "frequency": "Reporting frequency",
            "investing_body": "Investing body",
            "benefiting_bodies": "Benefiting bodies",
            "benefit_type": "Benefit type",
            "agreed_before_start": "This measure was agreed by the bodies before work started",
            "agreed_on": "Date agreed",
        }
        help_texts = {
            "name": (
                "What the public experiences, such as “Days from death registration to all bodies notified”."
            ),
            "definition": "Exactly what is counted, from when to when, and what is left out.",
            "unit": "For example days, contacts, per cent or £.",
            "data_source": "Where the numbers come from, for example a system or survey.",
            "investing_body": "The body that pays for the change. A benefit is counted once, by this body.",
            "benefiting_bodies": "Other bodies that gain from it. Do not include the investing body.",
            "benefit_type": "In the Government Efficiency Framework's terms.",
        }
        widgets = {
            "definition": forms.Textarea(attrs={"rows": 3}),
            "unit": forms.TextInput(attrs={"class": "govuk-input--width-10"}),
            "direction": GovukRadios(inline=True),
            "frequency": GovukRadios(inline=True),
            "benefiting_bodies": GovukCheckboxes,
            "benefit_type": GovukRadios(hints=BENEFIT_HINTS),
        }

    def __init__(self, *args, initiative: Initiative, user: User, manages_all: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.initiative = initiative
        bodies = Body.objects.taking_part_in(initiative)
        owner_bodies = bodies if manages_all else bodies.with_member(user)
        offer_bodies(self.fields["owner_body"], owner_bodies)
        self.fields["owner_body"].required = not manages_all
        self.fields["owner_body"].empty_label = "Not assigned yet" if manages_all else None
        offer_bodies(self.fields["investing_body"], bodies)
        self.fields["investing_body"].empty_label = "No investing body"
        offer_bodies(self.fields["benefiting_bodies"], bodies)
        for name in ("definition", "unit", "direction"):
            self.fields[name].required = True
        self.fields["direction"].error_messages["required"] = "Select whether higher or lower is better"
        self.fields["direction"].choices = Measure.Direction.choices

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        # Retired measures keep their names: restore one rather than adding it again.
        others = Measure.all_records.filter(initiative=self.initiative).exclude(pk=self.instance.pk)
        if same := others.filter(name__iexact=name).first():
            retired = " (retired: restore it from the retired measures)" if same.is_retired else ""
            raise forms.ValidationError(f"There is already a measure called “{name}”{retired}")
        return name

    def clean(self):
        cleaned = super().clean()
        add_errors(self, measure_rule_errors(cleaned))
        return cleaned


class ReadingForm(GovukModelForm):
    value = _number_field("Value", required=True)

    class Meta:
        model = MeasureReading
        fields = ["taken_on", "value", "note"]
        labels = {"taken_on": "Date of the reading", "note": "Note (optional)"}
        help_texts = {"taken_on": "For example, 31 3 2026"}

    def __init__(self, *args, measure: Measure, **kwargs):
        kwargs.setdefault("prefix", "reading")
        super().__init__(*args, **kwargs)
        self.measure = measure
        self.fields["taken_on"].error_messages["required"] = "Enter the date of the reading"
        self.fields["value"].error_messages["required"] = "Enter the value"

    def clean_taken_on(self):
        taken_on = self.cleaned_data["taken_on"]
        if self.measure.readings.taken_on(taken_on).exists():
            raise forms.ValidationError(f"There is already a reading for {date_text(taken_on)}")
        return taken_on

    def clean(self):
        cleaned = super().clean()
        add_errors(self, impossible_dates.reading_problems(cleaned, today=timezone.localdate()))
        return cleaned


READING_DUE, READING_NOT_DUE = "due", "not_due"


class MeasureFilterForm(ListFilterForm):
    """The measures list's filters; the CSV download honours them too."""

    owner_body = choice_filter("Owner body", [], everything="All bodies")
    frequency = choice_filter("Reporting frequency", Measure.Frequency.choices, everything="Every frequency")
    reading = choice_filter(
        "Next reading",
        [(READING_DUE, "Due now or overdue"), (READING_NOT_DUE, "Not due yet")],
        everything="Due or not",
    )
    benefit_type = choice_filter("Benefit type", Measure.BenefitType.choices, everything="Every benefit type")

    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_body"].choices = [(ALL, "All bodies"), *body_choices(initiative)]

    def filter(self, measures):
        """The measures that match (all of them while the filters are invalid)."""
        if not self.is_valid():
            return measures
        data = self.cleaned_data
        for name, lookup in (
            ("owner_body", "owner_body_id"),
            ("frequency", "frequency"),
            ("benefit_type", "benefit_type"),
        ):
            if data[name]:
                measures = measures.filter(**{lookup: data[name]})
        if data["reading"]:
            due = Measure.objects.reading_due_by(timezone.localdate()).values("pk")
            keep = measures.filter if data["reading"] == READING_DUE else measures.exclude
            measures = keep(pk__in=due)
        return measures

"""What a write may send: JSON types are checked here, then the web's form checks the rules (form_answers)."""

from __future__ import annotations

from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from governance.glossary.models import DataDefinition
from governance.measures.models import Measure
from governance.risks.models import Risk, RiskAction

VERSION_HELP = "The version you read (a record's `version`): a change made since then gets 409 Conflict"


def _score() -> serializers.IntegerField:
    return serializers.IntegerField(min_value=1, max_value=5, required=False)


def _version() -> serializers.CharField:
    return serializers.CharField(max_length=200, required=False, help_text=VERSION_HELP)


def _amount() -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True, required=False)


def checked_answers(serializer_class: type[serializers.Serializer], request) -> dict:
    """The request's JSON, its types checked by the write's serializer (400 naming each field)."""
    checked = serializer_class(data=request.data)
    checked.is_valid(raise_exception=True)
    return dict(checked.validated_data)


def versioned_answers(serializer_class: type[serializers.Serializer], request, noun: str) -> dict:
    """A change's answers, which must say which version of the record the client read."""
    answers = checked_answers(serializer_class, request)
    if not answers.get("version"):
        raise ValidationError({"version": f"Send the version of the {noun} you read"})
    return answers


class OnlyKnownFields(serializers.Serializer):
    def validate(self, attrs):
        sent = self.initial_data if isinstance(self.initial_data, dict) else {}
        unknown = sorted(set(sent) - set(self.fields))
        if unknown:
            raise serializers.ValidationError(dict.fromkeys(unknown, "This API does not take this field"))
        return attrs


class RiskWriteSerializer(OnlyKnownFields):
    """A risk to add (title, scores, category, appetite and treatment required) or the fields to change."""

    title = serializers.CharField(max_length=200, required=False)
    cause = serializers.CharField(allow_blank=True, required=False)
    effect = serializers.CharField(allow_blank=True, required=False)
    category = serializers.ChoiceField(Risk.Category.choices, required=False)
    is_joint = serializers.BooleanField(required=False)
    owner_body = serializers.IntegerField(allow_null=True, required=False, help_text="A body's id")
    owner = serializers.IntegerField(allow_null=True, required=False, help_text="A person's id")
    inherent_likelihood = _score()
    inherent_impact = _score()
    current_likelihood = _score()
    current_impact = _score()
    target_likelihood = _score()
    target_impact = _score()
    appetite = serializers.ChoiceField(Risk.Appetite.choices, required=False)
    treatment = serializers.ChoiceField(Risk.Treatment.choices, required=False)
    proximity = serializers.ChoiceField(Risk.Proximity.choices, allow_blank=True, required=False)
    escalation_threshold = serializers.IntegerField(min_value=1, max_value=25, required=False)
    review_date = serializers.DateField(allow_null=True, required=False)
    status = serializers.ChoiceField(
        [Risk.Status.OPEN], required=False, help_text="Open a draft risk by assessing it (changes only)"
    )
    version = _version()


class RiskActionWriteSerializer(OnlyKnownFields):
    """A control in place or an action to take on a risk; an action needs its due date."""

    kind = serializers.ChoiceField(RiskAction.Kind.choices)
    description = serializers.CharField()
    owner_body = serializers.IntegerField(help_text="A body's id")
    owner = serializers.IntegerField(allow_null=True, required=False, help_text="A person's id")
    due_date = serializers.DateField(allow_null=True, required=False)


class ReadingWriteSerializer(OnlyKnownFields):
    """A measure's value on a date: one reading per date."""

    taken_on = serializers.DateField()
    value = serializers.DecimalField(max_digits=14, decimal_places=2)
    note = serializers.CharField(max_length=200, allow_blank=True, required=False)


class MeasureWriteSerializer(OnlyKnownFields):
    """A measure to add (name, definition, unit and direction required) or the fields to change."""

    name = serializers.CharField(max_length=200, required=False)
    definition = serializers.CharField(allow_blank=True, required=False)
    unit = serializers.CharField(max_length=50, allow_blank=True, required=False)
    direction = serializers.ChoiceField(Measure.Direction.choices, required=False)
    baseline = _amount()
    baseline_date = serializers.DateField(allow_null=True, required=False)
    target = _amount()
    target_date = serializers.DateField(allow_null=True, required=False)
    data_source = serializers.CharField(max_length=200, allow_blank=True, required=False)
    owner_body = serializers.IntegerField(allow_null=True, required=False, help_text="A body's id")
    frequency = serializers.ChoiceField(Measure.Frequency.choices, required=False)
    investing_body = serializers.IntegerField(allow_null=True, required=False, help_text="A body's id")
    benefiting_bodies = serializers.ListField(
        child=serializers.IntegerField(), required=False, help_text="Bodies' ids (not the investing body)"
    )
    benefit_type = serializers.ChoiceField(Measure.BenefitType.choices, required=False)
    agreed_before_start = serializers.BooleanField(required=False)
    agreed_on = serializers.DateField(allow_null=True, required=False)
    version = _version()


class MeaningWriteSerializer(serializers.Serializer):
    body = serializers.IntegerField(help_text="A body's id")
    meaning = serializers.CharField(
        max_length=2000, allow_blank=True, help_text="What the term means in that body today; blank for none"
    )


class TermWriteSerializer(OnlyKnownFields):
    """A glossary term to add (its `term` required) or the fields to change, with what it means in
    bodies taking part. Someone who may not change the term itself sends only their own bodies' meanings."""

    term = serializers.CharField(max_length=100, required=False)
    agreed_meaning = serializers.CharField(allow_blank=True, required=False)
    master_body = serializers.IntegerField(allow_null=True, required=False, help_text="A body's id")
    standard = serializers.CharField(max_length=200, allow_blank=True, required=False)
    status = serializers.ChoiceField(DataDefinition.Status.choices, required=False)
    meanings = MeaningWriteSerializer(many=True, required=False)
    version = _version()


class DecisionWriteSerializer(OnlyKnownFields):
    """A draft decision to add (title, context, options and recommendation required) or the fields of a
    draft or returned one to change."""

    title = serializers.CharField(max_length=200, required=False)
    context = serializers.CharField(required=False)
    options = serializers.CharField(required=False, help_text="The options considered, one per line")
    recommendation = serializers.CharField(required=False)
    due_date = serializers.DateField(allow_null=True, required=False, help_text="Today or later")
    raci_row = serializers.IntegerField(
        allow_null=True, required=False, help_text="A RACI row's id: the holder of its A decides"
    )
    version = _version()

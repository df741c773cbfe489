"""What a write may send: JSON types are checked here, then the web's form checks the rules (form_answers)."""

from __future__ import annotations

from rest_framework import serializers

from governance.risks.models import Risk, RiskAction

VERSION_HELP = "The version you read (a record's `version`): a change made since then gets 409 Conflict"


def _score() -> serializers.IntegerField:
    return serializers.IntegerField(min_value=1, max_value=5, required=False)


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
    version = serializers.CharField(max_length=200, required=False, help_text=VERSION_HELP)


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

"""How each record reads in the API: ids with the stable references people use (R001, D005, M003),
ISO 8601 dates, and people and bodies as small nested objects rather than bare ids."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from collab.versions import current_version
from governance.decisions.models import Decision, DecisionTransition
from governance.measures.models import Measure, MeasureReading
from governance.risks.models import Risk, RiskAction, RiskScoreChange
from initiatives.models import Body, Initiative, User

# The largest value of each integer column size: limits of the database, not of the record.
COLUMN_LIMITS = {2**15 - 1, 2**31 - 1, 2**63 - 1}


class RecordSerializer(serializers.ModelSerializer):
    """Leaves the database's integer limits out of the schema: the same on SQLite and PostgreSQL."""

    def build_standard_field(self, field_name, model_field):
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        if kwargs.get("max_value") in COLUMN_LIMITS:
            del kwargs["max_value"]
            kwargs["validators"] = [
                each
                for each in kwargs.get("validators", [])
                if getattr(each, "limit_value", None) not in COLUMN_LIMITS
            ]
        return field_class, kwargs


class BodySerializer(RecordSerializer):
    class Meta:
        model = Body
        fields = ["id", "name", "short_name"]


class PersonSerializer(RecordSerializer):
    class Meta:
        model = User
        fields = ["id", "full_name"]


class InitiativeSerializer(RecordSerializer):
    lead_body = BodySerializer(read_only=True)
    senior_owner = PersonSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Initiative
        fields = [
            "id",
            "slug",
            "title",
            "outcome_statement",
            "value_areas",
            "status",
            "classification",
            "operating_model",
            "lead_body",
            "senior_owner",
            "created_at",
            "updated_at",
        ]


class VersionedSerializer(RecordSerializer):
    """A record's edit version (collab/versions.py): send it back with a change so that a change made
    since you read the record is never overwritten (409 Conflict instead)."""

    version = serializers.SerializerMethodField()

    @extend_schema_field(serializers.CharField())
    def get_version(self, record) -> str:
        return current_version(record, self.version_histories(record))

    def version_histories(self, record) -> list | None:
        """The histories whose changes a record's version counts: its own, unless its edit form says more."""
        return None


RISK_FIELDS = [
    "id",
    "reference",
    "title",
    "status",
    "cause",
    "effect",
    "category",
    "owner_body",
    "owner",
    "is_joint",
    "inherent_likelihood",
    "inherent_impact",
    "inherent_score",
    "current_likelihood",
    "current_impact",
    "current_score",
    "target_likelihood",
    "target_impact",
    "target_score",
    "appetite",
    "treatment",
    "proximity",
    "escalation_threshold",
    "review_date",
    "retired_at",
    "created_at",
    "updated_at",
]


class RiskSerializer(RecordSerializer):
    reference = serializers.CharField(read_only=True)
    owner_body = BodySerializer(read_only=True, allow_null=True)
    owner = PersonSerializer(read_only=True, allow_null=True)
    inherent_score = serializers.IntegerField(read_only=True, allow_null=True)
    current_score = serializers.IntegerField(read_only=True, allow_null=True)
    target_score = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = Risk
        fields = RISK_FIELDS


def _one_to_five(**kwargs) -> serializers.IntegerField:
    # Declared, not derived from the column: the schema must not depend on the database's integer sizes.
    return serializers.IntegerField(read_only=True, min_value=1, max_value=5, **kwargs)


class RiskScoreChangeSerializer(RecordSerializer):
    changed_by = PersonSerializer(read_only=True)
    old_likelihood = _one_to_five(allow_null=True)
    old_impact = _one_to_five(allow_null=True)
    new_likelihood = _one_to_five()
    new_impact = _one_to_five()

    class Meta:
        model = RiskScoreChange
        fields = [
            "position",
            "old_likelihood",
            "old_impact",
            "new_likelihood",
            "new_impact",
            "changed_by",
            "changed_at",
            "note",
        ]


class RiskActionSerializer(RecordSerializer):
    owner = PersonSerializer(read_only=True, allow_null=True)
    owner_body = BodySerializer(read_only=True, allow_null=True)

    class Meta:
        model = RiskAction
        fields = ["id", "kind", "description", "owner", "owner_body", "due_date", "status"]


class RiskDetailSerializer(VersionedSerializer, RiskSerializer):
    score_history = RiskScoreChangeSerializer(source="score_changes", many=True, read_only=True)
    actions = RiskActionSerializer(many=True, read_only=True)

    class Meta(RiskSerializer.Meta):
        fields = [*RISK_FIELDS, "version", "score_history", "actions"]


DECISION_FIELDS = [
    "id",
    "reference",
    "title",
    "status",
    "context",
    "options",
    "recommendation",
    "due_date",
    "decider",
    "decider_reason",
    "deferred_until",
    "supersedes",
    "created_by",
    "retired_at",
    "created_at",
    "updated_at",
]


class DecisionSerializer(RecordSerializer):
    reference = serializers.CharField(read_only=True)
    decider = PersonSerializer(read_only=True, allow_null=True)
    created_by = PersonSerializer(read_only=True)
    supersedes = serializers.SlugRelatedField(slug_field="reference", read_only=True, allow_null=True)

    class Meta:
        model = Decision
        fields = DECISION_FIELDS


class DecisionTransitionSerializer(RecordSerializer):
    by = PersonSerializer(read_only=True)

    class Meta:
        model = DecisionTransition
        fields = ["from_status", "to_status", "by", "at", "comment", "deferred_until"]


class DecisionDetailSerializer(VersionedSerializer, DecisionSerializer):
    trail = DecisionTransitionSerializer(source="transitions", many=True, read_only=True)

    class Meta(DecisionSerializer.Meta):
        fields = [*DECISION_FIELDS, "version", "trail"]


MEASURE_FIELDS = [
    "id",
    "reference",
    "name",
    "definition",
    "unit",
    "baseline",
    "baseline_date",
    "target",
    "target_date",
    "direction",
    "data_source",
    "owner_body",
    "frequency",
    "investing_body",
    "benefiting_bodies",
    "benefit_type",
    "agreed_before_start",
    "agreed_on",
    "retired_at",
    "created_at",
]


class MeasureSerializer(RecordSerializer):
    reference = serializers.CharField(read_only=True)
    owner_body = BodySerializer(read_only=True, allow_null=True)
    investing_body = BodySerializer(read_only=True, allow_null=True)
    benefiting_bodies = BodySerializer(many=True, read_only=True)

    class Meta:
        model = Measure
        fields = MEASURE_FIELDS


class MeasureReadingSerializer(RecordSerializer):
    recorded_by = PersonSerializer(read_only=True, allow_null=True)

    class Meta:
        model = MeasureReading
        fields = ["id", "taken_on", "value", "note", "recorded_by", "recorded_at"]


class MeasureDetailSerializer(VersionedSerializer, MeasureSerializer):
    readings = MeasureReadingSerializer(many=True, read_only=True)

    class Meta(MeasureSerializer.Meta):
        fields = [*MEASURE_FIELDS, "version", "readings"]

"""How the rest of an initiative's record reads: bodies taking part, RACI, forums and the escalation
route, terms and meanings, data sharing agreements, assurance reviews and governance packs."""

from __future__ import annotations

from api.serializers import BodySerializer, PersonSerializer, RecordSerializer, VersionedSerializer
from governance.assurance.models import AssuranceReview, Recommendation
from governance.forums.models import EscalationLevel, Forum
from governance.glossary.forms import term_histories
from governance.glossary.models import BodyMeaning, DataDefinition, DataSharingAgreement
from governance.packs.models import GovernancePack
from governance.raci.models import RaciCell, RaciColumn, RaciRow
from initiatives.models import Assessment, InitiativeRole, Participation


class ParticipationSerializer(RecordSerializer):
    body = BodySerializer(read_only=True)

    class Meta:
        model = Participation
        fields = ["id", "body", "role"]


class RoleSerializer(RecordSerializer):
    person = PersonSerializer(source="user", read_only=True)

    class Meta:
        model = InitiativeRole
        fields = ["id", "person", "role", "assigned_at"]


class AssessmentSerializer(RecordSerializer):
    class Meta:
        model = Assessment
        fields = [
            "id",
            "number",
            "answers",
            "recommended_model",
            "chosen_model",
            "choice_reason",
            "components",
        ]


class RaciColumnSerializer(RecordSerializer):
    body = BodySerializer(read_only=True)
    holder = PersonSerializer(read_only=True, allow_null=True)

    class Meta:
        model = RaciColumn
        fields = ["id", "body", "role_name", "holder", "position"]


class RaciCellSerializer(RecordSerializer):
    class Meta:
        model = RaciCell
        fields = ["column", "value"]


class RaciRowSerializer(RecordSerializer):
    cells = RaciCellSerializer(many=True, read_only=True)

    class Meta:
        model = RaciRow
        fields = ["id", "activity", "kind", "position", "cells"]


class ForumSerializer(RecordSerializer):
    chair = PersonSerializer(read_only=True, allow_null=True)
    member_bodies = BodySerializer(many=True, read_only=True)

    class Meta:
        model = Forum
        fields = [
            "id",
            "name",
            "purpose",
            "chair",
            "member_bodies",
            "members",
            "cadence",
            "meets_from",
            "terms_of_reference",
            "retired_at",
        ]


class EscalationLevelSerializer(RecordSerializer):
    class Meta:
        model = EscalationLevel
        fields = ["id", "level", "name", "who", "forum", "threshold"]


class MeaningSerializer(RecordSerializer):
    body = BodySerializer(read_only=True)

    class Meta:
        model = BodyMeaning
        fields = ["body", "meaning"]


class TermSerializer(RecordSerializer):
    master_body = BodySerializer(read_only=True, allow_null=True)
    meanings = MeaningSerializer(many=True, read_only=True)

    class Meta:
        model = DataDefinition
        fields = [
            "id",
            "term",
            "agreed_meaning",
            "master_body",
            "standard",
            "status",
            "agreed_on",
            "meanings",
            "retired_at",
        ]


class TermDetailSerializer(VersionedSerializer, TermSerializer):
    class Meta(TermSerializer.Meta):
        fields = [*TermSerializer.Meta.fields, "version"]

    def version_histories(self, record) -> list:
        return term_histories(record)


class AgreementSerializer(RecordSerializer):
    parties = BodySerializer(many=True, read_only=True)

    class Meta:
        model = DataSharingAgreement
        fields = [
            "id",
            "title",
            "parties",
            "legal_gateway",
            "dpia_status",
            "dpia_date",
            "dpia_reviewer",
            "retention_period",
            "review_date",
            "signed_on",
            "retired_at",
        ]


class RecommendationSerializer(RecordSerializer):
    owner_body = BodySerializer(read_only=True)

    class Meta:
        model = Recommendation
        fields = ["id", "text", "owner_body", "due_date", "status", "proposed_at", "closed_at"]


class ReviewSerializer(RecordSerializer):
    reviewer = PersonSerializer(read_only=True)
    recommendations = RecommendationSerializer(many=True, read_only=True)

    class Meta:
        model = AssuranceReview
        fields = [
            "id",
            "review_type",
            "review_date",
            "reviewer",
            "findings",
            "scale",
            "confidence",
            "follow_up_due",
            "created_at",
            "recommendations",
        ]


class PackSerializer(RecordSerializer):
    class Meta:
        model = GovernancePack
        fields = ["id", "version", "status", "requested_at", "finished_at", "file_size", "page_count"]

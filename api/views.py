"""The API's reads: every list is what the token holder may see (Initiative.objects.visible_to), and a
record of another initiative is simply not found.

Each resource sits under its initiative, /api/v1/initiatives/{slug}/<resource>/, as the web pages do.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404
from django.urls import resolve
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from api import record_serializers as records
from api import serializers
from api.endpoints import SLUG, ApiEndpoint, InitiativePart, writes_schema
from api.form_answers import answered, valid
from api.problems import Conflict
from api.writes import DecisionWriteSerializer, checked_answers, versioned_answers
from governance.decisions import services as decision_services
from governance.decisions import states as decision_states
from governance.decisions.forms import DecisionForm
from governance.decisions.models import Decision
from governance.decisions.rules import ADD_DECISION, CHANGE_DECISION
from governance.export.document import export_document
from governance.forums.models import Forum
from governance.glossary.models import DataSharingAgreement
from governance.packs.downloads import pack_file_response
from governance.packs.models import GovernancePack
from governance.packs.rules import VIEW_GOVERNANCE_PACKS
from initiatives.models import Initiative


@csrf_exempt  # as DRF's own views: the API signs in by token, never by session cookie
@login_not_required  # the token is the sign-in, as ApiEndpoint says
def without_its_slash(request, anything: str):
    """An address written without its closing slash (/api/v1/initiatives/x/export) is served as the
    address with it, so clients need not know Django's habit; anything else is not found."""
    match = resolve(request.path_info + "/", urlconf=getattr(request, "urlconf", None))
    if match.url_name != "no_such_address":
        return match.func(request, *match.args, **match.kwargs)
    return NoSuchAddress.as_view()(request)


@extend_schema(exclude=True)
class NoSuchAddress(ApiEndpoint, APIView):
    """Any other address under /api/: a problem-details 404, never the web's HTML page."""

    permission_classes = [AllowAny]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raise NotFound("There is nothing at this address: the API's addresses are in /api/schema/")


class InitiativeViewSet(ApiEndpoint, viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.InitiativeSerializer
    queryset = Initiative.objects.none()  # the schema's model; get_queryset() is what is served
    lookup_field = "slug"
    lookup_value_converter = "slug"
    filterset_fields = ["status", "lead_body"]
    ordering_fields = ["title", "created_at", "updated_at"]

    def get_queryset(self):
        return Initiative.objects.visible_to(self.request.user).select_related("lead_body", "senior_owner")

    @extend_schema(
        summary="The whole governance record as one document",
        description=(
            "The facts the governance pack prints, as one JSON document described by the JSON Schema "
            "at /api/v1/schemas/initiative-export.json (its version is in the document's header)."
        ),
        responses={200: OpenApiResponse(response=OpenApiTypes.OBJECT, description="The initiative export")},
        filters=False,
    )
    @action(detail=True, methods=["get"], pagination_class=None)
    def export(self, request, slug=None):
        return Response(export_document(self.get_object()))


@writes_schema(DecisionWriteSerializer, serializers.DecisionDetailSerializer)
class DecisionViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, InitiativePart):
    queryset = Decision.objects.none()
    serializer_class = serializers.DecisionSerializer
    detail_serializer_class = serializers.DecisionDetailSerializer
    filterset_fields = ["status"]
    ordering_fields = ["number", "due_date", "created_at", "updated_at"]

    http_method_names = ["get", "post", "patch", "head", "options"]

    def create(self, request, *args, **kwargs):
        """Add a draft decision, as the web's Add a decision page does."""
        if not request.user.has_perm(ADD_DECISION, self.initiative):
            raise PermissionDenied("Only the initiative's programme managers add decisions")
        answers = checked_answers(DecisionWriteSerializer, request)
        form = valid(answered(DecisionForm, answers, initiative=self.initiative))
        decision = decision_services.decision_create(
            initiative=self.initiative, by=request.user, **form.as_fields()
        )
        return Response(serializers.DecisionDetailSerializer(decision).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        """Change a draft or returned decision; once submitted it waits for its decider, and once decided
        it is changed only by a new decision, on the web."""
        decision = self._changeable(self.get_object())
        if not decision_states.is_editable(decision.status):
            raise Conflict(decision_services.not_editable_message(decision))
        answers = versioned_answers(DecisionWriteSerializer, request, "decision")
        form = valid(answered(DecisionForm, answers, instance=decision, initiative=self.initiative))
        try:
            with form.versioned_save():
                decision_services.decision_update(decision=decision, by=request.user, **form.as_fields())
        except decision_services.DecisionChanged as refusal:
            raise Conflict(str(refusal)) from refusal
        return Response(serializers.DecisionDetailSerializer(decision).data)

    def update(self, request, *args, **kwargs):
        return self.partial_update(request, *args, **kwargs)

    def _changeable(self, decision: Decision) -> Decision:
        if not self.request.user.has_perm(CHANGE_DECISION, decision):
            raise PermissionDenied("Only the initiative's programme managers change and submit its decisions")
        return decision

    @extend_schema(parameters=[SLUG], request=None, responses={200: serializers.DecisionDetailSerializer})
    @action(detail=True, methods=["post"])
    def submit(self, request, *args, **kwargs):
        """Send a draft decision to the person who must decide, as its Submit button does. Deciding is
        not offered through the API: the decider decides on the web, with two-step verification."""
        decision = self._changeable(self.get_object())
        try:
            decision_services.decision_submit(decision=decision, by=request.user)
        except (decision_services.DecisionChanged, decision_services.NoDecider) as refusal:
            raise Conflict(str(refusal)) from refusal
        return Response(serializers.DecisionDetailSerializer(decision).data)

    def get_queryset(self):
        decisions = self.initiative.decisions.select_related("decider", "created_by", "supersedes")
        if self.action == "retrieve":
            return decisions.prefetch_related("transitions__by")
        return decisions


def initiative_part(serializer, records_of, ordering: str = "pk", **options) -> type[InitiativePart]:
    """A read-only register of one initiative: `records_of(initiative)` is its queryset."""

    def get_queryset(self):
        return records_of(self.initiative)

    attributes = {
        "serializer_class": serializer,
        "queryset": serializer.Meta.model.objects.none(),
        "get_queryset": get_queryset,
        "ordering_fields": [ordering],
        **options,
    }
    return type(f"{serializer.Meta.model.__name__}ViewSet", (InitiativePart,), attributes)


BodiesTakingPart = initiative_part(
    records.ParticipationSerializer, lambda i: i.participations.select_related("body")
)
Roles = initiative_part(records.RoleSerializer, lambda i: i.roles.select_related("user"))
Assessments = initiative_part(records.AssessmentSerializer, lambda i: i.assessments.all(), ordering="number")
RaciRows = initiative_part(
    records.RaciRowSerializer, lambda i: i.raci_rows.prefetch_related("cells"), ordering="position"
)
RaciColumns = initiative_part(
    records.RaciColumnSerializer,
    lambda i: i.raci_columns.select_related("body", "holder"),
    ordering="position",
)
Forums = initiative_part(
    records.ForumSerializer,
    lambda i: (
        Forum.all_records.filter(initiative=i).select_related("chair").prefetch_related("member_bodies")
    ),
)
EscalationLevels = initiative_part(
    records.EscalationLevelSerializer, lambda i: i.escalation_levels.all(), ordering="level"
)
Agreements = initiative_part(
    records.AgreementSerializer,
    lambda i: DataSharingAgreement.all_records.filter(initiative=i).prefetch_related("parties"),
)
Reviews = initiative_part(
    records.ReviewSerializer,
    lambda i: i.assurance_reviews.select_related("reviewer").prefetch_related("recommendations__owner_body"),
    ordering="review_date",
)


class PdfFile(BaseRenderer):
    """Lets a client ask for a pack's PDF by its type; a problem on the way is still JSON."""

    media_type = "application/pdf"
    format = "pdf"
    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data if isinstance(data, bytes) else JSONRenderer().render(data)


PackRecords = initiative_part(records.PackSerializer, lambda i: i.packs.all(), ordering="version")


class Packs(PackRecords):  # type: ignore[misc,valid-type]
    @extend_schema(
        parameters=[SLUG],
        summary="The pack's PDF",
        description="A ready pack's PDF, as its web page's download; a pack not ready yet is 409.",
        responses={(200, "application/pdf"): OpenApiTypes.BINARY},
        filters=False,
    )
    @action(detail=True, methods=["get"], renderer_classes=[JSONRenderer, PdfFile], pagination_class=None)
    def download(self, request, *args, **kwargs):
        pack = get_object_or_404(self.initiative.packs.without_content(), pk=kwargs["pk"])
        if not request.user.has_perm(VIEW_GOVERNANCE_PACKS, self.initiative):
            raise PermissionDenied("You may not download this initiative's packs")
        if pack.status != GovernancePack.Status.READY:
            raise Conflict(f"This pack is {pack.get_status_display().lower()}: download it once it is ready")
        return pack_file_response(pack, by=request.user)

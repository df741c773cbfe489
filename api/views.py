"""The API's reads: every list is what the token holder may see (Initiative.objects.visible_to), and a
record of another initiative is simply not found.

Each resource sits under its initiative, /api/v1/initiatives/{slug}/<resource>/, as the web pages do.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404
from django.urls import resolve
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.functional import cached_property
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from api import record_serializers as records
from api import serializers
from api.form_answers import current_answers, form_data, valid
from api.problems import Conflict
from api.writes import ReadingWriteSerializer, RiskActionWriteSerializer, RiskWriteSerializer
from governance.decisions import services as decision_services
from governance.decisions.models import Decision
from governance.decisions.rules import CHANGE_DECISION
from governance.export.document import export_document
from governance.forums.models import Forum
from governance.glossary.models import DataDefinition, DataSharingAgreement
from governance.measures import services as measure_services
from governance.measures.forms import ReadingForm
from governance.measures.models import Measure
from governance.measures.rules import CHANGE_MEASURE
from governance.predicates import MANAGE_REGISTERS
from governance.risks import services as risk_services
from governance.risks.forms import RiskActionForm, RiskForm
from governance.risks.models import Risk
from governance.risks.rules import ADD_RISK, CHANGE_RISK
from initiatives.models import Initiative

SLUG = OpenApiParameter("slug", str, OpenApiParameter.PATH, description="The initiative's slug")


class ApiEndpoint:
    """What every API view does: answer for itself without a session (401 with WWW-Authenticate, never
    the sign-in page), and put an ETag on every successful read, with 304 Not Modified to a client that
    already has it."""

    @classmethod
    def as_view(cls, *args, **kwargs):
        view = super().as_view(*args, **kwargs)  # type: ignore[misc]
        view.login_required = False  # LoginRequiredMiddleware: the token is the sign-in
        return view

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            response.render()
            set_response_etag(response)
            return get_conditional_response(request, etag=response["ETag"], response=response)
        return response


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


@extend_schema_view(list=extend_schema(parameters=[SLUG]), retrieve=extend_schema(parameters=[SLUG]))
class InitiativePart(ApiEndpoint, viewsets.ReadOnlyModelViewSet):
    """A register of one initiative the token holder may see; any other initiative is not found."""

    detail_serializer_class: type | None = None

    lookup_value_converter = "int"

    @cached_property
    def initiative(self) -> Initiative:
        return get_object_or_404(Initiative.objects.visible_to(self.request.user), slug=self.kwargs["slug"])

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class:
            return self.detail_serializer_class
        return self.serializer_class


def _answers(serializer_class, request) -> dict:
    checked = serializer_class(data=request.data)
    checked.is_valid(raise_exception=True)
    return checked.validated_data


@extend_schema_view(
    create=extend_schema(
        parameters=[SLUG], request=RiskWriteSerializer, responses={201: serializers.RiskDetailSerializer}
    ),
    partial_update=extend_schema(
        parameters=[SLUG], request=RiskWriteSerializer, responses={200: serializers.RiskDetailSerializer}
    ),
)
class RiskViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, InitiativePart):
    queryset = Risk.objects.none()
    serializer_class = serializers.RiskSerializer
    detail_serializer_class = serializers.RiskDetailSerializer
    filterset_fields = ["status", "category", "owner_body", "is_joint", "treatment"]
    ordering_fields = ["number", "review_date", "created_at", "updated_at"]

    http_method_names = ["get", "post", "patch", "head", "options"]

    def _form(self, answers: dict | None, risk: Risk | None = None) -> RiskForm:
        user, initiative = self.request.user, self.initiative
        manages_all = user.has_perm(MANAGE_REGISTERS, initiative)
        blank = RiskForm(instance=risk, initiative=initiative, user=user, manages_all=manages_all)
        if answers is None:
            return blank
        data = form_data(blank, {**current_answers(blank), **answers})
        return RiskForm(data, instance=risk, initiative=initiative, user=user, manages_all=manages_all)

    def create(self, request, *args, **kwargs):
        if not request.user.has_perm(ADD_RISK, self.initiative):
            raise PermissionDenied("Only the people of bodies taking part add risks")
        form = valid(self._form(_answers(RiskWriteSerializer, request)))
        risk = risk_services.risk_create(initiative=self.initiative, by=request.user, **form.as_fields())
        return Response(serializers.RiskDetailSerializer(risk).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        risk = self._changeable(self.get_object())
        answers = _answers(RiskWriteSerializer, request)
        if not answers.get("version"):
            raise ValidationError({"version": "Send the version of the risk you read"})
        form = valid(self._form(answers, risk))
        with form.versioned_save():
            risk_services.risk_update(risk=risk, by=request.user, **form.as_fields())
        return Response(serializers.RiskDetailSerializer(risk).data)

    def update(self, request, *args, **kwargs):
        return self.partial_update(request, *args, **kwargs)

    @extend_schema(
        parameters=[SLUG],
        request=RiskActionWriteSerializer,
        responses={201: serializers.RiskActionSerializer},
    )
    @action(detail=True, methods=["post"], url_path="actions", url_name="actions")
    def add_action(self, request, *args, **kwargs):
        """Add a control or an action to the risk, as its page's form does."""
        risk = self._changeable(self.get_object())
        blank = RiskActionForm(initiative=self.initiative)
        answers = {**current_answers(blank), **_answers(RiskActionWriteSerializer, request)}
        form = valid(RiskActionForm(form_data(blank, answers), initiative=self.initiative))
        added = risk_services.risk_action_add(risk=risk, by=request.user, **form.as_fields())
        return Response(serializers.RiskActionSerializer(added).data, status=status.HTTP_201_CREATED)

    def _changeable(self, risk: Risk) -> Risk:
        if not self.request.user.has_perm(CHANGE_RISK, risk):
            raise PermissionDenied("Only the owner body's people and the programme managers change this risk")
        if risk.is_retired:
            raise Conflict("This risk is closed: restore it on its closed view before changing it")
        return risk

    def get_queryset(self):
        risks = self.initiative.risks.select_related("owner_body", "owner")
        if self.action == "retrieve":
            return risks.prefetch_related(
                "score_changes__changed_by", "actions__owner", "actions__owner_body"
            )
        return risks


class DecisionViewSet(InitiativePart):
    queryset = Decision.objects.none()
    serializer_class = serializers.DecisionSerializer
    detail_serializer_class = serializers.DecisionDetailSerializer
    filterset_fields = ["status"]
    ordering_fields = ["number", "due_date", "created_at", "updated_at"]

    @extend_schema(parameters=[SLUG], request=None, responses={200: serializers.DecisionDetailSerializer})
    @action(detail=True, methods=["post"])
    def submit(self, request, *args, **kwargs):
        """Send a draft decision to the person who must decide, as its Submit button does. Deciding is
        not offered through the API: the decider decides on the web, with two-step verification."""
        decision = self.get_object()
        if not request.user.has_perm(CHANGE_DECISION, decision):
            raise PermissionDenied("Only the initiative's programme managers submit its decisions")
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


class MeasureViewSet(InitiativePart):
    queryset = Measure.objects.none()
    serializer_class = serializers.MeasureSerializer
    detail_serializer_class = serializers.MeasureDetailSerializer
    filterset_fields = ["owner_body", "frequency", "direction"]
    ordering_fields = ["name", "created_at"]

    @extend_schema(
        parameters=[SLUG],
        request=ReadingWriteSerializer,
        responses={201: serializers.MeasureReadingSerializer},
    )
    @action(detail=True, methods=["post"], url_path="readings", url_name="readings")
    def add_reading(self, request, *args, **kwargs):
        """Record the measure's value on a date, as its page's form does: one reading per date."""
        measure = self.get_object()
        if not request.user.has_perm(CHANGE_MEASURE, measure):
            raise PermissionDenied("Only the owner body's people and the programme managers record readings")
        if measure.is_retired:
            raise Conflict("This measure is retired: restore it before recording readings")
        blank = ReadingForm(measure=measure)
        form = valid(
            ReadingForm(form_data(blank, _answers(ReadingWriteSerializer, request)), measure=measure)
        )
        try:
            reading = measure_services.reading_add(measure=measure, by=request.user, **form.as_fields())
        except measure_services.DuplicateReading as refusal:
            raise ValidationError({"taken_on": str(refusal)}) from refusal
        return Response(serializers.MeasureReadingSerializer(reading).data, status=status.HTTP_201_CREATED)

    def get_queryset(self):
        # Retired measures too: the API reads the whole record, as the export and the pack's annex do.
        measures = Measure.all_records.filter(initiative=self.initiative)
        measures = measures.select_related("owner_body", "investing_body").prefetch_related(
            "benefiting_bodies"
        )
        if self.action == "retrieve":
            return measures.prefetch_related("readings__recorded_by")
        return measures


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
Terms = initiative_part(
    records.TermSerializer,
    lambda i: (
        DataDefinition.all_records.filter(initiative=i)
        .select_related("master_body")
        .prefetch_related("meanings__body")
    ),
    filterset_fields=["status"],
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
Packs = initiative_part(records.PackSerializer, lambda i: i.packs.all(), ordering="version")

"""The API's reads: every list is what the token holder may see (Initiative.objects.visible_to), and a
record of another initiative is simply not found.

Each resource sits under its initiative, /api/v1/initiatives/{slug}/<resource>/, as the web pages do.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.functional import cached_property
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets

from api import serializers
from governance.decisions.models import Decision
from governance.measures.models import Measure
from governance.risks.models import Risk
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


class InitiativeViewSet(ApiEndpoint, viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.InitiativeSerializer
    queryset = Initiative.objects.none()  # the schema's model; get_queryset() is what is served
    lookup_field = "slug"
    lookup_value_converter = "slug"
    filterset_fields = ["status", "lead_body"]
    ordering_fields = ["title", "created_at", "updated_at"]

    def get_queryset(self):
        return Initiative.objects.visible_to(self.request.user).select_related("lead_body", "senior_owner")


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


class RiskViewSet(InitiativePart):
    queryset = Risk.objects.none()
    serializer_class = serializers.RiskSerializer
    detail_serializer_class = serializers.RiskDetailSerializer
    filterset_fields = ["status", "category", "owner_body", "is_joint", "treatment"]
    ordering_fields = ["number", "review_date", "created_at", "updated_at"]

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

    def get_queryset(self):
        # Retired measures too: the API reads the whole record, as the export and the pack's annex do.
        measures = Measure.all_records.filter(initiative=self.initiative)
        measures = measures.select_related("owner_body", "investing_body").prefetch_related(
            "benefiting_bodies"
        )
        if self.action == "retrieve":
            return measures.prefetch_related("readings__recorded_by")
        return measures

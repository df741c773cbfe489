"""The registers people keep together through the API: risks with their controls and actions, measures with
their readings. Each write goes through the web's own form (api/form_answers.py), service, permission and
version check, so a rule lives in one place for both."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from api import serializers
from api.endpoints import SLUG, InitiativePart, writes_schema
from api.form_answers import answered, form_data, saved_or_invalid, valid
from api.problems import Conflict
from api.writes import (
    MeasureWriteSerializer,
    ReadingWriteSerializer,
    RiskActionWriteSerializer,
    RiskWriteSerializer,
    checked_answers,
    versioned_answers,
)
from governance.measures import services as measure_services
from governance.measures.forms import MeasureForm, ReadingForm
from governance.measures.models import Measure
from governance.measures.rules import ADD_MEASURE, CHANGE_MEASURE
from governance.risks import services as risk_services
from governance.risks.forms import RiskActionForm, RiskForm
from governance.risks.models import Risk
from governance.risks.rules import ADD_RISK, CHANGE_RISK


@writes_schema(RiskWriteSerializer, serializers.RiskDetailSerializer)
class RiskViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, InitiativePart):
    queryset = Risk.objects.none()
    serializer_class = serializers.RiskSerializer
    detail_serializer_class = serializers.RiskDetailSerializer
    filterset_fields = ["status", "category", "owner_body", "is_joint", "treatment"]
    ordering_fields = ["number", "review_date", "created_at", "updated_at"]

    http_method_names = ["get", "post", "patch", "head", "options"]

    def _form(self, answers: dict, risk: Risk | None = None) -> RiskForm:
        return answered(RiskForm, answers, instance=risk, **self.register_form_options)

    def create(self, request, *args, **kwargs):
        if not request.user.has_perm(ADD_RISK, self.initiative):
            raise PermissionDenied("Only the people of bodies taking part add risks")
        form = valid(self._form(checked_answers(RiskWriteSerializer, request)))
        risk = risk_services.risk_create(initiative=self.initiative, by=request.user, **form.as_fields())
        return Response(serializers.RiskDetailSerializer(risk).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        risk = self._changeable(self.get_object())
        form = valid(self._form(versioned_answers(RiskWriteSerializer, request, "risk"), risk))
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
        answers = checked_answers(RiskActionWriteSerializer, request)
        form = valid(answered(RiskActionForm, answers, initiative=self.initiative))
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


@writes_schema(MeasureWriteSerializer, serializers.MeasureDetailSerializer)
class MeasureViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, InitiativePart):
    queryset = Measure.objects.none()
    serializer_class = serializers.MeasureSerializer
    detail_serializer_class = serializers.MeasureDetailSerializer
    filterset_fields = ["owner_body", "frequency", "direction"]
    ordering_fields = ["name", "created_at"]

    http_method_names = ["get", "post", "patch", "head", "options"]

    def create(self, request, *args, **kwargs):
        if not request.user.has_perm(ADD_MEASURE, self.initiative):
            raise PermissionDenied("Only the people of bodies taking part add measures")
        answers = checked_answers(MeasureWriteSerializer, request)
        form = valid(answered(MeasureForm, answers, **self.register_form_options))
        measure = saved_or_invalid(
            form,
            "name",
            lambda: measure_services.measure_create(
                initiative=self.initiative, by=request.user, **form.as_fields()
            ),
        )
        return Response(serializers.MeasureDetailSerializer(measure).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        measure = self._changeable(self.get_object(), "change it")
        answers = versioned_answers(MeasureWriteSerializer, request, "measure")
        form = valid(answered(MeasureForm, answers, instance=measure, **self.register_form_options))
        with form.versioned_save():
            saved_or_invalid(
                form,
                "name",
                lambda: measure_services.measure_update(measure=measure, by=request.user, **form.as_fields()),
            )
        return Response(serializers.MeasureDetailSerializer(measure).data)

    def update(self, request, *args, **kwargs):
        return self.partial_update(request, *args, **kwargs)

    def _changeable(self, measure: Measure, doing: str) -> Measure:
        if not self.request.user.has_perm(CHANGE_MEASURE, measure):
            raise PermissionDenied(
                "Only the owner body's people and the programme managers change this measure"
            )
        if measure.is_retired:
            raise Conflict(f"This measure is retired: restore it before you {doing}")
        return measure

    @extend_schema(
        parameters=[SLUG],
        request=ReadingWriteSerializer,
        responses={201: serializers.MeasureReadingSerializer},
    )
    @action(detail=True, methods=["post"], url_path="readings", url_name="readings")
    def add_reading(self, request, *args, **kwargs):
        """Record the measure's value on a date, as its page's form does: one reading per date."""
        measure = self._changeable(self.get_object(), "record readings")
        blank = ReadingForm(measure=measure)
        form = valid(
            ReadingForm(form_data(blank, checked_answers(ReadingWriteSerializer, request)), measure=measure)
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

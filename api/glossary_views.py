"""The glossary through the API: terms added and changed, and each body's meaning recorded, through the
web's own form, service, permissions and version check."""

from __future__ import annotations

from rest_framework import mixins, status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from api import record_serializers as records
from api.endpoints import InitiativePart, writes_schema
from api.form_answers import current_answers, form_data, saved_or_invalid, valid
from api.problems import Conflict
from api.writes import TermWriteSerializer, checked_answers, versioned_answers
from governance.glossary import services as glossary_services
from governance.glossary.forms import TERM_FIELDS, DefinitionForm
from governance.glossary.models import DataDefinition
from governance.glossary.rules import ADD_DEFINITION, CHANGE_DEFINITION, RECORD_BODY_MEANING
from initiatives.models import Body


@writes_schema(TermWriteSerializer, records.TermDetailSerializer)
class Terms(mixins.CreateModelMixin, mixins.UpdateModelMixin, InitiativePart):
    """The glossary: terms with each body's meaning. Its people add terms; the master body's people and
    the programme managers change a term; every body taking part records its own meaning."""

    queryset = DataDefinition.objects.none()
    serializer_class = records.TermSerializer
    detail_serializer_class = records.TermDetailSerializer
    filterset_fields = ["status"]
    ordering_fields = ["pk"]

    http_method_names = ["get", "post", "patch", "head", "options"]

    def create(self, request, *args, **kwargs):
        if not request.user.has_perm(ADD_DEFINITION, self.initiative):
            raise PermissionDenied("Only the people of bodies taking part add terms")
        answers = checked_answers(TermWriteSerializer, request)
        bodies = Body.objects.taking_part_in(self.initiative)
        form = self._form(answers, DefinitionForm(initiative=self.initiative, bodies=list(bodies)))
        term = self._saved(
            form,
            lambda: glossary_services.definition_create(
                initiative=self.initiative, by=request.user, meanings=form.meanings, **form.as_fields()
            ),
        )
        return Response(records.TermDetailSerializer(term).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        term = self.get_object()
        bodies = Body.objects.taking_part_in(self.initiative)
        changes_the_term = request.user.has_perm(CHANGE_DEFINITION, term)
        if not changes_the_term and not request.user.has_perm(RECORD_BODY_MEANING, term):
            raise PermissionDenied("You may not change this term")
        if term.is_retired:
            raise Conflict("This term is withdrawn: restore it before changing it")
        answers = versioned_answers(TermWriteSerializer, request, "term")
        if changes_the_term:
            blank = DefinitionForm(instance=term, initiative=self.initiative, bodies=list(bodies))
        elif set(answers) & set(TERM_FIELDS):
            raise PermissionDenied(
                "Only the master body's people and the programme managers change the term itself: "
                "send only `meanings`, for your own bodies"
            )
        else:
            # As on the web: members of other bodies record only what the term means in their own.
            blank = DefinitionForm(
                instance=term,
                initiative=self.initiative,
                bodies=list(bodies.with_member(request.user)),
                term_fields=False,
            )
        form = self._form(answers, blank)
        with form.versioned_save():
            self._saved(
                form,
                lambda: glossary_services.definition_update(
                    definition=term, by=request.user, meanings=form.meanings, **form.as_fields()
                ),
            )
        return Response(records.TermDetailSerializer(self.get_object()).data)

    def update(self, request, *args, **kwargs):
        return self.partial_update(request, *args, **kwargs)

    def _form(self, answers: dict, blank: DefinitionForm) -> DefinitionForm:
        """The web's form with the client's answers, each meaning in its body's box."""
        meanings = answers.pop("meanings", [])
        boxes = {DefinitionForm.meaning_field_name(body): body for body in blank.meaning_bodies}
        for index, each in enumerate(meanings):
            name = f"meaning_{each['body']}"
            if name not in boxes:
                at_fault: list[dict] = [{} for _ in meanings]
                at_fault[index] = {"body": "Not a body taking part whose meaning you may record"}
                raise ValidationError({"meanings": at_fault})
            answers[name] = each["meaning"]
        data = form_data(blank, {**current_answers(blank), **answers})
        return valid(
            DefinitionForm(
                data,
                instance=blank.instance if blank.instance.pk else None,
                initiative=self.initiative,
                bodies=blank.meaning_bodies,
                term_fields="term" in blank.fields,
            )
        )

    def _saved(self, form: DefinitionForm, write):
        try:
            return saved_or_invalid(form, "term", write)
        except glossary_services.CannotAgree as refusal:
            raise ValidationError({"agreed_meaning": str(refusal)}) from refusal

    def get_queryset(self):
        terms = DataDefinition.all_records.filter(initiative=self.initiative)
        return terms.select_related("master_body").prefetch_related("meanings__body")

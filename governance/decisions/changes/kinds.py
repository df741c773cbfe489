"""Every kind of record a decision may be about, declared once.

For each: the model, which of the initiative's records may be linked, the form of the values
approval may give it (its fields are the fields that may change, read from the record for
"before"), the existing service that applies them, and where the record is shown. A kind whose
form has no fields of its own is linked, never changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet
from django.urls import reverse

from governance.assurance.models import Recommendation
from governance.decisions.changes.forms import (
    AgreementChangeForm,
    OperatingModelChangeForm,
    ProposedChangeForm,
    RiskChangeForm,
    TermChangeForm,
)
from governance.forums.models import EscalationLevel, Forum
from governance.glossary.models import DataDefinition, DataSharingAgreement
from governance.glossary.services import agreement_update, definition_update
from governance.raci.models import RaciRow
from governance.risks.models import Risk
from governance.risks.services import risk_update
from initiatives.models import Initiative, User
from initiatives.services import initiative_update

Apply = Callable[[Any, dict[str, Any], User], object]


@dataclass(frozen=True)
class Kind:
    slug: str
    noun: str  # "glossary term"
    model: type[Model]
    # The initiative's records that may be linked now (current ones).
    linkable: Callable[[Initiative], QuerySet]
    # Where the record is shown, given the record and its initiative's slug.
    page: Callable[[Any, str], str]
    # The path from the record to its initiative ("" for the initiative itself).
    initiative_path: str = "initiative"
    form: type[ProposedChangeForm] = ProposedChangeForm
    # Calls the record's own service with the checked values; None for kinds that are only linked.
    apply: Apply | None = None

    @property
    def changes_things(self) -> bool:
        return self.apply is not None

    @property
    def is_the_initiative(self) -> bool:
        return not self.initiative_path

    def every_record(self, initiative: Initiative) -> QuerySet:
        """The initiative's records of this kind, retired ones included (to show and to check)."""
        path = self.initiative_path or "pk"
        value = initiative.pk if path == "pk" else initiative
        return self.model._base_manager.filter(**{path: value})

    def name(self, record: Any) -> str:
        return f"The operating model of {record.title}" if self.is_the_initiative else str(record)


def _listed_on(url_name: str) -> Callable[[Any, str], str]:
    """Records shown on their register's page rather than a page of their own."""
    return lambda _record, slug: reverse(url_name, args=[slug])


def _term(record: DataDefinition, values: dict[str, Any], by: User) -> object:
    return definition_update(definition=record, by=by, **values)


def _agreement(record: DataSharingAgreement, values: dict[str, Any], by: User) -> object:
    # The service sets the parties every time; the decision leaves them as they are.
    return agreement_update(agreement=record, by=by, parties=list(record.parties.all()), **values)


def _risk(record: Risk, values: dict[str, Any], by: User) -> object:
    return risk_update(risk=record, by=by, **values)


def _operating_model(record: Initiative, values: dict[str, Any], by: User) -> object:
    return initiative_update(initiative=record, by=by, **values)


KINDS: dict[str, Kind] = {
    kind.slug: kind
    for kind in (
        Kind(
            "term",
            "glossary term",
            DataDefinition,
            lambda initiative: initiative.data_definitions.order_by("term"),
            _listed_on("governance:glossary"),
            form=TermChangeForm,
            apply=_term,
        ),
        Kind(
            "agreement",
            "data sharing agreement",
            DataSharingAgreement,
            lambda initiative: initiative.data_sharing_agreements.order_by("title"),
            _listed_on("governance:data_sharing"),
            form=AgreementChangeForm,
            apply=_agreement,
        ),
        Kind(
            "risk",
            "risk",
            Risk,
            lambda initiative: initiative.risks.live().filter(retired_at__isnull=True).order_by("number"),
            lambda risk, slug: reverse("governance:risk_detail", args=[slug, risk.pk]),
            form=RiskChangeForm,
            apply=_risk,
        ),
        Kind(
            "operating_model",
            "operating model",
            Initiative,
            lambda initiative: Initiative.objects.filter(pk=initiative.pk),
            _listed_on("initiatives:overview"),
            initiative_path="",
            form=OperatingModelChangeForm,
            apply=_operating_model,
        ),
        Kind(
            "raci_row",
            "RACI row",
            RaciRow,
            lambda initiative: initiative.raci_rows.in_matrix_order(),
            _listed_on("governance:raci"),
        ),
        Kind(
            "forum",
            "forum",
            Forum,
            lambda initiative: initiative.forums.order_by("name"),
            _listed_on("governance:forums"),
        ),
        Kind(
            "escalation_level",
            "escalation level",
            EscalationLevel,
            lambda initiative: initiative.escalation_levels.up_the_route(),
            _listed_on("governance:escalation"),
        ),
        Kind(
            "recommendation",
            "assurance recommendation",
            Recommendation,
            lambda initiative: Recommendation.objects.of(initiative).order_by("due_date", "pk"),
            lambda recommendation, slug: reverse(
                "governance:review_detail", args=[slug, recommendation.review_id]
            ),
            initiative_path="review__initiative",
        ),
    )
}

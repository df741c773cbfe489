"""Every kind of record the header's search finds, declared once.

For each: the model, the field that is its title and the fields of its text (both searched; a
title match ranks higher), how it is named in a result, the path from it to its initiative, and
where it is shown. Retired records are found too and marked as such (docs/adr/0018): a record
with a page of its own opens there; one shown only on its register opens on the register's
closed list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet
from django.urls import reverse

from governance.decisions.models import Decision
from governance.forums.models import Forum
from governance.glossary.models import DataDefinition, DataSharingAgreement
from governance.measures.models import Measure
from governance.retirement.registers import BY_KEY
from governance.risks.models import Risk
from initiatives.models import Initiative


def _on_register(url_name: str, register_key: str) -> Callable[[Any], str]:
    """Records shown on their register's page (and, once retired, on its closed list)."""
    closed = f"governance:{BY_KEY[register_key].url_name('closed')}"

    def link(record: Any) -> str:
        return reverse(closed if record.is_retired else url_name, args=[record.initiative.slug])

    return link


@dataclass(frozen=True)
class SearchKind:
    slug: str  # the value of the kind filter: "risk"
    label: str  # "Risks"
    noun: str  # "risk"
    model: type[Model]
    title_field: str
    text_fields: tuple[str, ...]
    link: Callable[[Any], str]
    # The path from the record to its initiative ("" for the initiative itself).
    initiative_path: str = "initiative"
    # The retirement register whose word marks a retired record ("closed"); "" if never retired.
    register_key: str = ""
    reference: Callable[[Any], str] = lambda _record: ""

    @property
    def fields(self) -> tuple[str, ...]:
        return (self.title_field, *self.text_fields)

    def records_in(self, initiatives: QuerySet) -> QuerySet:
        """Every record of this kind in the given initiatives, retired ones included."""
        path = f"{self.initiative_path}__in" if self.initiative_path else "pk__in"
        return self.model._base_manager.filter(**{path: initiatives.values("pk")})

    def initiative_of(self, record: Any) -> Initiative:
        return record if not self.initiative_path else record.initiative

    def title(self, record: Any) -> str:
        reference = self.reference(record)
        text = getattr(record, self.title_field)
        return f"{reference}: {text}" if reference else text

    def retired_word(self, record: Any) -> str:
        """ "Closed", "Withdrawn"...; "" for a record still in use."""
        if not self.register_key:
            return ""
        closed_risk = isinstance(record, Risk) and record.status == Risk.Status.CLOSED
        return BY_KEY[self.register_key].done.capitalize() if record.is_retired or closed_risk else ""


KINDS: dict[str, SearchKind] = {
    kind.slug: kind
    for kind in (
        SearchKind(
            "initiative",
            "Initiatives",
            "initiative",
            Initiative,
            "title",
            ("outcome_statement",),
            lambda initiative: initiative.get_absolute_url(),
            initiative_path="",
        ),
        SearchKind(
            "risk",
            "Risks",
            "risk",
            Risk,
            "title",
            ("cause", "effect"),
            lambda risk: reverse("governance:risk_detail", args=[risk.initiative.slug, risk.pk]),
            register_key="risks",
            reference=lambda risk: risk.reference,
        ),
        SearchKind(
            "decision",
            "Decisions",
            "decision",
            Decision,
            "title",
            ("context", "options", "recommendation"),
            lambda decision: decision.get_absolute_url(),
            register_key="decisions",
            reference=lambda decision: decision.reference,
        ),
        SearchKind(
            "term",
            "Glossary terms",
            "glossary term",
            DataDefinition,
            "term",
            ("agreed_meaning", "standard"),
            _on_register("governance:glossary", "glossary"),
            register_key="glossary",
        ),
        SearchKind(
            "measure",
            "Measures",
            "measure",
            Measure,
            "name",
            ("definition", "data_source"),
            lambda measure: reverse("governance:measure_detail", args=[measure.initiative.slug, measure.pk]),
            register_key="measures",
        ),
        SearchKind(
            "agreement",
            "Data sharing agreements",
            "data sharing agreement",
            DataSharingAgreement,
            "title",
            ("legal_gateway", "retention_period"),
            _on_register("governance:data_sharing", "data-sharing"),
            register_key="data-sharing",
        ),
        SearchKind(
            "forum",
            "Forums",
            "forum",
            Forum,
            "name",
            ("members", "terms_of_reference"),
            _on_register("governance:forums", "forums"),
            register_key="forums",
        ),
    )
}

"""The set-up page: what the model implies, and what is already in place."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from initiatives.models import Initiative


@dataclass
class InPlaceRow:
    key: str
    value: str
    href: str


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def in_place_rows(initiative: Initiative) -> list[InPlaceRow]:
    """What the initiative already holds, each linking to where it is kept."""
    counts = {
        "forums": initiative.forums.count(),
        "levels": initiative.escalation_levels.count(),
        "rows": initiative.raci_rows.count(),
        "columns": initiative.raci_columns.count(),
        "risks": initiative.risks.count(),
        "measures": initiative.measures.count(),
        "terms": initiative.data_definitions.count(),
        "agreements": initiative.data_sharing_agreements.count(),
        "decisions": initiative.decisions.count(),
    }

    def url(name: str) -> str:
        return reverse(f"governance:{name}", kwargs={"slug": initiative.slug})

    return [
        InPlaceRow("Forums", _count(counts["forums"], "forum", "forums"), url("forums")),
        InPlaceRow("Escalation route", _count(counts["levels"], "level", "levels"), url("escalation")),
        InPlaceRow(
            "RACI matrix",
            f"{_count(counts['rows'], 'row', 'rows')} and {_count(counts['columns'], 'column', 'columns')}",
            url("raci"),
        ),
        InPlaceRow("Risks", _count(counts["risks"], "risk", "risks"), url("risk_register")),
        InPlaceRow("Measures", _count(counts["measures"], "measure", "measures"), url("measures")),
        InPlaceRow("Data definitions", _count(counts["terms"], "term", "terms"), url("glossary")),
        InPlaceRow(
            "Data sharing agreements",
            _count(counts["agreements"], "agreement", "agreements"),
            url("data_sharing"),
        ),
        InPlaceRow("Decision log", _count(counts["decisions"], "decision", "decisions"), url("decisions")),
    ]

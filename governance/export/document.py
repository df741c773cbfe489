"""One document per initiative: its whole governance record as plain JSON, for a portfolio office's own tools.

The same records the governance pack prints, read by the same named querysets and rules (current
records, a term's effective status, the standing evidence for closing a recommendation, the facts
the health check reads), but written for machines: ids beside stable references (R001, D005),
enums as their stored values, ISO 8601 dates. Each record type is read with one query filtered by
the initiative, so the number of queries is the same for three risks or three hundred. The shape
is described by initiative-export.schema.json (governance.export.schema).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from governance.export import assurance, decision_rights, partnership, registers
from governance.export.references import moment, person
from governance.export.schema import SCHEMA_VERSION
from governance.health.facts import count_initiative_facts
from governance.retirement.registers import REGISTERS
from initiatives.models import Initiative

SOURCE = "Joined-up"


def export_document(initiative: Initiative) -> dict:
    return {
        "header": header(initiative),
        "initiative": partnership.initiative_record(initiative),
        "bodies": partnership.bodies(initiative),
        "team": partnership.team(initiative),
        "assessment": partnership.assessment(initiative),
        "raci": decision_rights.raci(initiative),
        "forums": decision_rights.forums(initiative),
        "escalation_route": decision_rights.escalation_route(initiative),
        "escalations": decision_rights.escalations(initiative),
        "decisions": decision_rights.decisions(initiative),
        "risks": registers.risks(initiative),
        "measures": registers.measures(initiative),
        "glossary": registers.glossary(initiative),
        "data_sharing_agreements": registers.agreements(initiative),
        "assurance_reviews": assurance.reviews(initiative),
        "retired_records": retired_records(initiative),
        "health": health(initiative),
    }


def header(initiative: Initiative) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "schema": reverse("api_schemas:initiative_export"),
        "generated_at": moment(timezone.now()),
        "source": SOURCE,
        "initiative_url": initiative.get_absolute_url(),
    }


def retired_records(initiative: Initiative) -> list[dict]:
    """What the pack's annex lists: every closed, retired, withdrawn, ended or stood-down record."""
    return [
        {
            "register": register.key,
            "id": record.pk,
            "label": str(record),
            "retired_at": moment(record.retired_at),
            "retired_by": person(record.retired_by),
            "reason": record.retirement_reason,
        }
        for register in REGISTERS
        for record in register.retired(initiative).select_related("retired_by")
    ]


def health(initiative: Initiative) -> dict:
    """The health check and every figure, counted from the records as the pack counts them (never the
    pages' cache): the same facts the pack's summary prints."""
    facts = count_initiative_facts(initiative)
    return {
        "checks": [
            {"key": item.key, "title": item.title, "status": item.status.value, "detail": item.detail}
            for item in facts.checks
        ],
        "figures": facts.figures(),
    }

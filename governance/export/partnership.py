"""The export's account of the partnership: the initiative, the bodies and people, the latest assessment."""

from __future__ import annotations

from governance.checklist.items import latest_assessment
from governance.export.references import body, moment, person
from initiatives.models import Initiative, InitiativeRole


def initiative_record(initiative: Initiative) -> dict:
    return {
        "id": initiative.pk,
        "slug": initiative.slug,
        "name": initiative.title,
        "outcome_statement": initiative.outcome_statement,
        "value_areas": list(initiative.value_areas),
        "status": initiative.status,
        "classification": initiative.classification,
        "lead_body": body(initiative.lead_body),
        "senior_owner": person(initiative.senior_owner),
        "senior_owner_decision_rights": list(initiative.senior_owner_decision_rights),
        "operating_model": initiative.operating_model or None,
        "created_at": moment(initiative.created_at),
        "updated_at": moment(initiative.updated_at),
    }


def bodies(initiative: Initiative) -> list[dict]:
    """In the pack's order: the lead, then partners, then the bodies that benefit or are consulted."""
    return [
        {
            "id": p.body.pk,
            "name": p.body.name,
            "short_name": p.body.short_name,
            "kind": p.body.kind,
            "nation": p.body.nation,
            "role": p.role,
            "stop_doing": list(p.stop_doing),
        }
        for p in initiative.participations.in_role_order()
    ]


def team(initiative: Initiative) -> list[dict]:
    roles = InitiativeRole.objects.filter(initiative=initiative).select_related("user")
    return [
        {"role": role.role, "person": person(role.user)}
        for role in roles.order_by("role", "user__full_name", "pk")
    ]


def assessment(initiative: Initiative) -> dict | None:
    """The latest run of the checklist: the recommendation, its reasons, and the model chosen."""
    latest = latest_assessment(initiative)
    if latest is None:
        return None
    result = latest.result or {}
    return {
        "number": latest.number,
        "created_at": moment(latest.created_at),
        "created_by": person(latest.created_by),
        "answers": dict(latest.answers),
        "recommended_model": latest.recommended_model,
        "recommended_components": [
            {"model": str(item.get("model", "")), "why": str(item.get("why", ""))}
            for item in result.get("components", [])
            if isinstance(item, dict)
        ],
        "reasons": [str(reason) for reason in result.get("reasons", [])],
        "alternatives": [
            {"model": str(item.get("model", "")), "why_not": str(item.get("why_not", ""))}
            for item in result.get("alternatives", [])
            if isinstance(item, dict)
        ],
        "warnings": [str(warning) for warning in result.get("warnings", [])],
        "chosen_model": latest.chosen_model,
        "chosen_components": list(latest.components),
        "choice_reason": latest.choice_reason,
    }

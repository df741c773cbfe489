"""The pack's account of the partnership: the initiative, its bodies and people, its latest assessment."""

from __future__ import annotations

from django.utils import timezone

from governance.packs.content.values import iso_date, model_label, person_name
from initiatives.models import Assessment, Initiative, InitiativeRole


def overview(initiative: Initiative) -> dict:
    return {
        "title": initiative.title,
        "slug": initiative.slug,
        "outcome_statement": initiative.outcome_statement,
        "value_areas": initiative.value_area_labels,
        "status": initiative.status,
        "status_label": initiative.get_status_display(),
        "classification": initiative.classification,
        "classification_label": initiative.get_classification_display(),
        "lead_body": initiative.lead_body.name,
        "senior_owner": person_name(initiative.senior_owner),
        "decision_rights": list(initiative.senior_owner_decision_rights),
        "operating_model": initiative.operating_model,
        "operating_model_label": model_label(initiative.operating_model)
        if initiative.operating_model
        else "",
    }


def bodies(initiative: Initiative) -> list[dict]:
    return [
        {
            "name": p.body.name,
            "short_name": p.body.short_name,
            "kind": p.body.get_kind_display(),
            "nation": p.body.get_nation_display(),
            "role": p.role,
            "role_label": p.get_role_display(),
            "stop_doing": list(p.stop_doing),
        }
        for p in initiative.participations.in_role_order()
    ]


def people(initiative: Initiative) -> dict:
    roles = (
        InitiativeRole.objects.filter(initiative=initiative)
        .select_related("user")
        .order_by("user__full_name")
    )
    return {
        "programme_managers": [
            person_name(r.user) for r in roles if r.role == InitiativeRole.Role.PROGRAMME_MANAGER
        ],
        "assurance_reviewers": [
            person_name(r.user) for r in roles if r.role == InitiativeRole.Role.ASSURANCE_REVIEWER
        ],
    }


def assessment(initiative: Initiative) -> dict | None:
    assessment = (
        Assessment.objects.filter(initiative=initiative)
        .select_related("created_by")
        .order_by("-number")
        .first()
    )
    if assessment is None:
        return None
    result = assessment.result or {}
    return {
        "number": assessment.number,
        "created_on": iso_date(timezone.localdate(assessment.created_at)),
        "created_by": person_name(assessment.created_by),
        "recommended_model": assessment.recommended_model,
        "recommended_label": model_label(assessment.recommended_model),
        "chosen_model": assessment.chosen_model,
        "chosen_label": model_label(assessment.chosen_model),
        "choice_reason": assessment.choice_reason,
        # The components adopted with the chosen model, each with why the engine gave.
        "components": [
            {"model": model_label(str(item.get("model", ""))), "why": str(item.get("why", ""))}
            for item in result.get("components", [])
            if isinstance(item, dict) and item.get("model") in assessment.components
        ],
        "reasons": [str(reason) for reason in result.get("reasons", [])],
        "alternatives": [
            {"model": model_label(str(item.get("model", ""))), "why_not": str(item.get("why_not", ""))}
            for item in result.get("alternatives", [])
            if isinstance(item, dict)
        ],
        "warnings": [str(warning) for warning in result.get("warnings", [])],
    }

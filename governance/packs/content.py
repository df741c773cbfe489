"""Everything a governance pack says, gathered from the database as plain JSON.

The snapshot is what the worker renders and what the fingerprint is taken over, so it holds
records and their labels only: nothing that depends on the moment of generation. Each record
type is read with one query filtered by the initiative (never one query per record), so the
number of queries is the same for an initiative with three risks or three hundred.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable

from django.utils import timezone

from governance import models as gov
from initiatives.models import Assessment, Initiative, InitiativeRole, Participation
from initiatives.operating_models import OperatingModel

# Bump when the shape changes, so a pack built from an older shape is never mistaken for a new one.
CONTENT_SCHEMA = 2


def _name(user) -> str:
    return (user.full_name or user.email) if user else ""


def _date(value) -> str | None:
    return value.isoformat() if value else None


def _decimal(value) -> str | None:
    return None if value is None else str(value)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _grouped(rows: Iterable, key: str) -> dict[int, list]:
    groups: dict[int, list] = defaultdict(list)
    for row in rows:
        groups[getattr(row, key)].append(row)
    return groups


def _model_label(slug: str) -> str:
    return OperatingModel(slug).label if slug in OperatingModel.values else slug


def gather_pack_content(initiative_id: int) -> dict:
    initiative = Initiative.objects.select_related("lead_body", "senior_owner").get(pk=initiative_id)
    return {
        "schema": CONTENT_SCHEMA,
        "initiative": _initiative(initiative),
        "bodies": _bodies(initiative),
        "people": _people(initiative),
        "assessment": _assessment(initiative),
        "forums": _forums(initiative),
        "escalation_levels": _escalation_levels(initiative),
        "escalations": _escalations(initiative),
        "raci": _raci(initiative),
        "risks": _risks(initiative),
        "measures": _measures(initiative),
        "definitions": _definitions(initiative),
        "data_sharing_agreements": _agreements(initiative),
        "decisions": _decisions(initiative),
        "reviews": _reviews(initiative),
        "health": _health(initiative),
    }


def _health(initiative: Initiative) -> list[dict]:
    """The derived health check, as of today: a risk passing its review date changes the pack."""
    from governance.health.checks import gather_health_facts, health_check

    facts, _flags = gather_health_facts(initiative)
    return [
        {
            "key": item.key,
            "title": item.title,
            "status": str(item.status),
            "status_label": item.status.label,
            "detail": item.detail,
        }
        for item in health_check(facts)
    ]


def content_fingerprint(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _initiative(initiative: Initiative) -> dict:
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
        "senior_owner": _name(initiative.senior_owner),
        "decision_rights": list(initiative.senior_owner_decision_rights),
        "operating_model": initiative.operating_model,
        "operating_model_label": _model_label(initiative.operating_model)
        if initiative.operating_model
        else "",
    }


def _bodies(initiative: Initiative) -> list[dict]:
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
        for p in Participation.objects.filter(initiative=initiative).in_role_order()
    ]


def _people(initiative: Initiative) -> dict:
    roles = (
        InitiativeRole.objects.filter(initiative=initiative)
        .select_related("user")
        .order_by("user__full_name")
    )
    return {
        "programme_managers": [
            _name(r.user) for r in roles if r.role == InitiativeRole.Role.PROGRAMME_MANAGER
        ],
        "assurance_reviewers": [
            _name(r.user) for r in roles if r.role == InitiativeRole.Role.ASSURANCE_REVIEWER
        ],
    }


def _assessment(initiative: Initiative) -> dict | None:
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
        "created_on": _date(timezone.localdate(assessment.created_at)),
        "created_by": _name(assessment.created_by),
        "recommended_model": assessment.recommended_model,
        "recommended_label": _model_label(assessment.recommended_model),
        "chosen_model": assessment.chosen_model,
        "chosen_label": _model_label(assessment.chosen_model),
        "choice_reason": assessment.choice_reason,
        # The components adopted with the chosen model, each with why the engine gave.
        "components": [
            {"model": _model_label(str(item.get("model", ""))), "why": str(item.get("why", ""))}
            for item in result.get("components", [])
            if isinstance(item, dict) and item.get("model") in assessment.components
        ],
        "reasons": [str(reason) for reason in result.get("reasons", [])],
        "alternatives": [
            {"model": _model_label(str(item.get("model", ""))), "why_not": str(item.get("why_not", ""))}
            for item in result.get("alternatives", [])
            if isinstance(item, dict)
        ],
        "warnings": [str(warning) for warning in result.get("warnings", [])],
    }


def _forums(initiative: Initiative) -> list[dict]:
    members = _grouped(
        gov.Forum.member_bodies.through.objects.filter(forum__initiative=initiative)
        .select_related("body")
        .order_by("body__name"),
        "forum_id",
    )
    return [
        {
            "name": forum.name,
            "purpose": forum.purpose,
            "purpose_label": forum.get_purpose_display(),
            "chair": _name(forum.chair),
            "cadence": forum.get_cadence_display(),
            "member_bodies": [link.body.short_name for link in members[forum.pk]],
            "members": _lines(forum.members),
            "terms_of_reference": forum.terms_of_reference,
        }
        for forum in gov.Forum.objects.filter(initiative=initiative).select_related("chair")
    ]


def _escalation_levels(initiative: Initiative) -> list[dict]:
    return [
        {
            "level": level.level,
            "name": level.name,
            "who": level.who,
            "forum": level.forum.name if level.forum else "",
            "threshold": level.threshold,
        }
        for level in gov.EscalationLevel.objects.filter(initiative=initiative).select_related("forum")
    ]


def _escalations(initiative: Initiative) -> list[dict]:
    escalations = gov.Escalation.objects.filter(initiative=initiative).select_related(
        "risk", "decision", "from_level", "to_level", "escalated_by"
    )
    return [
        {
            "subject": (
                f"{e.risk.reference}: {e.risk.title}"
                if e.risk
                else f"{e.decision.reference}: {e.decision.title}"
            ),
            "from_level": e.from_level.name if e.from_level else "",
            "to": "The board" if e.to_board or not e.to_level else e.to_level.name,
            "reason": e.reason,
            "by": _name(e.escalated_by),
            "at": e.escalated_at.isoformat(),
        }
        for e in escalations.order_by("escalated_at", "pk")
    ]


def _raci(initiative: Initiative) -> dict:
    columns = list(
        gov.RaciColumn.objects.filter(initiative=initiative)
        .select_related("body", "holder")
        .order_by("position", "pk")
    )
    cells = _grouped(gov.RaciCell.objects.filter(row__initiative=initiative), "row_id")
    return {
        "columns": [
            {
                "key": str(column.pk),
                "label": f"{column.body.short_name} {column.role_name}".strip(),
                "body": column.body.name,
                "holder": _name(column.holder),
            }
            for column in columns
        ],
        "rows": [
            {
                "activity": row.activity,
                "kind": row.kind,
                "kind_label": row.get_kind_display(),
                "cells": {str(cell.column_id): cell.value for cell in cells[row.pk]},
            }
            for row in gov.RaciRow.objects.filter(initiative=initiative).order_by("position", "pk")
        ],
    }


def _risks(initiative: Initiative) -> list[dict]:
    actions = _grouped(
        gov.RiskAction.objects.filter(risk__initiative=initiative).select_related("owner", "owner_body"),
        "risk_id",
    )
    risks = gov.Risk.objects.filter(initiative=initiative).select_related(
        "owner_body", "owner", "escalation_level"
    )
    return [
        {
            "number": risk.number,
            "reference": risk.reference,
            "title": risk.title,
            "cause": risk.cause,
            "effect": risk.effect,
            "category": risk.get_category_display(),
            "owner_body": risk.owner_body.short_name if risk.owner_body else "",
            "owner": _name(risk.owner),
            "is_joint": risk.is_joint,
            "inherent": [risk.inherent_likelihood, risk.inherent_impact],
            "current": [risk.current_likelihood, risk.current_impact],
            "target": [risk.target_likelihood, risk.target_impact],
            "appetite": risk.get_appetite_display(),
            "treatment": risk.get_treatment_display(),
            "proximity": risk.get_proximity_display() if risk.proximity else "",
            "escalation_threshold": risk.escalation_threshold,
            "review_date": _date(risk.review_date),
            "status": risk.status,
            "escalation_level": risk.escalation_level.name if risk.escalation_level else "",
            "actions": [
                {
                    "kind": action.get_kind_display(),
                    "description": action.description,
                    "owner": _name(action.owner)
                    or (action.owner_body.short_name if action.owner_body else ""),
                    "due_date": _date(action.due_date),
                    "status": action.get_status_display(),
                }
                for action in actions[risk.pk]
            ],
        }
        for risk in risks.order_by("number")
    ]


def _measures(initiative: Initiative) -> list[dict]:
    readings = _grouped(
        gov.MeasureReading.objects.filter(measure__initiative=initiative).order_by("taken_on"), "measure_id"
    )
    benefiting = _grouped(
        gov.Measure.benefiting_bodies.through.objects.filter(measure__initiative=initiative)
        .select_related("body")
        .order_by("body__name"),
        "measure_id",
    )
    measures = gov.Measure.objects.filter(initiative=initiative).select_related(
        "owner_body", "investing_body"
    )
    return [
        {
            "name": measure.name,
            "definition": measure.definition,
            "unit": measure.unit,
            "baseline": _decimal(measure.baseline),
            "baseline_date": _date(measure.baseline_date),
            "target": _decimal(measure.target),
            "target_date": _date(measure.target_date),
            "direction": measure.direction,
            "direction_label": measure.get_direction_display(),
            "data_source": measure.data_source,
            "owner_body": measure.owner_body.short_name if measure.owner_body else "",
            "frequency": measure.get_frequency_display(),
            "investing_body": measure.investing_body.short_name if measure.investing_body else "",
            "benefiting_bodies": [link.body.short_name for link in benefiting[measure.pk]],
            "benefit_type": measure.get_benefit_type_display(),
            "agreed_before_start": measure.agreed_before_start,
            "agreed_on": _date(measure.agreed_on),
            "readings": [[_date(r.taken_on), _decimal(r.value)] for r in readings[measure.pk]],
        }
        for measure in measures.order_by("name")
    ]


def _definitions(initiative: Initiative) -> list[dict]:
    meanings = _grouped(
        gov.BodyMeaning.objects.filter(definition__initiative=initiative)
        .select_related("body")
        .order_by("body__name"),
        "definition_id",
    )
    definitions = gov.DataDefinition.objects.filter(initiative=initiative).select_related("master_body")
    return [
        {
            "term": definition.term,
            "status": definition.status,
            "status_label": definition.get_status_display(),
            "agreed_meaning": definition.agreed_meaning,
            "master_body": definition.master_body.short_name if definition.master_body else "",
            "standard": definition.standard,
            "agreed_on": _date(definition.agreed_on),
            "meanings": [{"body": m.body.short_name, "meaning": m.meaning} for m in meanings[definition.pk]],
        }
        for definition in definitions.order_by("term")
    ]


def _agreements(initiative: Initiative) -> list[dict]:
    parties = _grouped(
        gov.DataSharingAgreement.parties.through.objects.filter(datasharingagreement__initiative=initiative)
        .select_related("body")
        .order_by("body__name"),
        "datasharingagreement_id",
    )
    return [
        {
            "title": agreement.title,
            "parties": [link.body.short_name for link in parties[agreement.pk]],
            "legal_gateway": agreement.legal_gateway,
            "dpia_status": agreement.dpia_status,
            "dpia_status_label": agreement.get_dpia_status_display(),
            "dpia_date": _date(agreement.dpia_date),
            "dpia_reviewer": agreement.dpia_reviewer,
            "retention_period": agreement.retention_period,
            "review_date": _date(agreement.review_date),
            "signed_on": _date(agreement.signed_on),
        }
        for agreement in gov.DataSharingAgreement.objects.filter(initiative=initiative).order_by("title")
    ]


def _decisions(initiative: Initiative) -> list[dict]:
    trails = _grouped(
        gov.DecisionTransition.objects.filter(decision__initiative=initiative)
        .select_related("by")
        .order_by("at", "pk"),
        "decision_id",
    )
    decisions = gov.Decision.objects.filter(initiative=initiative).select_related(
        "decider", "created_by", "raci_row", "supersedes"
    )
    statuses = dict(gov.Decision.Status.choices)
    return [
        {
            "number": decision.number,
            "reference": decision.reference,
            "title": decision.title,
            "context": decision.context,
            "options": _lines(decision.options),
            "recommendation": decision.recommendation,
            "due_date": _date(decision.due_date),
            "status": decision.status,
            "status_label": decision.get_status_display(),
            "decider": _name(decision.decider),
            "raci_activity": decision.raci_row.activity if decision.raci_row else "",
            "supersedes": decision.supersedes.reference if decision.supersedes else "",
            "created_by": _name(decision.created_by),
            "created_at": decision.created_at.isoformat(),
            "trail": [
                {
                    "from_label": statuses.get(step.from_status, "New"),
                    "to_label": statuses.get(step.to_status, step.to_status),
                    "by": _name(step.by),
                    "at": step.at.isoformat(),
                    "comment": step.comment,
                }
                for step in trails[decision.pk]
            ],
        }
        for decision in decisions.order_by("number")
    ]


def _reviews(initiative: Initiative) -> list[dict]:
    recommendations = _grouped(
        gov.Recommendation.objects.filter(review__initiative=initiative)
        .select_related("owner_body")
        .order_by("due_date", "pk"),
        "review_id",
    )
    reviews = gov.AssuranceReview.objects.filter(initiative=initiative).select_related("reviewer")
    return [
        {
            "review_type": review.get_review_type_display(),
            "review_date": _date(review.review_date),
            "reviewer": _name(review.reviewer),
            "findings": review.findings,
            "scale": review.scale,
            "scale_label": review.get_scale_display(),
            "confidence": review.confidence,
            "confidence_label": review.get_confidence_display(),
            "follow_up_due": _date(review.follow_up_due),
            "recommendations": [
                {
                    "text": item.text,
                    "owner_body": item.owner_body.short_name,
                    "due_date": _date(item.due_date),
                    "status": item.status,
                    "status_label": item.get_status_display(),
                    "completed_on": _date(timezone.localdate(item.completed_at))
                    if item.completed_at
                    else None,
                }
                for item in recommendations[review.pk]
            ],
        }
        for review in reviews.order_by("-review_date", "-pk")
    ]

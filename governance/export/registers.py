"""The export's shared registers: risks with their score history and actions, measures with readings,
the glossary with each body's meaning, data sharing agreements."""

from __future__ import annotations

from governance import models as gov
from governance.export.references import body, moment, person
from governance.glossary.meanings import effective_status
from governance.packs.content.registers import agreement_parties, measure_beneficiaries
from governance.packs.content.values import decimal_text, grouped
from initiatives.models import Initiative


def _position(likelihood: int | None, impact: int | None) -> dict:
    score = None if likelihood is None or impact is None else likelihood * impact
    return {"likelihood": likelihood, "impact": impact, "score": score}


def risks(initiative: Initiative) -> list[dict]:
    """Every risk the pack prints, closed ones too (their status says so)."""
    actions = grouped(
        gov.RiskAction.objects.filter(risk__initiative=initiative).select_related("owner", "owner_body"),
        "risk_id",
    )
    changes = grouped(
        gov.RiskScoreChange.objects.filter(risk__initiative=initiative).select_related("changed_by"),
        "risk_id",
    )
    found = gov.Risk.objects.filter(initiative=initiative).select_related("owner_body", "owner")
    return [_risk(risk, actions[risk.pk], changes[risk.pk]) for risk in found.order_by("number")]


def _risk(risk: gov.Risk, actions: list, changes: list) -> dict:
    return {
        "id": risk.pk,
        "reference": risk.reference,
        "title": risk.title,
        "cause": risk.cause,
        "effect": risk.effect,
        "category": risk.category or None,
        "owner_body": body(risk.owner_body),
        "owner": person(risk.owner),
        "is_joint": risk.is_joint,
        "status": risk.status,
        "assessed": risk.is_assessed,
        "inherent": _position(risk.inherent_likelihood, risk.inherent_impact),
        "current": _position(risk.current_likelihood, risk.current_impact),
        "target": _position(risk.target_likelihood, risk.target_impact),
        "appetite": risk.appetite or None,
        "treatment": risk.treatment or None,
        "proximity": risk.proximity or None,
        "escalation_threshold": risk.escalation_threshold,
        "above_threshold": risk.is_above_threshold,
        "escalation_level_id": risk.escalation_level_id,
        "review_date": moment(risk.review_date),
        "created_at": moment(risk.created_at),
        "score_history": [
            {
                "position": change.position,
                "old_likelihood": change.old_likelihood,
                "old_impact": change.old_impact,
                "new_likelihood": change.new_likelihood,
                "new_impact": change.new_impact,
                "changed_by": person(change.changed_by),
                "changed_at": moment(change.changed_at),
                "note": change.note,
            }
            for change in changes
        ],
        "actions": [
            {
                "id": action.pk,
                "kind": action.kind,
                "description": action.description,
                "owner": person(action.owner),
                "owner_body": body(action.owner_body),
                "due_date": moment(action.due_date),
                "status": action.status,
            }
            for action in actions
        ],
    }


def measures(initiative: Initiative) -> list[dict]:
    """Current measures, as the pack lists them; retired ones are among the retired records."""
    readings = grouped(
        gov.MeasureReading.objects.filter(measure__initiative=initiative).order_by("taken_on", "pk"),
        "measure_id",
    )
    benefiting = measure_beneficiaries(initiative)
    found = gov.Measure.objects.filter(initiative=initiative).select_related("owner_body", "investing_body")
    return [
        {
            "id": measure.pk,
            "name": measure.name,
            "assessed": not measure.is_draft,
            "definition": measure.definition,
            "unit": measure.unit,
            "baseline": decimal_text(measure.baseline),
            "baseline_date": moment(measure.baseline_date),
            "target": decimal_text(measure.target),
            "target_date": moment(measure.target_date),
            "direction": measure.direction or None,
            "data_source": measure.data_source,
            "owner_body": body(measure.owner_body),
            "frequency": measure.frequency,
            "investing_body": body(measure.investing_body),
            "benefiting_bodies": [body(link.body) for link in benefiting[measure.pk]],
            "benefit_type": measure.benefit_type,
            "agreed_before_start": measure.agreed_before_start,
            "agreed_on": moment(measure.agreed_on),
            "readings": [
                {"taken_on": moment(r.taken_on), "value": decimal_text(r.value), "note": r.note}
                for r in readings[measure.pk]
            ],
        }
        for measure in found.order_by("name")
    ]


def glossary(initiative: Initiative) -> list[dict]:
    """Current terms; `status` is as the glossary and the pack show it (differing meanings make a term
    disputed), `recorded_status` what was last set on the term."""
    meanings = grouped(
        gov.BodyMeaning.objects.of(initiative).select_related("body").order_by("body__short_name"),
        "definition_id",
    )
    found = gov.DataDefinition.objects.filter(initiative=initiative).select_related("master_body")
    return [
        {
            "id": term.pk,
            "term": term.term,
            "status": effective_status(term.status, [m.meaning for m in meanings[term.pk]]),
            "recorded_status": term.status,
            "agreed_meaning": term.agreed_meaning,
            "master_body": body(term.master_body),
            "standard": term.standard,
            "agreed_on": moment(term.agreed_on),
            "meanings": [{"body": body(m.body), "meaning": m.meaning} for m in meanings[term.pk]],
        }
        for term in found.order_by("term")
    ]


def agreements(initiative: Initiative) -> list[dict]:
    parties = agreement_parties(initiative)
    return [
        {
            "id": agreement.pk,
            "title": agreement.title,
            "parties": [body(link.body) for link in parties[agreement.pk]],
            "legal_gateway": agreement.legal_gateway,
            "dpia_status": agreement.dpia_status,
            "dpia_date": moment(agreement.dpia_date),
            "dpia_reviewer": agreement.dpia_reviewer,
            "retention_period": agreement.retention_period,
            "review_date": moment(agreement.review_date),
            "signed_on": moment(agreement.signed_on),
        }
        for agreement in gov.DataSharingAgreement.objects.filter(initiative=initiative).order_by("title")
    ]

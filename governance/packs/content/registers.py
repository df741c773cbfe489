"""The pack's shared registers: risks with their actions, measures with readings, definitions, agreements."""

from __future__ import annotations

from governance import models as gov
from governance.glossary.meanings import effective_status
from governance.packs.content.values import decimal_text, grouped, iso_date, person_name
from initiatives.models import Initiative


def risks(initiative: Initiative) -> list[dict]:
    actions = grouped(
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
            "owner": person_name(risk.owner),
            "is_joint": risk.is_joint,
            "assessed": risk.is_assessed,
            "inherent": [risk.inherent_likelihood, risk.inherent_impact],
            "current": [risk.current_likelihood, risk.current_impact],
            "target": [risk.target_likelihood, risk.target_impact],
            "appetite": risk.get_appetite_display(),
            "treatment": risk.get_treatment_display(),
            "proximity": risk.get_proximity_display() if risk.proximity else "",
            "escalation_threshold": risk.escalation_threshold,
            "review_date": iso_date(risk.review_date),
            "status": risk.status,
            "escalation_level": risk.escalation_level.name if risk.escalation_level else "",
            "actions": [
                {
                    "kind": action.get_kind_display(),
                    "description": action.description,
                    "owner": person_name(action.owner)
                    or (action.owner_body.short_name if action.owner_body else ""),
                    "due_date": iso_date(action.due_date),
                    "status": action.get_status_display(),
                }
                for action in actions[risk.pk]
            ],
        }
        for risk in risks.order_by("number")
    ]


def measure_beneficiaries(initiative: Initiative) -> dict[int, list]:
    """Each measure's benefiting bodies (links with their body), by measure id, in one query."""
    return grouped(
        gov.Measure.benefiting_bodies.through.objects.filter(measure__initiative=initiative)
        .select_related("body")
        .order_by("body__name"),
        "measure_id",
    )


def agreement_parties(initiative: Initiative) -> dict[int, list]:
    """Each data sharing agreement's parties (links with their body), by agreement id, in one query."""
    return grouped(
        gov.DataSharingAgreement.parties.through.objects.filter(datasharingagreement__initiative=initiative)
        .select_related("body")
        .order_by("body__name"),
        "datasharingagreement_id",
    )


def measures(initiative: Initiative) -> list[dict]:
    readings = grouped(
        gov.MeasureReading.objects.filter(measure__initiative=initiative).order_by("taken_on"), "measure_id"
    )
    benefiting = measure_beneficiaries(initiative)
    measures = gov.Measure.objects.filter(initiative=initiative).select_related(
        "owner_body", "investing_body"
    )
    return [
        {
            "name": measure.name,
            "assessed": not measure.is_draft,
            "definition": measure.definition,
            "unit": measure.unit,
            "baseline": decimal_text(measure.baseline),
            "baseline_date": iso_date(measure.baseline_date),
            "target": decimal_text(measure.target),
            "target_date": iso_date(measure.target_date),
            "direction": measure.direction,
            "direction_label": measure.get_direction_display(),
            "data_source": measure.data_source,
            "owner_body": measure.owner_body.short_name if measure.owner_body else "",
            "frequency": measure.get_frequency_display(),
            "investing_body": measure.investing_body.short_name if measure.investing_body else "",
            "benefiting_bodies": [link.body.short_name for link in benefiting[measure.pk]],
            "benefit_type": measure.get_benefit_type_display(),
            "agreed_before_start": measure.agreed_before_start,
            "agreed_on": iso_date(measure.agreed_on),
            "readings": [[iso_date(r.taken_on), decimal_text(r.value)] for r in readings[measure.pk]],
        }
        for measure in measures.order_by("name")
    ]


def definitions(initiative: Initiative) -> list[dict]:
    meanings = grouped(
        gov.BodyMeaning.objects.of(initiative).select_related("body").order_by("body__name"),
        "definition_id",
    )
    definitions = gov.DataDefinition.objects.filter(initiative=initiative).select_related("master_body")
    return [_definition(definition, meanings[definition.pk]) for definition in definitions.order_by("term")]


def _definition(definition: gov.DataDefinition, meanings: list) -> dict:
    # As the glossary shows it: differing meanings nobody has agreed make a term disputed.
    status = effective_status(definition.status, [m.meaning for m in meanings])
    return {
        "term": definition.term,
        "status": status,
        "status_label": gov.DataDefinition.Status(status).label,
        "agreed_meaning": definition.agreed_meaning,
        "master_body": definition.master_body.short_name if definition.master_body else "",
        "standard": definition.standard,
        "agreed_on": iso_date(definition.agreed_on),
        "meanings": [{"body": m.body.short_name, "meaning": m.meaning} for m in meanings],
    }


def agreements(initiative: Initiative) -> list[dict]:
    parties = agreement_parties(initiative)
    return [
        {
            "title": agreement.title,
            "parties": [link.body.short_name for link in parties[agreement.pk]],
            "legal_gateway": agreement.legal_gateway,
            "dpia_status": agreement.dpia_status,
            "dpia_status_label": agreement.get_dpia_status_display(),
            "dpia_date": iso_date(agreement.dpia_date),
            "dpia_reviewer": agreement.dpia_reviewer,
            "retention_period": agreement.retention_period,
            "review_date": iso_date(agreement.review_date),
            "signed_on": iso_date(agreement.signed_on),
        }
        for agreement in gov.DataSharingAgreement.objects.filter(initiative=initiative).order_by("title")
    ]

"""The export's assurance reviews, newest first, with their recommendations and the evidence closing them."""

from __future__ import annotations

from governance import models as gov
from governance.export.references import body, moment, person
from governance.packs.content.assurance import latest_proposals, standing_proposal
from governance.packs.content.values import grouped
from initiatives.models import Initiative


def reviews(initiative: Initiative) -> list[dict]:
    recommendations = grouped(
        gov.Recommendation.objects.of(initiative)
        .select_related("owner_body", "closed_by")
        .order_by("due_date", "pk"),
        "review_id",
    )
    evidence = latest_proposals(initiative)
    found = gov.AssuranceReview.objects.filter(initiative=initiative).select_related("reviewer")
    return [
        {
            "id": review.pk,
            "review_type": review.review_type,
            "review_date": moment(review.review_date),
            "reviewer": person(review.reviewer),
            "findings": review.findings,
            "scale": review.scale,
            "confidence": review.confidence,
            "follow_up_due": moment(review.follow_up_due),
            "recommendations": [
                _recommendation(item, evidence.get(item.pk)) for item in recommendations[review.pk]
            ],
        }
        for review in found.newest_first()
    ]


def _recommendation(item: gov.Recommendation, proposal: gov.RecommendationStep | None) -> dict:
    standing = standing_proposal(item, proposal)
    return {
        "id": item.pk,
        "text": item.text,
        "owner_body": body(item.owner_body),
        "due_date": moment(item.due_date),
        "status": item.status,
        "closure_proposal": {
            "proposed_by": person(standing.by),
            "proposed_at": moment(standing.at),
            "evidence": standing.comment,
            "evidence_links": list(standing.links),
            "evidence_decision": standing.decision.reference if standing.decision else None,
        }
        if standing
        else None,
        "closed_by": person(item.closed_by),
        "closed_at": moment(item.closed_at),
    }

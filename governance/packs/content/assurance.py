"""The pack's assurance reviews, newest first, with their recommendations and the evidence closing them."""

from __future__ import annotations

from django.utils import timezone

from governance import models as gov
from governance.packs.content.values import grouped, iso_date, person_name
from initiatives.models import Initiative


def reviews(initiative: Initiative) -> list[dict]:
    recommendations = grouped(
        gov.Recommendation.objects.of(initiative)
        .select_related("owner_body", "proposed_by", "closed_by")
        .order_by("due_date", "pk"),
        "review_id",
    )
    evidence = latest_proposals(initiative)
    reviews = gov.AssuranceReview.objects.filter(initiative=initiative).select_related("reviewer")
    return [
        {
            "review_type": review.get_review_type_display(),
            "review_date": iso_date(review.review_date),
            "reviewer": person_name(review.reviewer),
            "findings": review.findings,
            "scale": review.scale,
            "scale_label": review.get_scale_display(),
            "confidence": review.confidence,
            "confidence_label": review.get_confidence_display(),
            "follow_up_due": iso_date(review.follow_up_due),
            "recommendations": [
                _recommendation(item, evidence.get(item.pk)) for item in recommendations[review.pk]
            ],
        }
        for review in reviews.newest_first()
    ]


def _day(moment) -> str | None:
    return iso_date(timezone.localdate(moment)) if moment else None


def standing_proposal(
    item: gov.Recommendation, proposal: gov.RecommendationStep | None
) -> gov.RecommendationStep | None:
    """Evidence only while it stands: a reopened recommendation's old proposal is no longer its case."""
    return proposal if item.status != gov.Recommendation.Status.OPEN else None


def _recommendation(item: gov.Recommendation, proposal: gov.RecommendationStep | None) -> dict:
    proposal = standing_proposal(item, proposal)
    return {
        "text": item.text,
        "owner_body": item.owner_body.short_name,
        "due_date": iso_date(item.due_date),
        "status": item.status,
        "status_label": item.get_status_display(),
        "proposed_on": _day(proposal.at) if proposal else None,
        "proposed_by": person_name(proposal.by) if proposal else "",
        "evidence": proposal.comment if proposal else "",
        "evidence_links": list(proposal.links) if proposal else [],
        "evidence_decision": str(proposal.decision) if proposal and proposal.decision else "",
        "closed_on": _day(item.closed_at),
        "closed_by": person_name(item.closed_by),
    }


def latest_proposals(initiative: Initiative) -> dict[int, gov.RecommendationStep]:
    """Each recommendation's latest proposal to close it, in one query."""
    proposals = (
        gov.RecommendationStep.objects.filter(
            recommendation__review__initiative=initiative, to_status=gov.Recommendation.Status.PROPOSED_CLOSED
        )
        .select_related("by", "decision")
        .order_by("at", "pk")
    )
    return {step.recommendation_id: step for step in proposals}

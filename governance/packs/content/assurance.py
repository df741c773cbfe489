"""The pack's assurance reviews, newest first, with their recommendations."""

from __future__ import annotations

from django.utils import timezone

from governance import models as gov
from governance.packs.content.values import grouped, iso_date, person_name
from initiatives.models import Initiative


def reviews(initiative: Initiative) -> list[dict]:
    recommendations = grouped(
        gov.Recommendation.objects.of(initiative).select_related("owner_body").order_by("due_date", "pk"),
        "review_id",
    )
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
                {
                    "text": item.text,
                    "owner_body": item.owner_body.short_name,
                    "due_date": iso_date(item.due_date),
                    "status": item.status,
                    "status_label": item.get_status_display(),
                    "completed_on": iso_date(timezone.localdate(item.completed_at))
                    if item.completed_at
                    else None,
                }
                for item in recommendations[review.pk]
            ],
        }
        for review in reviews.newest_first()
    ]

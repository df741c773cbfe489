"""Writes for assurance: assigning reviewers, recording reviews, adding and completing recommendations."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from governance.assurance import confidence as scales
from governance.assurance.models import AssuranceReview, Recommendation
from governance.assurance.rules import is_assurance_reviewer
from initiatives import services as initiative_services
from initiatives.models import Body, Initiative, InitiativeRole, User
from initiatives.rules import is_assurance_reviewer_of


class AssuranceRefusal(Exception):
    """A request the current state does not allow; the message is fit to show the user."""


@transaction.atomic
def assurance_reviewer_assign(*, initiative: Initiative, reviewer: User, by: User) -> InitiativeRole:
    if not is_assurance_reviewer(reviewer):
        raise AssuranceRefusal(
            f"{reviewer} is not in the Assurance reviewers group. An administrator can add them."
        )
    assignment = initiative_services.role_assign(
        initiative=initiative,
        user=reviewer,
        role=InitiativeRole.Role.ASSURANCE_REVIEWER,
        by=by,
    )
    return assignment


@transaction.atomic
def assurance_reviewer_remove(*, assignment: InitiativeRole, by: User) -> None:
    if assignment.role != InitiativeRole.Role.ASSURANCE_REVIEWER:
        raise AssuranceRefusal("Only assurance reviewers are removed here.")
    initiative_services.role_remove(assignment=assignment, by=by)


def _check_review(*, review_date: datetime.date, scale: str, confidence: str, follow_up_due) -> None:
    if not scales.fits_scale(scale, confidence):
        raise AssuranceRefusal(scales.scale_mismatch_message(scale, confidence))
    if review_date > timezone.localdate():
        raise AssuranceRefusal("The review date must be today or in the past")
    if follow_up_due is not None and follow_up_due <= review_date:
        raise AssuranceRefusal("The follow-up review must be after the review date")


@transaction.atomic
def assurance_review_record(
    *,
    initiative: Initiative,
    reviewer: User,
    review_type: str,
    review_date: datetime.date,
    findings: str,
    scale: str,
    confidence: str,
    follow_up_due: datetime.date | None = None,
) -> AssuranceReview:
    """Record a review by an assigned reviewer; a Red result gets a follow-up date by default."""
    if not is_assurance_reviewer_of(reviewer, initiative):
        raise AssuranceRefusal("Only an assurance reviewer assigned to this initiative can record a review")
    follow_up_due = scales.follow_up_due(
        confidence=confidence,
        review_date=review_date,
        requested=follow_up_due,
        months=settings.ASSURANCE_FOLLOW_UP_MONTHS,
    )
    _check_review(review_date=review_date, scale=scale, confidence=confidence, follow_up_due=follow_up_due)
    review = AssuranceReview(
        initiative=initiative,
        reviewer=reviewer,
        review_type=review_type,
        review_date=review_date,
        findings=findings,
        scale=scale,
        confidence=confidence,
        follow_up_due=follow_up_due,
    )
    review._history_user = reviewer
    review.save()
    return review


@transaction.atomic
def assurance_review_update(
    *,
    review: AssuranceReview,
    by: User,
    review_type: str,
    review_date: datetime.date,
    findings: str,
    scale: str,
    confidence: str,
    follow_up_due: datetime.date | None = None,
) -> AssuranceReview:
    if review.reviewer_id != by.pk or not is_assurance_reviewer_of(by, review.initiative):
        raise AssuranceRefusal("Only the reviewer who recorded a review can change it")
    follow_up_due = scales.follow_up_due(
        confidence=confidence,
        review_date=review_date,
        requested=follow_up_due,
        months=settings.ASSURANCE_FOLLOW_UP_MONTHS,
    )
    _check_review(review_date=review_date, scale=scale, confidence=confidence, follow_up_due=follow_up_due)
    review.review_type = review_type
    review.review_date = review_date
    review.findings = findings
    review.scale = scale
    review.confidence = confidence
    review.follow_up_due = follow_up_due
    review._history_user = by
    review.save()
    return review


@transaction.atomic
def recommendation_add(
    *, review: AssuranceReview, text: str, owner_body: Body, due_date: datetime.date, by: User
) -> Recommendation:
    if review.reviewer_id != by.pk or not is_assurance_reviewer_of(by, review.initiative):
        raise AssuranceRefusal("Only the reviewer who recorded a review can add recommendations to it")
    if not review.initiative.participations.filter(body=owner_body).exists():
        raise AssuranceRefusal(f"{owner_body.name} does not take part in this initiative")
    if due_date < review.review_date:
        raise AssuranceRefusal("The due date must be on or after the review date")
    recommendation = Recommendation(review=review, text=text, owner_body=owner_body, due_date=due_date)
    recommendation._history_user = by
    recommendation.save()
    return recommendation


@transaction.atomic
def recommendation_complete(*, recommendation: Recommendation, by: User) -> Recommendation:
    """Mark a recommendation done, once: a second click or a colleague's click changes nothing."""
    locked = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if locked.status == Recommendation.Status.DONE:
        raise AssuranceRefusal(
            f"This recommendation was already marked as done by {locked.completed_by or 'someone else'}"
        )
    locked.status = Recommendation.Status.DONE
    locked.completed_by = by
    locked.completed_at = timezone.now()
    locked._history_user = by
    locked.save()
    return locked

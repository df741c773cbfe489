"""Writes for assurance: assigning reviewers, recording reviews, adding recommendations and closing them."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from collab.queue import enqueue_on_commit
from collab.state_machine import TransitionNotAllowed
from collab.unchanged import apply_changes
from governance.assurance import confidence as scales
from governance.assurance import states as closure
from governance.assurance.models import AssuranceReview, Recommendation, RecommendationStep
from governance.assurance.rules import (
    PROPOSE_RECOMMENDATION_CLOSURE,
    REVIEW_RECOMMENDATION_CLOSURE,
    closure_allowed,
    is_assurance_reviewer,
)
from governance.assurance.states import Move
from governance.assurance.tasks import notify_recommendation_moved
from governance.decisions.models import Decision
from initiatives import services as initiative_services
from initiatives.models import Body, Initiative, InitiativeRole, User
from initiatives.rules import is_assurance_reviewer_of


class AssuranceRefusal(Exception):
    """A request the current state does not allow; the message is fit to show the user."""


# Evidence links are followed by reviewers, so only web addresses, never javascript: or file:.
_web_address = URLValidator(schemes=["http", "https"])


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


def _checked_follow_up(
    *, review_date: datetime.date, scale: str, confidence: str, requested: datetime.date | None
) -> datetime.date | None:
    """The review's follow-up date (a Red result gets one by default), once the review is checked."""
    follow_up_due = scales.follow_up_due(
        confidence=confidence,
        review_date=review_date,
        requested=requested,
        months=settings.ASSURANCE_FOLLOW_UP_MONTHS,
    )
    if not scales.fits_scale(scale, confidence):
        raise AssuranceRefusal(scales.scale_mismatch_message(scale, confidence))
    if review_date > timezone.localdate():
        raise AssuranceRefusal("The review date must be today or in the past")
    if follow_up_due is not None and follow_up_due <= review_date:
        raise AssuranceRefusal("The follow-up review must be after the review date")
    return follow_up_due


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
    follow_up_due = _checked_follow_up(
        review_date=review_date, scale=scale, confidence=confidence, requested=follow_up_due
    )
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
    follow_up_due = _checked_follow_up(
        review_date=review_date, scale=scale, confidence=confidence, requested=follow_up_due
    )
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


def link_problem(link: str) -> str | None:
    """Why `link` cannot be kept as evidence, or None: a full web address, so anyone can follow it."""
    try:
        _web_address(link)
    except ValidationError:
        return f"{link[:80]} is not a web address. Enter a full link, starting with https://"
    return None


def _refusal(recommendation: Recommendation, move: Move) -> str:
    """Why `move` cannot be made now, naming who moved the recommendation last when someone did."""
    last = recommendation.steps.newest_first().select_related("by").first()
    if last is not None:
        at = timezone.localtime(last.at)
        return f"This recommendation was already {last.done} by {last.by} at {at:%H:%M} on {at:%-d %B %Y}."
    state = recommendation.get_status_display().lower()
    return f"This recommendation is {state}, so it cannot be {closure.TRANSITIONS[move].done}."


def _move(
    recommendation: Recommendation,
    move: Move,
    *,
    by: User,
    changes: dict,
    comment: str = "",
    links: Sequence[str] = (),
    decision: Decision | None = None,
) -> RecommendationStep:
    """Make `move` from the state the recommendation was read in, or raise AssuranceRefusal.

    The conditional UPDATE lets one of two people acting at once through; the other updates
    no row and is told who came first.
    """
    expected = recommendation.status
    try:
        target = closure.target_of(move, expected)
    except TransitionNotAllowed:
        raise AssuranceRefusal(_refusal(recommendation, move)) from None
    changes = {"status": target, **changes}
    # The proposal read, too: a reviewer answers the proposal they saw, never one made since.
    as_read = Recommendation.objects.filter(
        pk=recommendation.pk,
        status=expected,
        proposed_by_id=recommendation.proposed_by_id,
        proposed_at=recommendation.proposed_at,
    )
    if as_read.update(**changes) != 1:
        recommendation.refresh_from_db()
        raise AssuranceRefusal(_refusal(recommendation, move))
    apply_changes(recommendation, changes)
    # Saving the values the UPDATE wrote records the move in the recommendation's history too.
    recommendation._history_user = by  # type: ignore[attr-defined]
    recommendation.save(update_fields=list(changes))
    step = RecommendationStep.objects.create(
        recommendation=recommendation,
        from_status=expected,
        to_status=target,
        by=by,
        comment=comment.strip(),
        links=list(links),
        decision=decision,
    )
    enqueue_on_commit(notify_recommendation_moved, recommendation.pk, step.pk)
    return step


@transaction.atomic
def recommendation_propose_closure(
    *,
    recommendation: Recommendation,
    by: User,
    evidence: str,
    links: Sequence[str] = (),
    decision: Decision | None = None,
) -> Recommendation:
    """The owning side says the recommendation is met, with evidence; its reviewers are emailed."""
    if not closure_allowed(by, PROPOSE_RECOMMENDATION_CLOSURE, recommendation):
        raise AssuranceRefusal(
            f"Only people of {recommendation.owner_body.name} or a programme manager of the initiative "
            "can propose closing this recommendation"
        )
    if not evidence.strip():
        raise AssuranceRefusal("Enter the evidence that the recommendation has been met")
    problems = [problem for problem in map(link_problem, links) if problem]
    if problems:
        raise AssuranceRefusal(problems[0])
    if decision is not None and decision.initiative_id != recommendation.review.initiative_id:
        raise AssuranceRefusal("The decision belongs to another initiative")
    changes = {"proposed_by": by, "proposed_at": timezone.now()}
    _move(
        recommendation, Move.PROPOSE, by=by, changes=changes, comment=evidence, links=links, decision=decision
    )
    return recommendation


@transaction.atomic
def recommendation_review_closure(
    *, recommendation: Recommendation, by: User, move: Move, comment: str = ""
) -> Recommendation:
    """A reviewer other than the proposer confirms the closure, or reopens it saying why."""
    if move not in closure.REVIEWING:
        raise ValueError(f"{move} is not an answer to a proposed closure")
    if not closure.can(move, recommendation.status):
        raise AssuranceRefusal(_refusal(recommendation, move))
    if not closure_allowed(by, REVIEW_RECOMMENDATION_CLOSURE, recommendation):
        raise AssuranceRefusal(
            "Only an assurance reviewer of the initiative, other than the person who proposed it, "
            "can confirm or reopen this recommendation"
        )
    if move in closure.COMMENT_REQUIRED and not comment.strip():
        raise AssuranceRefusal("Enter why the recommendation is being reopened")
    now = timezone.now()
    closed = {"closed_by": by, "closed_at": now} if move == Move.CONFIRM else {}
    # Reopened, it is open again as if never proposed: the next proposal names its own proposer.
    changes = closed or {"proposed_by": None, "proposed_at": None}
    _move(recommendation, move, by=by, changes=changes, comment=comment)
    return recommendation

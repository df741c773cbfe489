"""Your work, assurance: recommendations proposed closed for a reviewer to confirm or reopen,
open recommendations for the owning side to act on, and the initiatives a reviewer assures.
Registered in governance's AppConfig.ready."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator

from collab.govuk_forms import date_text
from governance.assurance.models import Recommendation
from governance.assurance.presenters import ReviewerAssignment, reviewer_assignments
from initiatives.models import User
from initiatives.your_work import WorkItem, WorkItems, WorkKind


def _recommendation_item(recommendation: Recommendation, hint: str, status: str, label: str) -> WorkItem:
    review = recommendation.review
    return WorkItem(
        title=Truncator(recommendation.text).chars(120),
        context=review.initiative.title,
        href=reverse("governance:review_detail", kwargs={"slug": review.initiative.slug, "pk": review.pk}),
        hint=f"{review.initiative.title}. {hint}",
        status=status,
        status_label=label,
    )


def _proposed(recommendation: Recommendation) -> str:
    when = (
        f" on {date_text(timezone.localdate(recommendation.proposed_at))}"
        if recommendation.proposed_at
        else ""
    )
    return f"Proposed closed{when}: confirm it closed or reopen it."


# A programme manager's side may hold every open recommendation of every review: like the other
# long kinds, items are built for the rows shown only (initiatives.your_work.WorkItems).


def recommendations_to_confirm(user: User) -> WorkKind:
    def item(recommendation: Recommendation) -> WorkItem:
        hint = _proposed(recommendation)
        return _recommendation_item(recommendation, hint, "proposed_closed", "Proposed closed")

    recommendations = Recommendation.objects.awaiting_closure_review_by(user)
    return WorkKind(
        "recommendations-to-confirm", "Recommendations to confirm or reopen", WorkItems(recommendations, item)
    )


def recommendations_for_your_side(user: User) -> WorkKind:
    def item(recommendation: Recommendation) -> WorkItem:
        hint = f"For {recommendation.owner_body.short_name}, due {date_text(recommendation.due_date)}."
        return _recommendation_item(recommendation, hint, "open", "Open")

    recommendations = Recommendation.objects.owned_by_side_of(user)
    return WorkKind(
        "recommendations", "Assurance recommendations to act on", WorkItems(recommendations, item)
    )


def _assignment_hint(assignment: ReviewerAssignment) -> str:
    if assignment.confidence and assignment.review_date:
        reviewed = date_text(assignment.review_date)
        review = f"Delivery confidence {assignment.confidence_label}, reviewed {reviewed}."
    else:
        review = "No review yet."
    if assignment.pack_version:
        pack = f"Governance pack version {assignment.pack_version}: {assignment.pack_status_label}."
    else:
        pack = "No governance pack yet."
    return f"{review} {pack}"


def _assignment_status(assignment: ReviewerAssignment) -> tuple[str, str]:
    if assignment.follow_up_due:
        overdue = "Follow-up overdue" if assignment.follow_up_overdue else "Follow-up due"
        return ("overdue" if assignment.follow_up_overdue else "in_progress"), (
            f"{overdue} {date_text(assignment.follow_up_due)}"
        )
    if assignment.confidence:
        return assignment.confidence, assignment.confidence_label
    return "not_started", "No review yet"


def initiatives_you_assure(user: User) -> WorkKind:
    items = [
        WorkItem(
            # Not the initiative's bare title: the home page's table links that to the overview.
            title=f"Assurance of {assignment.initiative.title}",
            href=reverse("governance:assurance", kwargs={"slug": assignment.initiative.slug}),
            hint=_assignment_hint(assignment),
            status=status,
            status_label=label,
        )
        for assignment in reviewer_assignments(user)
        for status, label in [_assignment_status(assignment)]
    ]
    return WorkKind("assurance", "Initiatives you assure", items)

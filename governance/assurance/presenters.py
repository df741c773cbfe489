"""Shaping assurance pages, the overview panel and the reviewer's home panel."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import OuterRef, Prefetch, Subquery
from django.utils import timezone

from collab.history import HistoryEntry, history_entries
from governance.assurance.models import AssuranceReview, Recommendation, RecommendationStep
from governance.assurance.rules import (
    ASSIGN_ASSURANCE_REVIEWERS,
    PROPOSE_RECOMMENDATION_CLOSURE,
    RECORD_ASSURANCE_REVIEW,
    REVIEW_RECOMMENDATION_CLOSURE,
    closure_allowed,
)
from governance.packs.models import GovernancePack
from governance.packs.rules import REQUEST_GOVERNANCE_PACK
from initiatives.models import Initiative, User


@dataclass
class OpenRecommendation:
    """An open or proposed-closed recommendation, with what the user may do about it."""

    recommendation: Recommendation
    overdue: bool
    can_propose: bool = False
    can_review: bool = False


@dataclass
class AssuranceSummary:
    initiative: Initiative
    reviews: list[AssuranceReview]
    open_recommendations: list[OpenRecommendation]
    proposed_closures: list[OpenRecommendation]
    reviewers: list[User] = field(default_factory=list)
    can_record: bool = False
    can_assign: bool = False
    can_request_pack: bool = False
    today: datetime.date | None = None

    @property
    def latest(self) -> AssuranceReview | None:
        return self.reviews[0] if self.reviews else None

    @property
    def follow_up_due(self) -> datetime.date | None:
        """A follow-up stays due until a later review is recorded."""
        return self.latest.follow_up_due if self.latest else None

    @property
    def follow_up_overdue(self) -> bool:
        return bool(self.follow_up_due and self.today and self.follow_up_due < self.today)


def _closure_rights(user: User, items: list[Recommendation]) -> dict[int, tuple[bool, bool]]:
    """Whether the user may propose closing, or review the closure of, each recommendation.

    Proposing depends only on the owner body, so it is asked once per body; reviewing only on
    being a reviewer (remembered per request) and not the proposer, so it costs no query.
    """
    may_propose: dict[int, bool] = {}
    rights = {}
    for item in items:
        if item.status == Recommendation.Status.OPEN and item.owner_body_id not in may_propose:
            may_propose[item.owner_body_id] = closure_allowed(user, PROPOSE_RECOMMENDATION_CLOSURE, item)
        rights[item.pk] = (
            item.status == Recommendation.Status.OPEN and may_propose[item.owner_body_id],
            item.status == Recommendation.Status.PROPOSED_CLOSED
            and closure_allowed(user, REVIEW_RECOMMENDATION_CLOSURE, item),
        )
    return rights


def _outstanding(items: list[Recommendation], status: str, rights: dict, today: datetime.date):
    return [
        OpenRecommendation(item, item.due_date < today, *rights.get(item.pk, (False, False)))
        for item in sorted(items, key=lambda item: (item.due_date, item.pk))
        if item.status == status
    ]


def assurance_summary(initiative: Initiative, user: User, *, with_actions: bool = True) -> AssuranceSummary:
    today = timezone.localdate()
    reviews = list(
        initiative.assurance_reviews.select_related("reviewer").prefetch_related(
            Prefetch("recommendations", queryset=Recommendation.objects.select_related("owner_body"))
        )
    )
    items = [item for review in reviews for item in review.recommendations.all()]
    rights = _closure_rights(user, items) if with_actions else {}
    reviewers = [role.user for role in initiative.roles.assurance_reviewers().select_related("user")]
    return AssuranceSummary(
        initiative=initiative,
        reviews=reviews,
        open_recommendations=_outstanding(items, Recommendation.Status.OPEN, rights, today),
        proposed_closures=_outstanding(items, Recommendation.Status.PROPOSED_CLOSED, rights, today),
        reviewers=reviewers,
        can_record=with_actions and user.has_perm(RECORD_ASSURANCE_REVIEW, initiative),
        can_assign=with_actions and user.has_perm(ASSIGN_ASSURANCE_REVIEWERS, initiative),
        can_request_pack=with_actions and user.has_perm(REQUEST_GOVERNANCE_PACK, initiative),
        today=today,
    )


@dataclass
class RecommendationRow:
    """A recommendation on its review's page: its trail of moves and what the user may do."""

    recommendation: Recommendation
    trail: list[RecommendationStep]
    can_propose: bool
    can_review: bool


def review_recommendations(review: AssuranceReview, user: User) -> list[RecommendationRow]:
    """A review's recommendations, each with its closure trail and the user's rights over it."""
    recommendations = list(
        review.recommendations.select_related(
            "owner_body", "closed_by", "review__initiative"
        ).prefetch_related(
            Prefetch(
                "steps", queryset=RecommendationStep.objects.select_related("by", "decision__initiative")
            )
        )
    )
    rights = _closure_rights(user, recommendations)
    return [RecommendationRow(item, list(item.steps.all()), *rights[item.pk]) for item in recommendations]


def closure_trail(recommendation: Recommendation) -> list[RecommendationStep]:
    """Every move of the recommendation towards closure, oldest first: the latest proposal's evidence last."""
    return list(recommendation.steps.select_related("by", "decision__initiative"))


def recommendations_of(initiative: Initiative):
    """Every recommendation of every review of the initiative: the scope for fetching one by id."""
    return Recommendation.objects.of(initiative).select_related("review__initiative")


def _latest(queryset, column: str):
    return Subquery(queryset.values(column)[:1])


@dataclass
class ReviewerAssignment:
    initiative: Initiative
    confidence: str | None
    review_date: datetime.date | None
    follow_up_due: datetime.date | None
    pack_version: int | None
    pack_status: str | None
    today: datetime.date

    @property
    def confidence_label(self) -> str:
        return AssuranceReview.Confidence(self.confidence).label if self.confidence else ""

    @property
    def pack_status_label(self) -> str:
        return GovernancePack.Status(self.pack_status).label if self.pack_status else ""

    @property
    def follow_up_overdue(self) -> bool:
        return bool(self.follow_up_due and self.follow_up_due < self.today)


def reviewer_assignments(user: User) -> list[ReviewerAssignment]:
    """The initiatives a reviewer is assigned to, with their latest confidence and pack, in one query."""
    if not user.is_authenticated:
        return []
    reviews = AssuranceReview.objects.filter(initiative=OuterRef("pk")).newest_first()
    packs = GovernancePack.objects.filter(initiative=OuterRef("pk")).order_by("-version")
    initiatives = (
        Initiative.objects.visible_to(user)
        .reviewed_by(user)
        .select_related("lead_body")
        .annotate(
            latest_confidence=_latest(reviews, "confidence"),
            latest_review_date=_latest(reviews, "review_date"),
            latest_follow_up_due=_latest(reviews, "follow_up_due"),
            latest_pack_version=_latest(packs, "version"),
            latest_pack_status=_latest(packs, "status"),
        )
        .order_by("title")
    )
    today = timezone.localdate()
    return [
        ReviewerAssignment(
            initiative=initiative,
            confidence=initiative.latest_confidence,
            review_date=initiative.latest_review_date,
            follow_up_due=initiative.latest_follow_up_due,
            pack_version=initiative.latest_pack_version,
            pack_status=initiative.latest_pack_status,
            today=today,
        )
        for initiative in initiatives
    ]


def review_history(review: AssuranceReview) -> list[HistoryEntry]:
    """Every change to the review and its recommendations."""
    return history_entries([review.history.all(), Recommendation.history.filter(review_id=review.pk)])

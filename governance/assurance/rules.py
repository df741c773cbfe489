"""Who may assign assurance reviewers, record reviews, and propose and review closing recommendations."""

from __future__ import annotations

import rules

from governance.predicates import is_member_of_owner_body_of, is_programme_manager_of_initiative_of
from initiatives.models import User
from initiatives.roles import ASSURANCE_REVIEWERS_GROUP as ASSURANCE_REVIEWERS_GROUP  # re-exported
from initiatives.rules import (
    can_edit_initiative,
    can_read_initiative,
    is_assurance_reviewer_of,
)

VIEW_ASSURANCE = "governance.view_assurancereview"
ASSIGN_ASSURANCE_REVIEWERS = "governance.assign_assurance_reviewers"
RECORD_ASSURANCE_REVIEW = "governance.add_assurancereview"
CHANGE_ASSURANCE_REVIEW = "governance.change_assurancereview"
PROPOSE_RECOMMENDATION_CLOSURE = "governance.propose_recommendation_closure"
REVIEW_RECOMMENDATION_CLOSURE = "governance.review_recommendation_closure"


@rules.predicate
def is_assurance_reviewer(user) -> bool:
    """Eligible to be assigned as a reviewer: an administrator put them in the group in Django admin."""
    return (
        user.is_authenticated
        and user.is_active
        and User.objects.eligible_to_review().filter(pk=user.pk).exists()
    )


@rules.predicate
def is_author_of_review(user, review) -> bool:
    """The reviewer who recorded the review, while still assigned to the initiative."""
    if review is None or review.reviewer_id != user.pk:
        return False
    return is_assurance_reviewer_of(user, review.initiative)


@rules.predicate
def is_reviewer_of_recommendation(user, recommendation) -> bool:
    """An assurance reviewer assigned to the recommendation's initiative."""
    return recommendation is not None and is_assurance_reviewer_of(user, recommendation.initiative)


@rules.predicate
def is_proposer_of(user, recommendation) -> bool:
    """The person whose proposal to close the recommendation awaits a reviewer."""
    return recommendation is not None and user.is_authenticated and recommendation.proposed_by_id == user.pk


# The owning body: its people, while it takes part, and the initiative's programme managers.
is_owning_side_of = is_programme_manager_of_initiative_of | is_member_of_owner_body_of


rules.add_perm(VIEW_ASSURANCE, can_read_initiative)
rules.add_perm(ASSIGN_ASSURANCE_REVIEWERS, can_edit_initiative)
# Reviewers record reviews; nothing else in the initiative is theirs to change.
rules.add_perm(RECORD_ASSURANCE_REVIEW, is_assurance_reviewer_of)
rules.add_perm(CHANGE_ASSURANCE_REVIEW, is_author_of_review)
# Closing a recommendation takes two people: the owning side proposes, with evidence, and a reviewer
# of the initiative other than the proposer confirms or reopens it.
rules.add_perm(PROPOSE_RECOMMENDATION_CLOSURE, is_owning_side_of)
rules.add_perm(REVIEW_RECOMMENDATION_CLOSURE, is_reviewer_of_recommendation & ~is_proposer_of)


def closure_allowed(user, permission: str, recommendation) -> bool:
    """The closure permission exactly as declared: User.has_perm lets active superusers through
    everything, and an administrator is neither the owning body nor the recommendation's reviewer."""
    return user.is_active and rules.has_perm(permission, user, recommendation)

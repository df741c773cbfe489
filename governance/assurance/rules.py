"""Who may assign assurance reviewers, record reviews and complete their recommendations."""

from __future__ import annotations

import rules

from initiatives.rules import (
    ASSURANCE_REVIEWERS_GROUP,
    can_edit_initiative,
    can_read_initiative,
    is_assurance_reviewer_of,
    is_participant_of,
    is_programme_manager_of,
    member_body_ids,
)

VIEW_ASSURANCE = "governance.view_assurancereview"
ASSIGN_ASSURANCE_REVIEWERS = "governance.assign_assurance_reviewers"
RECORD_ASSURANCE_REVIEW = "governance.add_assurancereview"
CHANGE_ASSURANCE_REVIEW = "governance.change_assurancereview"
COMPLETE_RECOMMENDATION = "governance.complete_recommendation"


@rules.predicate
def is_assurance_reviewer(user) -> bool:
    """Eligible to be assigned as a reviewer: an administrator put them in the group in Django admin."""
    return (
        user.is_authenticated
        and user.is_active
        and user.groups.filter(name=ASSURANCE_REVIEWERS_GROUP).exists()
    )


@rules.predicate
def is_author_of_review(user, review) -> bool:
    """The reviewer who recorded the review, while still assigned to the initiative."""
    if review is None or review.reviewer_id != user.pk:
        return False
    return is_assurance_reviewer_of(user, review.initiative)


@rules.predicate
def is_programme_manager_for_recommendation(user, recommendation) -> bool:
    if recommendation is None:
        return False
    initiative = recommendation.review.initiative
    return is_programme_manager_of(user, initiative) and is_participant_of(user, initiative)


@rules.predicate
def is_member_of_recommendation_owner_body(user, recommendation) -> bool:
    if recommendation is None or not user.is_authenticated:
        return False
    return recommendation.owner_body_id in member_body_ids(user)


rules.add_perm(VIEW_ASSURANCE, can_read_initiative)
rules.add_perm(ASSIGN_ASSURANCE_REVIEWERS, can_edit_initiative)
# Reviewers record reviews; nothing else in the initiative is theirs to change.
rules.add_perm(RECORD_ASSURANCE_REVIEW, is_assurance_reviewer_of)
rules.add_perm(CHANGE_ASSURANCE_REVIEW, is_author_of_review)
rules.add_perm(
    COMPLETE_RECOMMENDATION, is_programme_manager_for_recommendation | is_member_of_recommendation_owner_body
)

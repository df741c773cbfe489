"""Every assurance and pack permission, allowed and denied."""

import pytest
from django.contrib.auth.models import Group

from governance.assurance.rules import (
    ASSIGN_ASSURANCE_REVIEWERS,
    ASSURANCE_REVIEWERS_GROUP,
    CHANGE_ASSURANCE_REVIEW,
    PROPOSE_RECOMMENDATION_CLOSURE,
    RECORD_ASSURANCE_REVIEW,
    REVIEW_RECOMMENDATION_CLOSURE,
    VIEW_ASSURANCE,
    closure_allowed,
    is_assurance_reviewer,
)
from governance.packs.rules import REQUEST_GOVERNANCE_PACK, VIEW_GOVERNANCE_PACKS
from tests.factories import PERSONAS, UserFactory
from tests.governance.pack_factories import AssuranceReviewFactory, RecommendationFactory

pytestmark = pytest.mark.django_db


def allowed(world, permission, obj) -> dict[str, bool]:
    return {persona: getattr(world, persona).has_perm(permission, obj) for persona in PERSONAS}


@pytest.mark.parametrize(
    ("permission", "who"),
    [
        (
            VIEW_ASSURANCE,
            {"programme_manager", "senior_owner", "partner_member", "assurance_reviewer", "administrator"},
        ),
        (
            VIEW_GOVERNANCE_PACKS,
            {"programme_manager", "senior_owner", "partner_member", "assurance_reviewer", "administrator"},
        ),
        (ASSIGN_ASSURANCE_REVIEWERS, {"programme_manager", "administrator"}),
        # Django gives active superusers every permission; the service still refuses an unassigned one.
        (RECORD_ASSURANCE_REVIEW, {"assurance_reviewer", "administrator"}),
        (REQUEST_GOVERNANCE_PACK, {"programme_manager", "assurance_reviewer", "administrator"}),
    ],
)
def test_initiative_permissions(world, permission, who):
    result = allowed(world, permission, world.initiative)

    assert {persona for persona, ok in result.items() if ok} == who


def test_only_the_reviewer_who_recorded_a_review_may_change_it(world):
    review = AssuranceReviewFactory(initiative=world.initiative, reviewer=world.assurance_reviewer)

    result = allowed(world, CHANGE_ASSURANCE_REVIEW, review)

    assert {p for p, ok in result.items() if ok} == {"assurance_reviewer", "administrator"}


def test_a_reviewer_who_is_no_longer_assigned_may_not_change_their_review(world):
    review = AssuranceReviewFactory(initiative=world.initiative, reviewer=world.assurance_reviewer)
    world.initiative.roles.filter(user=world.assurance_reviewer).delete()

    assert not world.assurance_reviewer.has_perm(CHANGE_ASSURANCE_REVIEW, review)


def test_another_assigned_reviewer_may_not_change_someone_elses_review(world):
    from tests.factories import InitiativeRoleFactory

    colleague = UserFactory(email="colleague@ipa.example")
    InitiativeRoleFactory(initiative=world.initiative, user=colleague, role="assurance_reviewer")
    review = AssuranceReviewFactory(initiative=world.initiative, reviewer=world.assurance_reviewer)

    assert not colleague.has_perm(CHANGE_ASSURANCE_REVIEW, review)


def a_recommendation(world, owner_body, **fields):
    review = AssuranceReviewFactory(initiative=world.initiative, reviewer=world.assurance_reviewer)
    return RecommendationFactory(review=review, owner_body=owner_body, **fields)


def allowed_as_declared(world, permission, recommendation) -> set[str]:
    """closure_allowed: the rule alone, without Django's everything-for-superusers shortcut."""
    return {p for p in PERSONAS if closure_allowed(getattr(world, p), permission, recommendation)}


def test_the_programme_manager_and_the_owner_bodys_members_may_propose_closing_a_recommendation(world):
    recommendation = a_recommendation(world, world.partner_body)

    assert allowed_as_declared(world, PROPOSE_RECOMMENDATION_CLOSURE, recommendation) == {
        "programme_manager",
        "partner_member",
    }


def test_members_of_other_participating_bodies_may_not_propose_closing_it(world):
    recommendation = a_recommendation(world, world.lead_body)

    assert closure_allowed(world.senior_owner, PROPOSE_RECOMMENDATION_CLOSURE, recommendation)  # DWP owns it
    assert not closure_allowed(world.partner_member, PROPOSE_RECOMMENDATION_CLOSURE, recommendation)


def test_members_of_an_owner_body_that_has_left_the_initiative_may_not_propose(world):
    recommendation = a_recommendation(world, world.partner_body)
    world.initiative.participations.filter(body=world.partner_body).delete()

    assert not closure_allowed(world.partner_member, PROPOSE_RECOMMENDATION_CLOSURE, recommendation)


def test_only_the_initiatives_assurance_reviewers_may_confirm_or_reopen(world):
    recommendation = a_recommendation(
        world, world.partner_body, status="proposed_closed", proposed_by=world.partner_member
    )

    assert allowed_as_declared(world, REVIEW_RECOMMENDATION_CLOSURE, recommendation) == {"assurance_reviewer"}


def test_a_reviewer_who_proposed_the_closure_may_not_confirm_it(world):
    recommendation = a_recommendation(
        world, world.partner_body, status="proposed_closed", proposed_by=world.assurance_reviewer
    )

    assert not closure_allowed(world.assurance_reviewer, REVIEW_RECOMMENDATION_CLOSURE, recommendation)


def test_a_reviewer_no_longer_assigned_may_not_confirm(world):
    recommendation = a_recommendation(
        world, world.partner_body, status="proposed_closed", proposed_by=world.partner_member
    )
    world.initiative.roles.filter(user=world.assurance_reviewer).delete()

    assert not closure_allowed(world.assurance_reviewer, REVIEW_RECOMMENDATION_CLOSURE, recommendation)


def test_only_members_of_the_assurance_reviewers_group_are_eligible(world):
    world.assurance_reviewer.groups.add(Group.objects.get_or_create(name=ASSURANCE_REVIEWERS_GROUP)[0])

    assert is_assurance_reviewer(world.assurance_reviewer)
    assert not is_assurance_reviewer(world.partner_member)


def test_an_inactive_member_of_the_group_is_not_eligible(world):
    world.assurance_reviewer.groups.add(Group.objects.get_or_create(name=ASSURANCE_REVIEWERS_GROUP)[0])
    world.assurance_reviewer.is_active = False

    assert not is_assurance_reviewer(world.assurance_reviewer)

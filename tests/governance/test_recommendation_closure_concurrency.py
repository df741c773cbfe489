"""Two people answering one proposed closure at the same moment, on PostgreSQL with real connections.

SQLite serialises every write, so the race cannot happen there; CI runs these on PostgreSQL.
"""

import pytest

from governance.assurance import services
from governance.assurance.states import Move
from governance.models import Recommendation
from tests.concurrency import all_at_once
from tests.factories import InitiativeRoleFactory, UserFactory
from tests.governance.pack_factories import AssuranceReviewFactory, RecommendationFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_of_many_reviewers_answering_at_once_exactly_one_is_recorded(world):
    review = AssuranceReviewFactory(initiative=world.initiative, reviewer=world.assurance_reviewer)
    recommendation = RecommendationFactory(review=review, owner_body=world.partner_body)
    services.recommendation_propose_closure(
        recommendation=recommendation, by=world.partner_member, evidence="Done"
    )
    reviewers = [world.assurance_reviewer]
    for number in range(3):
        colleague = UserFactory(email=f"reviewer{number}@ipa.example")
        InitiativeRoleFactory(initiative=world.initiative, user=colleague, role="assurance_reviewer")
        reviewers.append(colleague)

    def answer(mine, reviewer_and_move):
        reviewer, move = reviewer_and_move
        services.recommendation_review_closure(recommendation=mine, by=reviewer, move=move, comment="Not yet")

    moves = [Move.CONFIRM, Move.REOPEN, Move.CONFIRM, Move.REOPEN]
    outcomes = all_at_once(
        answer,
        zip(reviewers, moves, strict=True),
        # Each loaded while proposed, as each reviewer's open page had it.
        loaded=lambda: Recommendation.objects.get(pk=recommendation.pk),
    )

    errors = [outcome for outcome in outcomes if isinstance(outcome, Exception)]
    assert len(outcomes) - len(errors) == 1
    assert all(isinstance(error, services.AssuranceRefusal) for error in errors)
    assert recommendation.steps.count() == 2  # the proposal and the one answer
    recommendation.refresh_from_db()
    assert recommendation.status == recommendation.steps.last().to_status

"""Two people answering one proposed closure at the same moment, on PostgreSQL with real connections.

SQLite serialises every write, so the race cannot happen there; CI runs these on PostgreSQL.
"""

import threading

import pytest
from django.db import close_old_connections, connection

from governance.assurance import services
from governance.assurance.states import Move
from governance.models import Recommendation
from tests.factories import InitiativeRoleFactory, UserFactory
from tests.governance.pack_factories import AssuranceReviewFactory, RecommendationFactory
from tests.governance.test_decision_concurrency import run_in_thread

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (two real connections); CI runs it")


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
    barrier = threading.Barrier(len(reviewers))

    def answer(reviewer, move):
        mine = Recommendation.objects.get(pk=recommendation.pk)
        barrier.wait(10)
        services.recommendation_review_closure(recommendation=mine, by=reviewer, move=move, comment="Not yet")

    moves = [Move.CONFIRM, Move.REOPEN, Move.CONFIRM, Move.REOPEN]
    runs = [run_in_thread(answer, reviewer, move) for reviewer, move in zip(reviewers, moves, strict=True)]
    for thread, _outcome in runs:
        thread.join(15)
    close_old_connections()

    outcomes = [outcome for _thread, outcome in runs]
    assert sum("error" not in outcome for outcome in outcomes) == 1
    assert all(isinstance(o["error"], services.AssuranceRefusal) for o in outcomes if "error" in o)
    assert recommendation.steps.count() == 2  # the proposal and the one answer
    recommendation.refresh_from_db()
    assert recommendation.status == recommendation.steps.last().to_status

"""Twenty attempts to decide one decision at the same moment record exactly one decision (PostgreSQL).

Each attempt runs in its own thread with its own database connection, holding the decision as it
was loaded before anyone acted (as twenty open browser tabs would), and all start together at a
barrier. Some approve, some reject, some defer, some return it for changes. Only the conditional UPDATE in
governance.decisions.services stands between them and twenty transitions.
"""

import itertools

import pytest

from governance.decisions import services, states
from governance.decisions.states import Action
from governance.models import Decision
from tests.concurrency import all_at_once
from tests.governance.factories import decision_in, in_a_month

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ATTEMPTS = 20


def test_twenty_simultaneous_decisions_record_exactly_one_and_tell_the_others(world):
    decision = decision_in(world, "submitted")
    actions = list(itertools.islice(itertools.cycle(states.DECIDING), ATTEMPTS))

    def decide(mine: Decision, action: Action) -> Action:
        services.decision_decide(
            decision=mine,
            by=world.senior_owner,
            action=action,
            comment=f"{action} now",
            deferred_until=in_a_month(),
        )
        return action

    outcomes = all_at_once(
        decide, actions, loaded=lambda: Decision.objects.select_related("decider").get(pk=decision.pk)
    )

    # Anything but being told someone came first is a failure.
    told_or_decided = (services.DecisionChanged, Action)
    assert [repr(outcome) for outcome in outcomes if not isinstance(outcome, told_or_decided)] == []
    winners = [outcome for outcome in outcomes if not isinstance(outcome, Exception)]
    assert len(winners) == 1
    decision.refresh_from_db()
    trail = list(decision.transitions.order_by("pk").values_list("to_status", flat=True))
    assert trail == ["draft", "submitted", decision.status]
    assert decision.status != "submitted"
    told = [str(outcome) for outcome in outcomes if isinstance(outcome, services.DecisionChanged)]
    assert len(told) == ATTEMPTS - 1
    # Every other person is told who acted first, what they did and when.
    done = states.done_between("submitted", decision.status)
    assert {message.split(" at ")[0] for message in told} == {
        f"This decision was already {done} by {world.senior_owner}"
    }
    print(f"\n[20 deciders] one {decision.status}, {len(told)} told: {told[0]!r}")

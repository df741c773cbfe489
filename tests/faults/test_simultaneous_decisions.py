"""Twenty attempts to decide one decision at the same moment record exactly one decision (PostgreSQL).

Each attempt runs in its own thread with its own database connection, holding the decision as it
was loaded before anyone acted (as twenty open browser tabs would), and all start together at a
barrier. Some approve, some reject, some defer, some return it for changes. Only the conditional UPDATE in
governance.decisions.services stands between them and twenty transitions.
"""

import itertools
import threading

import pytest
from django.db import close_old_connections, connection

from governance.decisions import services, states
from governance.decisions.states import Action
from governance.models import Decision
from tests.governance.factories import decision_in, in_a_month

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ATTEMPTS = 20


@pytest.fixture(autouse=True)
def _needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (twenty real connections); CI runs it")


def test_twenty_simultaneous_decisions_record_exactly_one_and_tell_the_others(world):
    decision = decision_in(world, "submitted")
    actions = list(itertools.islice(itertools.cycle(states.DECIDING), ATTEMPTS))
    start = threading.Barrier(ATTEMPTS)
    outcomes: list[dict] = [{} for _ in actions]

    def decide(action: Action, outcome: dict) -> None:
        try:
            mine = Decision.objects.select_related("decider").get(pk=decision.pk)
            start.wait(15)
            services.decision_decide(
                decision=mine,
                by=world.senior_owner,
                action=action,
                comment=f"{action} now",
                deferred_until=in_a_month(),
            )
            outcome["decided"] = action
        except services.DecisionChanged as refusal:
            outcome["told"] = str(refusal)
        except Exception as error:  # anything else is a failure, reported below
            outcome["error"] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=pair) for pair in zip(actions, outcomes, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    close_old_connections()

    assert not any(thread.is_alive() for thread in threads)
    assert [outcome["error"] for outcome in outcomes if "error" in outcome] == []
    winners = [outcome["decided"] for outcome in outcomes if "decided" in outcome]
    assert len(winners) == 1
    decision.refresh_from_db()
    trail = list(decision.transitions.order_by("pk").values_list("to_status", flat=True))
    assert trail == ["draft", "submitted", decision.status]
    assert decision.status != "submitted"
    told = [outcome["told"] for outcome in outcomes if "told" in outcome]
    assert len(told) == ATTEMPTS - 1
    # Every other person is told who acted first, what they did and when.
    done = states.done_between("submitted", decision.status)
    assert {message.split(" at ")[0] for message in told} == {
        f"This decision was already {done} by {world.senior_owner}"
    }
    print(f"\n[20 deciders] one {decision.status}, {len(told)} told: {told[0]!r}")

"""Two people acting on one decision at the same moment, on PostgreSQL with two real connections.

SQLite serialises every write, so the race this guards against cannot happen there; CI runs
these on PostgreSQL, where two transactions really do interleave.
"""

import threading
import time

import pytest
from django.db import close_old_connections, transaction

from governance.decisions import services
from governance.decisions.states import Action
from governance.models import Decision
from tests.concurrency import all_at_once, in_thread
from tests.governance.factories import decision_in

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_decisions_at_the_same_moment_end_with_exactly_one_transition(world):
    decision = decision_in(world, "submitted")
    first_has_written = threading.Event()
    let_first_commit = threading.Event()

    def approve_and_hold():
        # Approve inside a transaction that stays open, holding the row, until told to commit.
        with transaction.atomic():
            mine = Decision.objects.get(pk=decision.pk)
            services.decision_decide(
                decision=mine, by=world.senior_owner, action=Action.APPROVE, comment="Yes"
            )
            first_has_written.set()
            let_first_commit.wait(10)

    def reject_meanwhile():
        # Loaded while still submitted, as a second browser tab would have it.
        mine = Decision.objects.get(pk=decision.pk)
        first_has_written.wait(10)
        started = time.monotonic()
        try:
            services.decision_decide(decision=mine, by=world.senior_owner, action=Action.REJECT, comment="No")
        finally:
            outcome_times["waited"] = time.monotonic() - started

    outcome_times = {}
    first, first_outcome = in_thread(approve_and_hold)
    second, second_outcome = in_thread(reject_meanwhile)
    first_has_written.wait(10)
    time.sleep(0.5)  # the second is now blocked on the row the first has updated
    let_first_commit.set()
    first.join(10)
    second.join(10)
    close_old_connections()

    decision.refresh_from_db()
    assert "error" not in first_outcome
    assert isinstance(second_outcome.get("error"), services.DecisionChanged)
    assert str(second_outcome["error"]).startswith("This decision was already approved by David Okafor at ")
    assert outcome_times["waited"] >= 0.4, "the second update should have waited for the first to commit"
    assert decision.status == "approved"
    assert list(decision.transitions.values_list("to_status", flat=True).order_by("pk")) == [
        "draft",
        "submitted",
        "approved",
    ]


def test_many_simultaneous_submissions_of_one_form_record_one_transition(world):
    decision = decision_in(world, "submitted")

    def approve(mine, _tab):
        services.decision_decide(decision=mine, by=world.senior_owner, action=Action.APPROVE, comment="Yes")

    outcomes = all_at_once(approve, range(4), loaded=lambda: Decision.objects.get(pk=decision.pk))

    errors = [outcome for outcome in outcomes if isinstance(outcome, Exception)]
    assert len(outcomes) - len(errors) == 1
    assert all(isinstance(error, services.DecisionChanged) for error in errors)
    assert decision.transitions.filter(to_status="approved").count() == 1


def test_two_programme_managers_changing_one_decision_draft_one_replacement(world):
    decision = decision_in(world, "approved")

    def change(mine, _tab):
        return services.decision_supersede(decision=mine, by=world.programme_manager, reason="New advice")

    outcomes = all_at_once(change, range(2), loaded=lambda: Decision.objects.get(pk=decision.pk))

    assert sum(not isinstance(outcome, Exception) for outcome in outcomes) == 1
    assert Decision.objects.filter(supersedes=decision).count() == 1
    assert decision.transitions.filter(to_status="superseded").count() == 1

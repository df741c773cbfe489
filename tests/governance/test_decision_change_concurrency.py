"""Many deciders approving one decision that changes records, at once, on PostgreSQL.

Each approval runs on its own connection. Exactly one approval wins and applies every change
once; the others are refused having changed nothing. SQLite serialises every write, so only
PostgreSQL shows this holds when approvals really interleave.
"""

import pytest

from governance.decisions import services
from governance.decisions.states import Action
from governance.models import Decision, DecisionSnapshot
from governance.retirement.services import retire
from tests.concurrency import all_at_once
from tests.governance.factories import draft
from tests.governance.register_factories import RiskFactory
from tests.governance.test_decision_changes import MEANING, about, disputed_term, submitted

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
DECIDERS = 20


def decision_changing_a_risk_and_a_term(world):
    risk = RiskFactory(initiative=world.initiative, treatment="tolerate")
    term = disputed_term(world)
    decision = draft(world, title="Transfer the risk and agree the term")
    about(world, decision, "risk", risk, treatment="transfer")
    about(world, decision, "term", term, status="agreed", agreed_meaning=MEANING)
    submitted(world, decision)
    return decision, risk, term


def approvals_at_once(world, decision, count: int, *also) -> list:
    """`count` approvals of `decision` (and any `also` callables), released together; their outcomes."""

    def approve(mine):
        services.decision_decide(decision=mine, by=world.senior_owner, action=Action.APPROVE)

    return all_at_once(
        lambda mine, work: work(mine),
        [approve] * count + [lambda _mine, work=work: work() for work in also],
        # Loaded while submitted, as each browser tab had it.
        loaded=lambda: Decision.objects.get(pk=decision.pk),
    )


def test_twenty_deciders_approving_at_once_apply_each_change_exactly_once(world):
    decision, risk, term = decision_changing_a_risk_and_a_term(world)

    outcomes = approvals_at_once(world, decision, DECIDERS)

    refused = [outcome for outcome in outcomes if isinstance(outcome, Exception)]
    print(f"\n{DECIDERS} simultaneous approvals: {DECIDERS - len(refused)} applied, {len(refused)} refused")
    assert len(refused) == DECIDERS - 1
    assert all(isinstance(error, services.DecisionChanged) for error in refused)
    risk.refresh_from_db()
    term.refresh_from_db()
    assert (risk.treatment, term.status, term.agreed_meaning) == ("transfer", "agreed", MEANING)
    assert risk.history.filter(history_change_reason="Approved in D001").count() == 1
    assert term.history.filter(history_change_reason="Approved in D001").count() == 1
    assert decision.transitions.filter(to_status="approved").count() == 1
    assert DecisionSnapshot.objects.filter(decision=decision).count() == 1


def test_approvals_racing_the_risks_closure_change_everything_or_nothing(world):
    decision, risk, term = decision_changing_a_risk_and_a_term(world)

    outcomes = approvals_at_once(
        world,
        decision,
        5,
        lambda: retire(record=risk, by=world.programme_manager, reason="No longer a risk"),
    )

    decision.refresh_from_db()
    risk.refresh_from_db()
    term.refresh_from_db()
    closures = outcomes[5:]
    assert not any(isinstance(outcome, Exception) for outcome in closures), (
        f"the closure always goes through: {closures}"
    )
    assert risk.is_retired
    if decision.status == "approved":
        # Approved before the closure: both changes made, the closure after them.
        assert (risk.treatment, term.status) == ("transfer", "agreed")
        assert DecisionSnapshot.objects.filter(decision=decision).count() == 1
    else:
        # Closed first: every approval refused, nothing changed.
        assert decision.status == "submitted"
        assert (risk.treatment, term.status) == ("tolerate", "disputed")
        assert term.history.filter(history_change_reason="Approved in D001").count() == 0
        assert not DecisionSnapshot.objects.filter(decision=decision).exists()

"""The declared state machine: every action from every state, allowed or refused."""

import pytest

from collab.state_machine import TransitionNotAllowed
from governance.decisions import states
from governance.decisions.states import Action, allowed_actions, target_of
from governance.models import Decision

ALLOWED = {
    (states.NEW, Action.CREATE): states.DRAFT,
    (states.DRAFT, Action.SUBMIT): states.SUBMITTED,
    (states.SUBMITTED, Action.APPROVE): states.APPROVED,
    (states.SUBMITTED, Action.REJECT): states.REJECTED,
    (states.SUBMITTED, Action.DEFER): states.DEFERRED,
    (states.SUBMITTED, Action.RETURN): states.RETURNED,
    (states.DEFERRED, Action.RESUBMIT): states.SUBMITTED,
    (states.RETURNED, Action.RESUBMIT): states.SUBMITTED,
    (states.APPROVED, Action.SUPERSEDE): states.SUPERSEDED,
    (states.REJECTED, Action.SUPERSEDE): states.SUPERSEDED,
    (states.DRAFT, Action.WITHDRAW): states.WITHDRAWN,
    (states.SUBMITTED, Action.WITHDRAW): states.WITHDRAWN,
    (states.RETURNED, Action.WITHDRAW): states.WITHDRAWN,
    (states.DEFERRED, Action.WITHDRAW): states.WITHDRAWN,
}
EVERY_MOVE = [(state, action) for state in (states.NEW, *states.STATES) for action in Action]


@pytest.mark.parametrize(("state", "action"), EVERY_MOVE)
def test_every_action_from_every_state(state, action):
    if (state, action) in ALLOWED:
        assert target_of(action, state) == ALLOWED[(state, action)]
        assert action in allowed_actions(state)
    else:
        with pytest.raises(TransitionNotAllowed):
            target_of(action, state)
        assert action not in allowed_actions(state)


def test_decided_and_superseded_decisions_allow_no_edits_and_superseded_is_final():
    assert {states.DRAFT, states.DEFERRED, states.RETURNED} == states.EDITABLE
    assert allowed_actions(states.SUPERSEDED) == []


def test_the_model_knows_every_state_the_machine_uses():
    assert set(Decision.Status.values) == set(states.STATES)


def test_the_decider_approves_rejects_defers_or_returns_and_only_a_submitted_decision():
    assert [state for state in states.STATES if states.awaits_decider(state)] == [states.SUBMITTED]
    assert {states.APPROVED, states.REJECTED, states.DEFERRED} == states.OUTCOMES
    assert [a for a in states.DECIDING if states.TRANSITIONS[a].target not in states.OUTCOMES] == [
        Action.RETURN
    ]


def test_returning_needs_a_comment_and_only_deferring_needs_a_date():
    assert Action.RETURN in states.COMMENT_REQUIRED
    assert {Action.DEFER} == states.DATE_REQUIRED


def test_a_returned_decision_is_open_editable_and_goes_back_only_by_resubmission_or_withdrawal():
    assert states.is_open(states.RETURNED)
    assert states.is_editable(states.RETURNED)
    assert set(allowed_actions(states.RETURNED)) == {Action.RESUBMIT, Action.WITHDRAW}


def test_decided_decisions_are_the_ones_only_a_new_decision_can_change():
    assert {states.APPROVED, states.REJECTED} == states.DECIDED
    assert not any(states.is_editable(state) for state in states.DECIDED)


@pytest.mark.parametrize(("source", "target"), ALLOWED.items())
def test_every_move_has_a_past_tense_for_messages(source, target):
    state, action = source

    assert states.done_between(state, target) == states.TRANSITIONS[action].done


def test_there_is_no_past_tense_for_a_move_the_machine_does_not_make():
    assert states.done_between(states.DRAFT, states.APPROVED) is None

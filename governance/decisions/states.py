"""The decision state machine, declared once: which action moves a decision from which states to which.

Services perform transitions with a conditional UPDATE on the states listed here, so two
people acting at once cannot both succeed; tests walk this table for every allowed and
forbidden move.
"""

from __future__ import annotations

from enum import StrEnum

from collab.state_machine import StateMachine, Transition

DRAFT = "draft"
SUBMITTED = "submitted"
APPROVED = "approved"
REJECTED = "rejected"
DEFERRED = "deferred"
# Sent back by the decider with a comment: its drafter changes it and submits it again.
RETURNED = "returned"
SUPERSEDED = "superseded"
WITHDRAWN = "withdrawn"
NEW = ""  # Not yet in the log: the "from" state of the first transition.

STATES = (DRAFT, SUBMITTED, RETURNED, APPROVED, REJECTED, DEFERRED, SUPERSEDED, WITHDRAWN)


class Action(StrEnum):
    CREATE = "create"
    SUBMIT = "submit"
    APPROVE = "approve"
    REJECT = "reject"
    DEFER = "defer"
    RETURN = "return"
    RESUBMIT = "resubmit"
    SUPERSEDE = "supersede"
    WITHDRAW = "withdraw"


MACHINE: StateMachine[Action] = StateMachine(
    (
        Transition(Action.CREATE, frozenset({NEW}), DRAFT, "drafted"),
        Transition(Action.SUBMIT, frozenset({DRAFT}), SUBMITTED, "submitted"),
        Transition(Action.APPROVE, frozenset({SUBMITTED}), APPROVED, "approved"),
        Transition(Action.REJECT, frozenset({SUBMITTED}), REJECTED, "rejected"),
        # Deferred to a date to revisit it (Decision.deferred_until), which the decider must give.
        Transition(Action.DEFER, frozenset({SUBMITTED}), DEFERRED, "deferred"),
        Transition(Action.RETURN, frozenset({SUBMITTED}), RETURNED, "returned for changes"),
        Transition(Action.RESUBMIT, frozenset({DEFERRED, RETURNED}), SUBMITTED, "resubmitted"),
        # A decided decision is never edited: a change is a new draft that supersedes it.
        Transition(Action.SUPERSEDE, frozenset({APPROVED, REJECTED}), SUPERSEDED, "superseded"),
        # Its drafter takes it back before it is decided; it leaves the log's working list and anyone's queue.
        Transition(
            Action.WITHDRAW, frozenset({DRAFT, SUBMITTED, RETURNED, DEFERRED}), WITHDRAWN, "withdrawn"
        ),
    ),
    noun="decision",
)
TRANSITIONS = MACHINE.transitions
target_of = MACHINE.target_of
can = MACHINE.can
allowed_actions = MACHINE.allowed
done_between = MACHINE.done_between

# States in which the content (title, context, options, recommendation) may still change.
EDITABLE = frozenset({DRAFT, DEFERRED, RETURNED})
# States in which a decision is still open, so it may be escalated.
OPEN = frozenset({DRAFT, SUBMITTED, DEFERRED, RETURNED})
# Transitions that need a comment saying why.
COMMENT_REQUIRED = frozenset({Action.REJECT, Action.DEFER, Action.RETURN, Action.SUPERSEDE, Action.WITHDRAW})
# What the named decider may do with a submitted decision.
DECIDING = (Action.APPROVE, Action.REJECT, Action.DEFER, Action.RETURN)
# Deciding that needs a date to revisit the decision on.
DATE_REQUIRED = frozenset({Action.DEFER})
# Deciding that sends the decision back to its drafter (told by email and on their home page)
# rather than settling it; the initiative's programme managers are told of the others.
BACK_TO_DRAFTER = frozenset({Action.RETURN})
# Where deciding settles the decision, for now or for good.
OUTCOMES = frozenset(TRANSITIONS[action].target for action in DECIDING if action not in BACK_TO_DRAFTER)
# Decided for good: never edited again, only superseded by a new decision.
DECIDED = TRANSITIONS[Action.SUPERSEDE].sources


def awaits_decider(current: str) -> bool:
    """Submitted: the named decider may approve, reject, defer or return it."""
    return any(can(action, current) for action in DECIDING)


def is_editable(current: str) -> bool:
    return current in EDITABLE


def is_open(current: str) -> bool:
    return current in OPEN

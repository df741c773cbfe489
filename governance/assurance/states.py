"""A recommendation's road to closure, declared once: which move takes it from which state to which.

The owning body proposes closure with evidence; an assurance reviewer confirms it or reopens it.
Services make each move with a conditional UPDATE on the states listed here, so two people acting
at once cannot both succeed.
"""

from __future__ import annotations

from enum import StrEnum

from collab.state_machine import StateMachine, Transition

OPEN = "open"
PROPOSED_CLOSED = "proposed_closed"
CLOSED = "closed"

STATES = (OPEN, PROPOSED_CLOSED, CLOSED)


class Move(StrEnum):
    PROPOSE = "propose"
    CONFIRM = "confirm"
    REOPEN = "reopen"


MACHINE: StateMachine[Move] = StateMachine(
    (
        Transition(Move.PROPOSE, frozenset({OPEN}), PROPOSED_CLOSED, "proposed for closure"),
        Transition(Move.CONFIRM, frozenset({PROPOSED_CLOSED}), CLOSED, "confirmed closed"),
        Transition(Move.REOPEN, frozenset({PROPOSED_CLOSED}), OPEN, "reopened"),
    ),
    noun="recommendation",
)
TRANSITIONS = MACHINE.transitions
# An illegal move raises collab.state_machine.TransitionNotAllowed; ask `can` first to avoid it.
target_of = MACHINE.target_of
can = MACHINE.can
done_between = MACHINE.done_between

# The reviewer's answers to a proposal.
REVIEWING = (Move.CONFIRM, Move.REOPEN)
# Moves that need words: the evidence of a proposal, the reason for reopening.
COMMENT_REQUIRED = frozenset({Move.PROPOSE, Move.REOPEN})
